'use client';

import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { actionMutations, actionQueries, errorMessage, type Priority } from '@/lib/api';
import { Button, Card, DataList, EmptyState, Field, Input, Section, Select, SkeletonRows } from '@/components/ui';
import { PRIORITY_OPTIONS } from '@/components/common/options';
import { QueryView } from '@/components/common/query-view';
import { usePeople } from '@/components/common/use-people';
import { ActionRow } from '@/components/actions/action-row';
import styles from './goal-detail.module.css';
import lists from '@/components/common/lists.module.css';

function AddActionForm({ goalId }: { goalId: string }) {
  const { people } = usePeople();
  const [title, setTitle] = useState('');
  const [priority, setPriority] = useState<Priority>('medium');
  const [assigneeId, setAssigneeId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const create = useMutation(actionMutations.create());

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const clean = title.trim();
    if (!clean) return setError('Give the action a title.');
    setError(null);
    create.mutate(
      { goalId, title: clean, priority, assigneeId: assigneeId || null },
      {
        onSuccess: () => setTitle(''),
        onError: (e) => setError(`The action was not added: ${errorMessage(e)}`),
      },
    );
  }

  return (
    <form className={styles.inlineForm} onSubmit={submit} noValidate aria-label="Add an action">
      <Field label="New action" className={styles.grow}>
        <Input
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={500}
          placeholder="What needs doing?"
          controlSize="sm"
        />
      </Field>
      <Field label="Priority" className={styles.narrow}>
        <Select
          controlSize="sm"
          value={priority}
          onChange={(e) => setPriority(e.target.value as Priority)}
          options={PRIORITY_OPTIONS}
        />
      </Field>
      <Field label="Assignee" className={styles.narrow}>
        <Select
          controlSize="sm"
          value={assigneeId}
          onChange={(e) => setAssigneeId(e.target.value)}
          placeholder="Unassigned"
          options={people.map((p) => ({ value: p.id, label: p.name }))}
        />
      </Field>
      <Button type="submit" variant="secondary" size="sm" loading={create.isPending}>
        Add action
      </Button>
      {error ? (
        <p className={styles.formError} role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}

export function GoalActionsSection({ goalId }: { goalId: string }) {
  const actions = useQuery(actionQueries.list({ goalId }));
  const { people, nameOf } = usePeople();
  const count = actions.data?.items.length;
  const done = actions.data?.items.filter((a) => a.status === 'done').length;
  return (
    <Section title="Actions" description={count ? `${done} of ${count} done` : undefined}>
      <Card padding="none">
        <QueryView
          query={actions}
          errorTitle="Couldn't load this goal's actions"
          loading={<SkeletonRows rows={3} />}
          isEmpty={(d) => d.items.length === 0}
          empty={<EmptyState compact title="No actions yet" description="Break the goal down into actions below." />}
        >
          {(data) => (
            <DataList flush aria-label="Actions for this goal" className={lists.withPopovers}>
              {data.items.map((action) => (
                <ActionRow key={action.id} action={action} people={people} assigneeName={nameOf(action.assigneeId)} />
              ))}
            </DataList>
          )}
        </QueryView>
        <div className={styles.cardFooter}>
          <AddActionForm goalId={goalId} />
        </div>
      </Card>
    </Section>
  );
}
