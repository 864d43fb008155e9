import type { ComponentProps, ReactNode } from 'react';
import { cx } from './cx';

export type PageHeaderProps = Omit<ComponentProps<'header'>, 'title'> & {
  /** The page's h1. */
  title: ReactNode;
  description?: ReactNode;
  /** Small line above the title: a breadcrumb or a back link. */
  eyebrow?: ReactNode;
  /** Buttons on the right (wrap under the title on phones). */
  actions?: ReactNode;
};

export function PageHeader({ title, description, eyebrow, actions, className, ...rest }: PageHeaderProps) {
  return (
    <header className={cx('pp-page-header', className)} {...rest}>
      <div className="pp-page-header__text">
        {eyebrow ? <div className="pp-page-header__eyebrow">{eyebrow}</div> : null}
        <h1 className="pp-page-header__title">{title}</h1>
        {description ? <p className="pp-page-header__description">{description}</p> : null}
      </div>
      {actions ? <div className="pp-page-header__actions">{actions}</div> : null}
    </header>
  );
}
