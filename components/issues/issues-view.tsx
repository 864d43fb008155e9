'use client';

import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { goalQueries, issueQueries, type IssueStatus } from '@/lib/api';
import { Button, DataList, EmptyState, Field, PageHeader, Select, Toolbar, statusWords } from '@/components/ui';
import { ISSUE_STATUSES, ISSUE_STATUS_OPTIONS } from '@/components/common/options';
import { QueryView } from '@/components/common/query-view';
import { useFilterParam } from '@/components/common/use-filter-param';
import { CreateIssueButton } from './create-issue-dialog';
import { IssueRow } from './issue-row';
import lists from '@/components/common/lists.module.css';

export function IssuesView() {
  const [status, setStatus] = useFilterParam<IssueStatus>('status', ISSUE_STATUSES);
  const issues = useQuery(issueQueries.list({ status }));
  const goals = useQuery(goalQueries.list());
  const goalTitles = useMemo(() => new Map((goals.data?.items ?? []).map((g) => [g.id, g.title])), [goals.data]);

  return (
    <>
      <PageHeader
        title="Issues"
        description="What is getting in the way, and where each one stands."
        actions={<CreateIssueButton />}
      />
      <Toolbar aria-label="Filter issues">
        <Field label="Status" hideLabel>
          <Select
            controlSize="sm"
            value={status ?? ''}
            onChange={(e) => setStatus(e.target.value)}
            placeholder="All statuses"
            options={ISSUE_STATUS_OPTIONS}
          />
        </Field>
      </Toolbar>
      <QueryView
        query={issues}
        errorTitle="Couldn't load issues"
        isEmpty={(d) => d.items.length === 0}
        empty={
          <EmptyState
            title={status ? `No ${statusWords(status).toLowerCase()} issues` : 'No issues'}
            description={status ? 'Try another status.' : 'Nothing is in the way. Log one when something comes up.'}
            action={
              status ? (
                <Button variant="secondary" onClick={() => setStatus('')}>
                  Show all issues
                </Button>
              ) : (
                <CreateIssueButton />
              )
            }
          />
        }
      >
        {(data) => (
          <DataList aria-label="Issues" className={lists.withPopovers}>
            {data.items.map((issue) => (
              <IssueRow
                key={issue.id}
                issue={issue}
                goalTitle={issue.goalId ? (goalTitles.get(issue.goalId) ?? null) : null}
              />
            ))}
          </DataList>
        )}
      </QueryView>
    </>
  );
}
