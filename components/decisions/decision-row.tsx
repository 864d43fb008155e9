'use client';

import Link from 'next/link';
import type { Decision } from '@/lib/api';
import { Badge, DataRow, Person } from '@/components/ui';
import { formatDate } from '@/components/common/format';
import { useRemoteFlash } from '@/components/live/remote-changes';
import styles from './decisions.module.css';

export type DecisionRowProps = {
  decision: Decision;
  decidedBy: string | null;
  goalTitle: string | null;
  issueTitle: string | null;
};

export function DecisionRow({ decision, decidedBy, goalTitle, issueTitle }: DecisionRowProps) {
  const ref = useRemoteFlash<HTMLLIElement>('decision', decision.id);
  return (
    <DataRow
      ref={ref}
      className={styles.row}
      data-testid={`decision-row-${decision.id}`}
      title={decision.title}
      meta={
        <>
          <span className={styles.outcome}>{decision.outcome}</span>
          {decision.goalId ? (
            <Link href={`/goals/${encodeURIComponent(decision.goalId)}`} className={styles.link}>
              Goal: {goalTitle ?? decision.goalId}
            </Link>
          ) : null}
          {decision.issueId ? (
            <Link href="/issues" className={styles.link}>
              Issue: {issueTitle ?? decision.issueId}
            </Link>
          ) : null}
        </>
      }
      end={
        <>
          <Badge tone="success" dot>
            Decided
          </Badge>
          <Person name={decidedBy} fallback="Someone" className={styles.person} />
          <span className="pp-subtle">{formatDate(decision.createdAt)}</span>
        </>
      }
    />
  );
}
