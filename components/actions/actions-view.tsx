'use client';

import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { actionQueries, goalQueries, type ActionStatus } from '@/lib/api';
import { Button, DataList, EmptyState, Field, PageHeader, Select, Toolbar } from '@/components/ui';
import { ACTION_STATUSES, ACTION_STATUS_OPTIONS } from '@/components/common/options';
import { QueryView } from '@/components/common/query-view';
import { useFilterParam } from '@/components/common/use-filter-param';
import { usePeople } from '@/components/common/use-people';
import { ActionRow } from './action-row';
import lists from '@/components/common/lists.module.css';

export function ActionsView() {
  const [status, setStatus] = useFilterParam<ActionStatus>('status', ACTION_STATUSES);
  const [assigneeId, setAssignee] = useFilterParam<string>('assignee');
  const actions = useQuery(actionQueries.list({ status, assigneeId }));
  const goals = useQuery(goalQueries.list());
  const { people, nameOf } = usePeople();
  const goalById = useMemo(() => new Map((goals.data?.items ?? []).map((g) => [g.id, g])), [goals.data]);
  const filtered = Boolean(status || assigneeId);

  return (
    <>
      <PageHeader title="Actions" description="Every action across your goals: who owns it, and how far along it is." />
      <Toolbar aria-label="Filter actions">
        <Field label="Status" hideLabel>
          <Select
            controlSize="sm"
            value={status ?? ''}
            onChange={(e) => setStatus(e.target.value)}
            placeholder="All statuses"
            options={ACTION_STATUS_OPTIONS}
          />
        </Field>
        <Field label="Assignee" hideLabel>
          <Select
            controlSize="sm"
            value={assigneeId ?? ''}
            onChange={(e) => setAssignee(e.target.value)}
            placeholder="Everyone"
            options={people.map((p) => ({ value: p.id, label: p.name }))}
          />
        </Field>
      </Toolbar>
      <QueryView
        query={actions}
        errorTitle="Couldn't load actions"
        isEmpty={(d) => d.items.length === 0}
        empty={
          <EmptyState
            title={filtered ? 'No actions match these filters' : 'No actions yet'}
            description={filtered ? 'Try another status or assignee.' : 'Add actions from a goal’s page.'}
            action={
              filtered ? (
                <Button
                  variant="secondary"
                  onClick={() => {
                    setStatus('');
                    setAssignee('');
                  }}
                >
                  Clear filters
                </Button>
              ) : undefined
            }
          />
        }
      >
        {(data) => (
          <DataList aria-label="Actions" className={lists.withPopovers}>
            {data.items.map((action) => {
              const goal = goalById.get(action.goalId);
              return (
                <ActionRow
                  key={action.id}
                  action={action}
                  people={people}
                  assigneeName={nameOf(action.assigneeId)}
                  goal={goal ? { id: goal.id, title: goal.title } : null}
                />
              );
            })}
          </DataList>
        )}
      </QueryView>
    </>
  );
}
