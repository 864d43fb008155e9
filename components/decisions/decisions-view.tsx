'use client';

import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { decisionQueries, goalQueries, issueQueries } from '@/lib/api';
import { DataList, EmptyState, PageHeader } from '@/components/ui';
import { QueryView } from '@/components/common/query-view';
import { usePeople } from '@/components/common/use-people';
import { CreateDecisionButton } from './create-decision-dialog';
import { DecisionRow } from './decision-row';

export function DecisionsView() {
  const decisions = useQuery(decisionQueries.list());
  const goals = useQuery(goalQueries.list());
  const issues = useQuery(issueQueries.list());
  const { nameOf } = usePeople();
  const goalTitles = useMemo(() => new Map((goals.data?.items ?? []).map((g) => [g.id, g.title])), [goals.data]);
  const issueTitles = useMemo(() => new Map((issues.data?.items ?? []).map((i) => [i.id, i.title])), [issues.data]);

  return (
    <>
      <PageHeader
        title="Decisions"
        description="What was decided, by whom, and what it settled."
        actions={<CreateDecisionButton />}
      />
      <QueryView
        query={decisions}
        errorTitle="Couldn't load decisions"
        isEmpty={(d) => d.items.length === 0}
        empty={
          <EmptyState
            title="No decisions yet"
            description="Record the first one so nobody has to remember it."
            action={<CreateDecisionButton />}
          />
        }
      >
        {(data) => (
          <DataList aria-label="Decisions">
            {[...data.items].reverse().map((d) => (
              <DecisionRow
                key={d.id}
                decision={d}
                decidedBy={nameOf(d.decidedBy)}
                goalTitle={d.goalId ? (goalTitles.get(d.goalId) ?? null) : null}
                issueTitle={d.issueId ? (issueTitles.get(d.issueId) ?? null) : null}
              />
            ))}
          </DataList>
        )}
      </QueryView>
    </>
  );
}
