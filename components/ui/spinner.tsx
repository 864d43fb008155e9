import type { ComponentProps } from 'react';
import { cx } from './cx';

export type SpinnerProps = Omit<ComponentProps<'span'>, 'children'> & {
  size?: 'sm' | 'md' | 'lg';
  /** Announced to screen readers; omit when the spinner sits inside something already labelled (e.g. a busy button). */
  label?: string;
};

export function Spinner({ size = 'md', label, className, ...rest }: SpinnerProps) {
  return (
    <span
      className={cx('pp-spinner', size !== 'md' && `pp-spinner--${size}`, className)}
      role={label ? 'status' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      {...rest}
    />
  );
}

/** A centred spinner with a visible line of text, for a region that is loading. */
export function Loading({ label = 'Loading…', className, ...rest }: ComponentProps<'div'> & { label?: string }) {
  return (
    <div className={cx('pp-loading', className)} role="status" {...rest}>
      <Spinner />
      <span>{label}</span>
    </div>
  );
}
