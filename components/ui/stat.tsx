import type { ComponentProps, ReactNode } from 'react';
import { cx } from './cx';

export type StatProps = Omit<ComponentProps<'div'>, 'children'> & {
  label: ReactNode;
  value: ReactNode;
  /** A short line under the value, e.g. `3 due this week`. */
  hint?: ReactNode;
};

/** A dashboard counter. Its label and value are a dt/dd pair so screen readers read them together. */
export function Stat({ label, value, hint, className, ...rest }: StatProps) {
  return (
    <div className={cx('pp-stat', className)} {...rest}>
      <dl style={{ display: 'contents' }}>
        <dt className="pp-stat__label">{label}</dt>
        <dd className="pp-stat__value">{value}</dd>
      </dl>
      {hint ? <p className="pp-stat__hint">{hint}</p> : null}
    </div>
  );
}
