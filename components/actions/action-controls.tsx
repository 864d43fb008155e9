'use client';

import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { actionMutations, undoneMessage, type Action, type UpdateActionInput } from '@/lib/api';
import { Button, Field, IconCheck, IconMore, NumberInput, Popover, Select, useToast } from '@/components/ui';
import { ACTION_STATUS_OPTIONS, PRIORITY_OPTIONS } from '@/components/common/options';
import type { Person } from '@/lib/api';
import styles from './actions.module.css';

/** One optimistic update hook for every control on an action; failures are undone and explained. */
export function useActionUpdate(action: Action) {
  const { toast } = useToast();
  const mutation = useMutation(actionMutations.update());
  const update = (patch: UpdateActionInput, verb: string) =>
    mutation.mutate(
      { id: action.id, patch },
      { onError: (error) => toast({ title: undoneMessage(verb, action.title, error), tone: 'danger' }) },
    );
  return { update, pending: mutation.isPending };
}

export function CompleteActionButton({ action }: { action: Action }) {
  const { update } = useActionUpdate(action);
  if (action.status === 'done') return null;
  return (
    <Button
      size="sm"
      variant="secondary"
      icon={<IconCheck />}
      onClick={() => update({ status: 'done' }, 'complete')}
      aria-label={`Complete ${action.title}`}
    >
      Complete
    </Button>
  );
}

function ProgressForm({ action, onDone }: { action: Action; onDone: () => void }) {
  const { update } = useActionUpdate(action);
  const [value, setValue] = useState(String(action.progress));
  const [error, setError] = useState<string | null>(null);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) {
      setError('Enter a whole number from 0 to 100.');
      return;
    }
    update({ progress: Math.round(n) }, 'update the progress of');
    onDone();
  }
  return (
    <form className={styles.progressForm} onSubmit={submit} noValidate>
      <Field label="Progress" error={error ?? undefined}>
        <NumberInput
          value={value}
          onChange={(e) => setValue(e.target.value)}
          min={0}
          max={100}
          step={5}
          unit="%"
          controlSize="sm"
        />
      </Field>
      <Button type="submit" size="sm" variant="secondary">
        Set
      </Button>
    </form>
  );
}

/** Status, priority, assignee and progress of one action, in a popover so the row stays readable. */
export function ActionEditMenu({ action, people }: { action: Action; people: readonly Person[] }) {
  const { update } = useActionUpdate(action);
  return (
    <Popover
      align="end"
      padded
      trigger={<IconMore />}
      triggerLabel={`Edit ${action.title}`}
      triggerProps={{ variant: 'ghost', size: 'sm', className: 'pp-btn--icon' }}
    >
      {(close) => (
        <div className={styles.editPanel}>
          <Field label="Status">
            <Select
              controlSize="sm"
              value={action.status}
              options={ACTION_STATUS_OPTIONS}
              onChange={(e) => update({ status: e.target.value as Action['status'] }, 'change the status of')}
            />
          </Field>
          <Field label="Priority">
            <Select
              controlSize="sm"
              value={action.priority}
              options={PRIORITY_OPTIONS}
              onChange={(e) => update({ priority: e.target.value as Action['priority'] }, 'change the priority of')}
            />
          </Field>
          <Field label="Assignee">
            <Select
              controlSize="sm"
              value={action.assigneeId ?? ''}
              placeholder="Unassigned"
              options={people.map((p) => ({ value: p.id, label: p.name }))}
              onChange={(e) => update({ assigneeId: e.target.value || null }, 'reassign')}
            />
          </Field>
          <ProgressForm action={action} onDone={close} />
        </div>
      )}
    </Popover>
  );
}
