import type { CSSProperties, ComponentProps } from 'react';
import { cx } from './cx';

type Gap = 1 | 2 | 3 | 4 | 5 | 6;

export type StackProps = ComponentProps<'div'> & {
  /** Spacing step: 1 = 4 px, 2 = 8, 3 = 12, 4 = 16 (default), 5 = 24, 6 = 32. */
  gap?: Gap;
  /** Lay out in a wrapping row instead of a column. */
  row?: boolean;
};

/** Vertical (or wrapping horizontal) spacing on the 8-px grid. */
export function Stack({ gap = 4, row = false, className, ...rest }: StackProps) {
  return (
    <div className={cx('pp-stack', gap !== 4 && `pp-stack--gap-${gap}`, row && 'pp-stack--row', className)} {...rest} />
  );
}

export type GridProps = ComponentProps<'div'> & {
  /** Smallest column width before columns wrap; 220 px by default. */
  minColumn?: number;
};

/** Responsive auto-fill grid, e.g. dashboard stats or cards. */
export function Grid({ minColumn, className, style, ...rest }: GridProps) {
  const vars = minColumn ? ({ '--pp-grid-min': `${minColumn}px` } as CSSProperties) : undefined;
  return <div className={cx('pp-grid', className)} style={{ ...vars, ...style }} {...rest} />;
}

/** A row of filters and actions above a list; wraps on narrow screens. Use ToolbarSpacer to push items right. */
export function Toolbar({ className, ...rest }: ComponentProps<'div'>) {
  return <div role="group" className={cx('pp-toolbar', className)} {...rest} />;
}

export function ToolbarSpacer() {
  return <span className="pp-toolbar__spacer" aria-hidden="true" />;
}

/** Text for screen readers only, e.g. a row's column names. */
export function VisuallyHidden({ className, ...rest }: ComponentProps<'span'>) {
  return <span className={cx('pp-visually-hidden', className)} {...rest} />;
}
