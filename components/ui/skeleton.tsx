import type { ComponentProps, CSSProperties } from 'react';
import { cx } from './cx';

export type SkeletonProps = Omit<ComponentProps<'span'>, 'children'> & {
  width?: CSSProperties['width'];
  height?: CSSProperties['height'];
  circle?: boolean;
};

/** A grey placeholder block; decorative (the loading region itself carries aria-busy or a status). */
export function Skeleton({ width = '100%', height, circle = false, className, style, ...rest }: SkeletonProps) {
  return (
    <span
      aria-hidden="true"
      className={cx('pp-skeleton', circle && 'pp-skeleton--circle', className)}
      style={{ width, height, ...style }}
      {...rest}
    />
  );
}

export type SkeletonRowsProps = ComponentProps<'div'> & {
  rows?: number;
  /** Announced to screen readers while loading. */
  label?: string;
};

/** Placeholder rows shaped like a DataList, while a list loads. */
export function SkeletonRows({ rows = 5, label = 'Loading…', className, ...rest }: SkeletonRowsProps) {
  return (
    <div className={cx('pp-card pp-skeleton-rows', className)} role="status" aria-busy="true" {...rest}>
      <span className="pp-visually-hidden">{label}</span>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="pp-skeleton-rows__row">
          <Skeleton width={20} height={20} circle />
          <span style={{ display: 'flex', flex: 1, flexDirection: 'column', gap: 6 }}>
            <Skeleton width={`${45 + ((i * 17) % 35)}%`} height={12} />
            <Skeleton width={`${20 + ((i * 11) % 20)}%`} height={10} />
          </span>
          <Skeleton width={72} height={20} />
        </div>
      ))}
    </div>
  );
}
