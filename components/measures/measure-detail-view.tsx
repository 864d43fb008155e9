'use client';

import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { isApiError, measureQueries, type Reading } from '@/lib/api';
import {
  Card,
  CardHeader,
  EmptyState,
  Grid,
  PageHeader,
  Section,
  Skeleton,
  SkeletonRows,
  Sparkline,
  Stat,
  Table,
  buttonClassName,
} from '@/components/ui';
import { formatDateTime, formatNumber } from '@/components/common/format';
import { QueryView } from '@/components/common/query-view';
import { Quantity } from '@/components/common/quantity';
import { usePeople } from '@/components/common/use-people';
import { useRemoteFlash } from '@/components/live/remote-changes';
import { AddReadingForm } from './add-reading-form';
import styles from './measures.module.css';

const backLink = (
  <Link href="/measures" className={styles.back}>
    ← All measures
  </Link>
);

function ReadingRow({ reading, unit, by }: { reading: Reading; unit: string; by: string | null }) {
  const ref = useRemoteFlash<HTMLTableRowElement>('reading', reading.id);
  return (
    <tr ref={ref} data-testid={`reading-row-${reading.id}`}>
      <td>{formatDateTime(reading.recordedAt)}</td>
      <td data-align="end" className="pp-num" style={{ whiteSpace: 'nowrap' }}>
        {formatNumber(reading.value, unit)}
      </td>
      <td>{by ?? 'Someone'}</td>
    </tr>
  );
}

export function MeasureDetailView({ id }: { id: string }) {
  const measure = useQuery(measureQueries.detail(id));
  const readings = useQuery(measureQueries.readings(id));
  const { nameOf } = usePeople();
  const flashRef = useRemoteFlash<HTMLDivElement>('measure', id);

  if (measure.isError && isApiError(measure.error) && measure.error.status === 404 && !measure.data) {
    return (
      <>
        <PageHeader eyebrow={backLink} title="Measure not found" />
        <EmptyState
          title="This measure does not exist in this tenant"
          action={
            <Link href="/measures" className={buttonClassName({ variant: 'secondary' })}>
              Back to measures
            </Link>
          }
        />
      </>
    );
  }

  return (
    <QueryView
      query={measure}
      errorTitle="Couldn't load this measure"
      loading={
        <>
          <PageHeader eyebrow={backLink} title={<Skeleton width={280} height={28} />} />
          <Skeleton height={160} />
        </>
      }
    >
      {(m) => {
        const gap = m.currentValue === null ? null : m.target - m.currentValue;
        return (
          <>
            <PageHeader eyebrow={backLink} title={m.name} description={`Measured in ${m.unit}.`} />
            <Grid minColumn={180} ref={flashRef} className={styles.stats} data-testid={`measure-summary-${m.id}`}>
              <Stat label="Current" value={<Quantity value={m.currentValue} unit={m.unit} />} />
              <Stat label="Target" value={<Quantity value={m.target} unit={m.unit} />} />
              <Stat
                label="To target"
                value={gap === null ? '—' : gap === 0 ? 'On target' : <Quantity value={Math.abs(gap)} unit={m.unit} />}
                hint={gap === null || gap === 0 ? undefined : gap > 0 ? 'below target' : 'above target'}
              />
            </Grid>
            <Card padding="none">
              <CardHeader title="Trend" level={2} />
              <div className={styles.chart}>
                {readings.data ? (
                  <Sparkline
                    values={readings.data.items.map((r) => r.value)}
                    target={m.target}
                    label={m.name}
                    unit={m.unit}
                    width={640}
                    height={160}
                    showPoints
                    className={styles.bigChart}
                  />
                ) : (
                  <Skeleton height={160} />
                )}
                <p className={styles.legend}>
                  <span className={styles.legendLine} aria-hidden="true" /> Readings
                  <span className={styles.legendTarget} aria-hidden="true" /> Target {formatNumber(m.target, m.unit)}
                </p>
              </div>
              <div className={styles.formRow}>
                <AddReadingForm measure={m} />
              </div>
            </Card>
            <Section title="Readings" description="Newest first.">
              <QueryView
                query={readings}
                errorTitle="Couldn't load readings"
                loading={<SkeletonRows rows={4} />}
                isEmpty={(d) => d.items.length === 0}
                empty={<EmptyState title="No readings yet" description="Add the first reading above." />}
              >
                {(data) => (
                  <Table caption={`Readings of ${m.name}`}>
                    <thead>
                      <tr>
                        <th scope="col">Recorded</th>
                        <th scope="col" data-align="end">
                          Value
                        </th>
                        <th scope="col">By</th>
                      </tr>
                    </thead>
                    <tbody>
                      {[...data.items].reverse().map((r) => (
                        <ReadingRow key={r.id} reading={r} unit={m.unit} by={nameOf(r.recordedBy)} />
                      ))}
                    </tbody>
                  </Table>
                )}
              </QueryView>
            </Section>
          </>
        );
      }}
    </QueryView>
  );
}
