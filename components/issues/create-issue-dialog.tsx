'use client';

import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { errorMessage, goalQueries, issueMutations, type Priority } from '@/lib/api';
import { Button, Dialog, Field, IconPlus, Input, Select, useToast } from '@/components/ui';
import { PRIORITY_OPTIONS } from '@/components/common/options';

export function CreateIssueButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<IconPlus />} onClick={() => setOpen(true)}>
        New issue
      </Button>
      <CreateIssueDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}

function CreateIssueDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { toast } = useToast();
  const goals = useQuery({ ...goalQueries.list(), enabled: open });
  const create = useMutation(issueMutations.create());
  const [title, setTitle] = useState('');
  const [priority, setPriority] = useState<Priority>('medium');
  const [goalId, setGoalId] = useState('');
  const [titleError, setTitleError] = useState<string | null>(null);

  const close = () => {
    create.reset();
    setTitle('');
    setPriority('medium');
    setGoalId('');
    setTitleError(null);
    onClose();
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const clean = title.trim();
    if (!clean) return setTitleError('Describe the issue in a few words.');
    setTitleError(null);
    create.mutate(
      { title: clean, priority, goalId: goalId || null },
      {
        onSuccess: (issue) => {
          toast({ title: `Issue '${issue.title}' opened`, tone: 'success' });
          close();
        },
      },
    );
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      title="New issue"
      description="Something in the way of a goal? Log it so the team can decide what to do."
      footer={
        <>
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" form="create-issue-form" loading={create.isPending}>
            Open issue
          </Button>
        </>
      }
    >
      <form id="create-issue-form" className="pp-form" onSubmit={submit} noValidate>
        <Field label="Title" required error={titleError ?? (create.isError ? errorMessage(create.error) : undefined)}>
          <Input
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            maxLength={500}
            placeholder="e.g. Signup emails land in spam"
          />
        </Field>
        <Field label="Priority">
          <Select
            value={priority}
            onChange={(e) => setPriority(e.target.value as Priority)}
            options={PRIORITY_OPTIONS}
          />
        </Field>
        <Field label="Goal" hint="Optional: the goal this issue blocks.">
          <Select
            value={goalId}
            onChange={(e) => setGoalId(e.target.value)}
            placeholder="No goal"
            options={(goals.data?.items ?? []).map((g) => ({ value: g.id, label: g.title }))}
          />
        </Field>
      </form>
    </Dialog>
  );
}
