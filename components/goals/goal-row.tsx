'use client';

import type { Goal } from '@/lib/api';
import { DataRow, ProgressBar, StatusPill } from '@/components/ui';
import { formatDate } from '@/components/common/format';
import { renderLink } from '@/components/common/link-row';
import { useRemoteFlash } from '@/components/live/remote-changes';

export function GoalRow({ goal, ownerName }: { goal: Goal; ownerName: string | null }) {
  const ref = useRemoteFlash<HTMLLIElement>('goal', goal.id);
  return (
    <DataRow
      ref={ref}
      data-testid={`goal-row-${goal.id}`}
      data-status={goal.status}
      title={goal.title}
      titleHref={`/goals/${encodeURIComponent(goal.id)}`}
      renderLink={renderLink}
      meta={
        <>
          {ownerName ?? 'Unknown owner'} · Updated {formatDate(goal.updatedAt)}
        </>
      }
      end={
        <>
          <ProgressBar value={goal.progress} label={`Progress of ${goal.title}`} />
          <StatusPill kind="goal" value={goal.status} />
        </>
      }
    />
  );
}
