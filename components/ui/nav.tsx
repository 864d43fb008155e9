import type { ComponentProps, ElementType, ReactNode } from 'react';
import { cx } from './cx';

export type BrandProps = ComponentProps<'a'> & { name?: string };

/** The product mark + name, linking home. */
export function Brand({ name = 'PurposePath', href = '/', className, ...rest }: BrandProps) {
  return (
    <a href={href} className={cx('pp-brand', className)} {...rest}>
      <span className="pp-brand__mark" aria-hidden="true">
        {name.charAt(0)}
      </span>
      {name}
    </a>
  );
}

export type NavProps = ComponentProps<'nav'> & { heading?: ReactNode };

/** A labelled <nav> with a list of NavLinks. Pass `aria-label` when there is more than one nav. */
export function Nav({ heading, className, children, 'aria-label': ariaLabel = 'Main', ...rest }: NavProps) {
  return (
    <nav aria-label={ariaLabel} className={className} {...rest}>
      {heading ? <div className="pp-nav__heading">{heading}</div> : null}
      <ul className="pp-nav" role="list">
        {children}
      </ul>
    </nav>
  );
}

export type NavLinkProps = Omit<ComponentProps<'a'>, 'href'> & {
  href: string;
  /** Marks the current page (aria-current="page"). */
  active?: boolean;
  icon?: ReactNode;
  /** A count on the right, e.g. open issues. */
  badge?: ReactNode;
  /** The link component, e.g. Next's `Link`, so navigation stays client-side. Defaults to <a>. */
  as?: ElementType;
};

export function NavLink({
  href,
  active = false,
  icon,
  badge,
  as: Link = 'a',
  className,
  children,
  ...rest
}: NavLinkProps) {
  return (
    <li>
      <Link href={href} className={cx('pp-nav__link', className)} aria-current={active ? 'page' : undefined} {...rest}>
        {icon}
        <span className="pp-truncate">{children}</span>
        {badge !== undefined && badge !== null ? <span className="pp-nav__badge">{badge}</span> : null}
      </Link>
    </li>
  );
}
