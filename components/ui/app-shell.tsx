'use client';

import { useEffect, useId, useState, type ComponentProps, type MouseEvent, type ReactNode } from 'react';
import { IconButton } from './button';
import { cx } from './cx';
import { IconClose, IconMenu } from './icons';

export type AppShellProps = Omit<ComponentProps<'div'>, 'children'> & {
  /** Top of the sidebar, usually <Brand />. */
  brand: ReactNode;
  /** The navigation: <Nav> with <NavLink>s. */
  nav: ReactNode;
  /** Bottom of the sidebar (e.g. the signed-in user). */
  sidebarFooter?: ReactNode;
  /** Left of the header bar (e.g. a search or breadcrumb). */
  headerStart?: ReactNode;
  /** Right of the header bar: tenant, connection badge, user menu. */
  headerEnd?: ReactNode;
  children: ReactNode;
};

/**
 * The page frame: a sidebar with brand and nav, a sticky header, and the main content.
 * At 768 px and below the sidebar becomes a top bar whose nav opens from a Menu button;
 * following a link, or Escape, closes it.
 */
export function AppShell({
  brand,
  nav,
  sidebarFooter,
  headerStart,
  headerEnd,
  children,
  className,
  ...rest
}: AppShellProps) {
  const [menuOpen, setMenuOpen] = useState(false);
  const navId = `nav${useId()}`;

  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setMenuOpen(false);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  const closeOnLink = (e: MouseEvent<HTMLElement>) => {
    if ((e.target as HTMLElement).closest('a')) setMenuOpen(false);
  };

  return (
    <div className={cx('pp-shell', className)} data-menu={menuOpen ? 'open' : 'closed'} {...rest}>
      <a href="#main" className="pp-visually-hidden pp-skip-link">
        Skip to content
      </a>
      <aside className="pp-shell__sidebar">
        <div className="pp-shell__sidebar-inner">
          <div className="pp-shell__brand-row">
            {brand}
            <IconButton
              className="pp-shell__menu-button"
              label={menuOpen ? 'Close menu' : 'Open menu'}
              aria-expanded={menuOpen}
              aria-controls={navId}
              onClick={() => setMenuOpen((open) => !open)}
            >
              {menuOpen ? <IconClose /> : <IconMenu />}
            </IconButton>
          </div>
          <div id={navId} className="pp-shell__nav" onClick={closeOnLink}>
            {nav}
          </div>
          {sidebarFooter ? <div className="pp-shell__sidebar-footer">{sidebarFooter}</div> : null}
        </div>
      </aside>
      <div className="pp-shell__main">
        {headerStart || headerEnd ? (
          <header className="pp-shell__header">
            <div className="pp-shell__header-start">{headerStart}</div>
            <div className="pp-shell__header-end">{headerEnd}</div>
          </header>
        ) : null}
        <main id="main" className="pp-shell__content" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}
