import type { ComponentProps, ReactNode } from 'react';
import { cx } from './cx';

export type TableProps = ComponentProps<'table'> & {
  /** Visible-to-screen-readers caption that names the table. */
  caption?: ReactNode;
};

/**
 * A plain styled table in a horizontally scrolling frame. Use normal thead/tbody/tr/th/td;
 * put `data-align="end"` on numeric cells. Rows accept data-testid like any <tr>.
 */
export function Table({ caption, className, children, ...rest }: TableProps) {
  return (
    <div className="pp-table-wrap">
      <table className={cx('pp-table', className)} {...rest}>
        {caption ? <caption className="pp-visually-hidden">{caption}</caption> : null}
        {children}
      </table>
    </div>
  );
}
