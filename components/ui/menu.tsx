import type { ComponentProps, ReactNode } from 'react';
import { cx } from './cx';

/** A simple list of actions inside a Popover (not an ARIA menu: plain buttons and links, Tab to move). */
export function Menu({ className, ...rest }: ComponentProps<'ul'>) {
  return <ul role="list" className={cx('pp-menu', className)} {...rest} />;
}

export type MenuItemProps = ComponentProps<'button'> & { icon?: ReactNode; current?: boolean };

export function MenuItem({ icon, current, className, children, type = 'button', ...rest }: MenuItemProps) {
  return (
    <li>
      <button type={type} className={cx('pp-menu__item', className)} aria-current={current || undefined} {...rest}>
        {icon}
        <span className="pp-truncate">{children}</span>
      </button>
    </li>
  );
}

export function MenuLabel({ className, ...rest }: ComponentProps<'li'>) {
  return <li className={cx('pp-menu__label', className)} {...rest} />;
}

export function MenuSeparator() {
  return <li role="separator" className="pp-menu__separator" />;
}
