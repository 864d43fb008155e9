'use client';

import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { goalQueries, isApiError } from '@/lib/api';
import {
  Card,
  EmptyState,
  KeyValueList,
  PageHeader,
  Person,
  ProgressBar,
  Skeleton,
  StatusPill,
  buttonClassName,
} from '@/components/ui';
import { formatDate } from '@/components/common/format';
import { QueryView } from '@/components/common/query-view';
import { usePeople } from '@/components/common/use-people';
import { useRemoteFlash } from '@/components/live/remote-changes';
import { ActivityFeed } from './activity-feed';
import { AttachmentsSection } from './attachments-section';
import { GoalActionsSection } from './goal-actions-section';
import { GoalStatusActions } from './goal-status-actions';
import styles from './goal-detail.module.css';

const backLink = (
  <Link href="/goals" className={styles.back}>
    ← All goals
  </Link>
);

export function GoalDetailView({ id }: { id: string }) {
  const goal = useQuery(goalQueries.detail(id));
  const { nameOf } = usePeople();
  const flashRef = useRemoteFlash<HTMLDivElement>('goal', id);

  if (goal.isError && isApiError(goal.error) && goal.error.status === 404 && !goal.data) {
    return (
      <>
        <PageHeader eyebrow={backLink} title="Goal not found" />
        <EmptyState
          title="This goal does not exist in this tenant"
          description="It may have been removed, or it belongs to another tenant."
          action={
            <Link href="/goals" className={buttonClassName({ variant: 'secondary' })}>
              Back to goals
            </Link>
          }
        />
      </>
    );
  }

  return (
    <QueryView
      query={goal}
      errorTitle="Couldn't load this goal"
      loading={
        <>
          <PageHeader eyebrow={backLink} title={<Skeleton width={320} height={28} />} />
          <Skeleton height={120} />
        </>
      }
    >
      {(g) => (
        <>
          <PageHeader
            eyebrow={backLink}
            title={g.title}
            description={g.description || undefined}
            actions={<GoalStatusActions goal={g} />}
          />
          <div className={styles.layout}>
            <div className={styles.main}>
              <Card ref={flashRef} data-testid={`goal-summary-${g.id}`}>
                <KeyValueList
                  items={[
                    { key: 'status', label: 'Status', value: <StatusPill kind="goal" value={g.status} /> },
                    { key: 'owner', label: 'Owner', value: <Person name={nameOf(g.ownerId)} fallback="Unknown" /> },
                    {
                      key: 'progress',
                      label: 'Progress',
                      value: <ProgressBar value={g.progress} label="Goal progress" block />,
                    },
                    { key: 'updated', label: 'Updated', value: formatDate(g.updatedAt) },
                  ]}
                />
              </Card>
              <GoalActionsSection goalId={g.id} />
            </div>
            <div className={styles.aside}>
              <ActivityFeed goalId={g.id} />
              <AttachmentsSection entityType="goal" entityId={g.id} />
            </div>
          </div>
        </>
      )}
    </QueryView>
  );
}
