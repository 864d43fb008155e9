'use client';

import { memo } from 'react';
import Link from 'next/link';
import type { Action, Person as PersonType } from '@/lib/api';
import { DataRow, Person, PriorityLabel, ProgressBar, StatusPill } from '@/components/ui';
import { formatDate, isOverdue } from '@/components/common/format';
import { useRemoteFlash } from '@/components/live/remote-changes';
import { ActionEditMenu, CompleteActionButton } from './action-controls';
import styles from './actions.module.css';

export type ActionRowProps = {
  action: Action;
  people: readonly PersonType[];
  assigneeName: string | null;
  /** Shown (and linked) on the all-actions list; omitted inside a goal. */
  goal?: { id: string; title: string } | null;
};

/**
 * An action: title, status in words, priority, assignee, progress, and its controls. Memoized: a
 * patch replaces one action object in the list, and only that row re-renders (the others keep
 * their objects); `goal` is compared by id and title, since lists build it per render.
 */
export const ActionRow = memo(ActionRowView, sameRow);

function sameRow(a: ActionRowProps, b: ActionRowProps): boolean {
  return (
    a.action === b.action &&
    a.people === b.people &&
    a.assigneeName === b.assigneeName &&
    a.goal?.id === b.goal?.id &&
    a.goal?.title === b.goal?.title
  );
}

function ActionRowView({ action, people, assigneeName, goal }: ActionRowProps) {
  const ref = useRemoteFlash<HTMLLIElement>('action', action.id);
  const overdue = isOverdue(action.dueDate, action.status);
  return (
    <DataRow
      ref={ref}
      className={styles.row}
      data-testid={`action-row-${action.id}`}
      data-status={action.status}
      title={action.title}
      meta={
        <>
          {goal ? (
            <>
              <Link href={`/goals/${encodeURIComponent(goal.id)}`} className={styles.goalLink}>
                {goal.title}
              </Link>
              {action.dueDate ? ' · ' : null}
            </>
          ) : null}
          {action.dueDate ? (
            <span className={overdue ? styles.overdue : undefined}>
              {overdue ? 'Overdue since' : 'Due'} {formatDate(action.dueDate)}
            </span>
          ) : null}
        </>
      }
      end={
        <>
          <span className={styles.status}>
            <StatusPill kind="action" value={action.status} />
          </span>
          <PriorityLabel value={action.priority} className={styles.priority} />
          <Person name={assigneeName} className={styles.assignee} />
          <ProgressBar value={action.progress} label={`Progress of ${action.title}`} className={styles.progress} />
          <span className={styles.controls}>
            <CompleteActionButton action={action} />
            <ActionEditMenu action={action} people={people} />
          </span>
        </>
      }
    />
  );
}
