'use client';

import Link from 'next/link';
import { useMutation } from '@tanstack/react-query';
import { issueMutations, undoneMessage, type Issue, type IssueStatus } from '@/lib/api';
import {
  DataRow,
  Menu,
  MenuItem,
  MenuLabel,
  Popover,
  PriorityLabel,
  StatusPill,
  statusWords,
  useToast,
} from '@/components/ui';
import { formatDate } from '@/components/common/format';
import { ISSUE_STATUSES } from '@/components/common/options';
import { useRemoteFlash } from '@/components/live/remote-changes';
import styles from './issues.module.css';

const VERBS: Record<IssueStatus, string> = {
  open: 'reopen',
  in_progress: 'start',
  resolved: 'resolve',
  closed: 'close',
};

function IssueStatusMenu({ issue }: { issue: Issue }) {
  const { toast } = useToast();
  const setStatus = useMutation(issueMutations.setStatus());
  return (
    <Popover
      align="end"
      trigger="Change status"
      triggerLabel={`Change status of ${issue.title}`}
      triggerProps={{ size: 'sm', variant: 'secondary' }}
    >
      {(close) => (
        <Menu>
          <MenuLabel>Move to</MenuLabel>
          {ISSUE_STATUSES.map((status) => (
            <MenuItem
              key={status}
              current={status === issue.status}
              disabled={status === issue.status}
              onClick={() => {
                close();
                setStatus.mutate(
                  { id: issue.id, status },
                  {
                    onError: (error) =>
                      toast({ title: undoneMessage(VERBS[status], issue.title, error), tone: 'danger' }),
                  },
                );
              }}
            >
              {statusWords(status)}
            </MenuItem>
          ))}
        </Menu>
      )}
    </Popover>
  );
}

export function IssueRow({ issue, goalTitle }: { issue: Issue; goalTitle: string | null }) {
  const ref = useRemoteFlash<HTMLLIElement>('issue', issue.id);
  return (
    <DataRow
      ref={ref}
      data-testid={`issue-row-${issue.id}`}
      data-status={issue.status}
      title={issue.title}
      meta={
        <>
          {issue.goalId && goalTitle ? (
            <Link href={`/goals/${encodeURIComponent(issue.goalId)}`} className={styles.goalLink}>
              {goalTitle}
            </Link>
          ) : null}
          <span>Opened {formatDate(issue.createdAt)}</span>
        </>
      }
      end={
        <>
          <PriorityLabel value={issue.priority} className={styles.priority} />
          <StatusPill kind="issue" value={issue.status} />
          <IssueStatusMenu issue={issue} />
        </>
      }
    />
  );
}
