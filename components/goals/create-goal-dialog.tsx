'use client';

import { useState, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import { useMutation } from '@tanstack/react-query';
import { errorMessage, goalMutations } from '@/lib/api';
import { Button, Dialog, Field, IconPlus, Input, Textarea, useToast } from '@/components/ui';

export function CreateGoalButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<IconPlus />} onClick={() => setOpen(true)}>
        New goal
      </Button>
      <CreateGoalDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}

function CreateGoalDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const router = useRouter();
  const { toast } = useToast();
  const create = useMutation(goalMutations.create());
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [titleError, setTitleError] = useState<string | null>(null);

  const close = () => {
    create.reset();
    setTitle('');
    setDescription('');
    setTitleError(null);
    onClose();
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const clean = title.trim();
    if (!clean) {
      setTitleError('Give the goal a title.');
      return;
    }
    setTitleError(null);
    create.mutate(
      { title: clean, description: description.trim() || undefined },
      {
        onSuccess: (goal) => {
          toast({ title: `Goal '${goal.title}' created`, description: 'It starts as a draft.', tone: 'success' });
          close();
          router.push(`/goals/${encodeURIComponent(goal.id)}`);
        },
      },
    );
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      title="New goal"
      description="Goals start as drafts; activate one when the team commits to it."
      footer={
        <>
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" form="create-goal-form" loading={create.isPending}>
            Create goal
          </Button>
        </>
      }
    >
      <form id="create-goal-form" className="pp-form" onSubmit={submit} noValidate>
        <Field label="Title" required error={titleError ?? (create.isError ? errorMessage(create.error) : undefined)}>
          <Input
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            maxLength={500}
            placeholder="e.g. Hire two engineers"
          />
        </Field>
        <Field label="Description" hint="Optional. What does done look like?">
          <Textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={3} maxLength={10_000} />
        </Field>
      </form>
    </Dialog>
  );
}
