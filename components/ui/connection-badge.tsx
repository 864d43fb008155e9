import type { ComponentProps } from 'react';
import { cx } from './cx';

export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'offline' | 'unauthorized' | 'disabled';

export type ConnectionBadgeProps = Omit<ComponentProps<'span'>, 'children'> & {
  state: ConnectionState;
  /** The words shown, e.g. `Live` or `Reconnecting in 4 s`. */
  label: string;
};

/**
 * Presentational only: a dot (green live, amber connecting/reconnecting, grey offline/disabled,
 * red unauthorized) and a label. The caller adds role="status", data-testid and data-state.
 */
export function ConnectionBadge({ state, label, className, ...rest }: ConnectionBadgeProps) {
  return (
    <span className={cx('pp-connection', `pp-connection--${state}`, className)} {...rest}>
      <span className="pp-connection__dot" aria-hidden="true" />
      {label}
    </span>
  );
}
