'use client';

import { useQuery } from '@tanstack/react-query';
import { measureQueries, type Measure } from '@/lib/api';
import { DataRow, Sparkline } from '@/components/ui';
import { formatNumber } from '@/components/common/format';
import { renderLink } from '@/components/common/link-row';
import { useRemoteFlash } from '@/components/live/remote-changes';
import styles from './measures.module.css';

/** Current value against target; with `trend`, a sparkline of its readings. */
export function MeasureRow({ measure, trend = true }: { measure: Measure; trend?: boolean }) {
  const ref = useRemoteFlash<HTMLLIElement>('measure', measure.id);
  const readings = useQuery({ ...measureQueries.readings(measure.id), enabled: trend });
  return (
    <DataRow
      ref={ref}
      data-testid={`measure-row-${measure.id}`}
      title={measure.name}
      titleHref={`/measures/${encodeURIComponent(measure.id)}`}
      renderLink={renderLink}
      meta={`Target ${formatNumber(measure.target, measure.unit)}`}
      end={
        <>
          {trend && readings.data ? (
            <Sparkline
              className={styles.rowChart}
              values={readings.data.items.map((r) => r.value)}
              target={measure.target}
              label={measure.name}
              unit={measure.unit}
            />
          ) : null}
          <span className={styles.current}>
            <span className={styles.currentValue}>{formatNumber(measure.currentValue, measure.unit)}</span>
            <span className={styles.currentLabel}>of {formatNumber(measure.target, measure.unit)}</span>
          </span>
        </>
      }
    />
  );
}
