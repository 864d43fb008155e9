import { formatNumber } from './format';
import styles from './lists.module.css';

/** A number with its unit set smaller, so large stat values do not wrap: `3,940 users`. */
export function Quantity({ value, unit }: { value: number | null | undefined; unit: string }) {
  if (value === null || value === undefined || !Number.isFinite(value)) return <>—</>;
  if (unit === '%') return <>{formatNumber(value, unit)}</>;
  return (
    <>
      {formatNumber(value)}
      <span className={styles.unit}> {unit}</span>
    </>
  );
}
