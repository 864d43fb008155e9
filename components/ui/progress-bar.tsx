import type { ComponentProps } from 'react';
import { cx } from './cx';

export type ProgressBarProps = Omit<ComponentProps<'div'>, 'children'> & {
  /** 0–100; clamped, and rounded for display. */
  value: number;
  /** Accessible name, e.g. `Goal progress`. */
  label?: string;
  /** Hide the `40%` text next to the bar. */
  hideValue?: boolean;
  /** Stretch to the container's width. */
  block?: boolean;
};

export function clampPercent(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.round(Math.min(100, Math.max(0, value)));
}

/** A progress bar with role="progressbar", aria values and the `40%` text. */
export function ProgressBar({
  value,
  label = 'Progress',
  hideValue = false,
  block = false,
  className,
  ...rest
}: ProgressBarProps) {
  const pct = clampPercent(value);
  return (
    <div
      className={cx('pp-progress', block && 'pp-progress--block', className)}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct}
      aria-valuetext={`${pct}%`}
      data-complete={pct === 100 ? '' : undefined}
      {...rest}
    >
      <span className="pp-progress__track" aria-hidden="true">
        {/* Scaled, not sized: a change animates on the compositor, with no layout or paint per frame. */}
        <span className="pp-progress__fill" style={{ transform: `scaleX(${pct / 100})` }} />
      </span>
      {hideValue ? null : <span className="pp-progress__value">{pct}%</span>}
    </div>
  );
}
