'use client';

import { useQuery } from '@tanstack/react-query';
import { goalQueries, type GoalStatus } from '@/lib/api';
import { Button, DataList, EmptyState, Field, PageHeader, Select, Toolbar, statusWords } from '@/components/ui';
import { GOAL_STATUSES, GOAL_STATUS_OPTIONS } from '@/components/common/options';
import { QueryView } from '@/components/common/query-view';
import { useFilterParam } from '@/components/common/use-filter-param';
import { usePeople } from '@/components/common/use-people';
import { CreateGoalButton } from './create-goal-dialog';
import { GoalRow } from './goal-row';

export function GoalsView() {
  const [status, setStatus] = useFilterParam<GoalStatus>('status', GOAL_STATUSES);
  const goals = useQuery(goalQueries.list({ status }));
  const { nameOf } = usePeople();

  return (
    <>
      <PageHeader
        title="Goals"
        description="What the team has committed to, and how far along it is."
        actions={<CreateGoalButton />}
      />
      <Toolbar aria-label="Filter goals">
        <Field label="Status" hideLabel>
          <Select
            controlSize="sm"
            value={status ?? ''}
            onChange={(e) => setStatus(e.target.value)}
            placeholder="All statuses"
            options={GOAL_STATUS_OPTIONS}
          />
        </Field>
      </Toolbar>
      <QueryView
        query={goals}
        errorTitle="Couldn't load goals"
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyState
            title={status ? `No ${statusWords(status).toLowerCase()} goals` : 'No goals yet'}
            description={status ? 'Try another status, or show all goals.' : 'Create the first goal for your team.'}
            action={
              status ? (
                <Button variant="secondary" onClick={() => setStatus('')}>
                  Show all goals
                </Button>
              ) : (
                <CreateGoalButton />
              )
            }
          />
        }
      >
        {(data) => (
          <DataList aria-label="Goals">
            {data.items.map((goal) => (
              <GoalRow key={goal.id} goal={goal} ownerName={nameOf(goal.ownerId)} />
            ))}
          </DataList>
        )}
      </QueryView>
    </>
  );
}
