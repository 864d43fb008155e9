import type { ComponentProps } from 'react';
import { cx } from './cx';

export type SparklineProps = Omit<ComponentProps<'svg'>, 'children' | 'values' | 'width' | 'height' | 'target'> & {
  /** Readings in time order (oldest first). */
  values: readonly number[];
  /** Draws a dashed target line. */
  target?: number | null;
  /** What the chart shows, e.g. `Weekly active users`; a summary (count, latest, target) is appended. */
  label: string;
  /** Unit appended to numbers in the summary, e.g. `%`. */
  unit?: string;
  width?: number;
  height?: number;
  /** Mark every reading, not just the latest. */
  showPoints?: boolean;
};

const PAD = 3;

function fmt(n: number, unit?: string): string {
  const text = Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/\.?0+$/, '');
  return unit ? `${text}${unit === '%' ? '' : ' '}${unit}` : text;
}

/** The accessible summary: `Revenue: 4 readings, latest 12 USD, target 20 USD`. */
export function sparklineSummary(label: string, values: readonly number[], target?: number | null, unit?: string) {
  const finite = values.filter(Number.isFinite);
  const parts = [finite.length === 0 ? 'no readings yet' : `${finite.length} reading${finite.length === 1 ? '' : 's'}`];
  const last = finite[finite.length - 1];
  if (last !== undefined) parts.push(`latest ${fmt(last, unit)}`);
  if (target !== undefined && target !== null && Number.isFinite(target)) parts.push(`target ${fmt(target, unit)}`);
  return `${label}: ${parts.join(', ')}`;
}

/** Scales values into the box; y grows downwards, so larger values sit higher. */
export function sparklinePoints(values: readonly number[], width: number, height: number, target?: number | null) {
  const finite = values.filter(Number.isFinite);
  const all = target !== undefined && target !== null && Number.isFinite(target) ? [...finite, target] : finite;
  const min = Math.min(...all);
  const max = Math.max(...all);
  const span = max - min;
  const y = (v: number) => (span === 0 ? height / 2 : PAD + (1 - (v - min) / span) * (height - 2 * PAD));
  const x = (i: number) => (finite.length === 1 ? width / 2 : PAD + (i / (finite.length - 1)) * (width - 2 * PAD));
  return {
    points: finite.map((v, i) => ({ x: x(i), y: y(v) })),
    targetY: all.length > finite.length ? y(target as number) : null,
  };
}

/** A small inline line chart of measure readings, with an optional target line. role="img" with a summary label. */
export function Sparkline({
  values,
  target,
  label,
  unit,
  width = 120,
  height = 32,
  showPoints = false,
  className,
  ...rest
}: SparklineProps) {
  const summary = sparklineSummary(label, values, target, unit);
  const { points, targetY } = sparklinePoints(values, width, height, target);
  const r = (n: number) => Math.round(n * 100) / 100;
  const line = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${r(p.x)} ${r(p.y)}`).join(' ');
  const first = points[0];
  const last = points[points.length - 1];
  const area = points.length > 1 && first && last ? `${line} L${r(last.x)} ${height} L${r(first.x)} ${height} Z` : null;
  return (
    <svg
      role="img"
      aria-label={summary}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      className={cx('pp-sparkline', className)}
      data-count={points.length}
      {...rest}
    >
      <title>{summary}</title>
      {points.length === 0 ? (
        <line className="pp-sparkline__empty" x1={PAD} x2={width - PAD} y1={height / 2} y2={height / 2} />
      ) : null}
      {targetY !== null ? (
        <line className="pp-sparkline__target" x1={0} x2={width} y1={r(targetY)} y2={r(targetY)} />
      ) : null}
      {area ? <path className="pp-sparkline__area" d={area} /> : null}
      {points.length > 1 ? <path className="pp-sparkline__line" d={line} /> : null}
      {(showPoints ? points : last ? [last] : []).map((p, i) => (
        <circle key={i} className="pp-sparkline__point" cx={r(p.x)} cy={r(p.y)} r={2.5} />
      ))}
    </svg>
  );
}
