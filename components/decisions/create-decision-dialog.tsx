'use client';

import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { decisionMutations, errorMessage, goalQueries, issueQueries } from '@/lib/api';
import { Button, Dialog, Field, IconPlus, Input, Select, Textarea, useToast } from '@/components/ui';

export function CreateDecisionButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<IconPlus />} onClick={() => setOpen(true)}>
        Record decision
      </Button>
      <CreateDecisionDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}

function CreateDecisionDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { toast } = useToast();
  const goals = useQuery({ ...goalQueries.list(), enabled: open });
  const issues = useQuery({ ...issueQueries.list(), enabled: open });
  const create = useMutation(decisionMutations.create());
  const [title, setTitle] = useState('');
  const [outcome, setOutcome] = useState('');
  const [goalId, setGoalId] = useState('');
  const [issueId, setIssueId] = useState('');
  const [errors, setErrors] = useState<{ title?: string; outcome?: string }>({});

  const close = () => {
    create.reset();
    setTitle('');
    setOutcome('');
    setGoalId('');
    setIssueId('');
    setErrors({});
    onClose();
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = {
      title: title.trim() ? undefined : 'Name the decision.',
      outcome: outcome.trim() ? undefined : 'Say what was decided.',
    };
    setErrors(next);
    if (next.title || next.outcome) return;
    create.mutate(
      { title: title.trim(), outcome: outcome.trim(), goalId: goalId || null, issueId: issueId || null },
      {
        onSuccess: (decision) => {
          toast({ title: `Decision '${decision.title}' recorded`, tone: 'success' });
          close();
        },
      },
    );
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      title="Record a decision"
      description="Write down what was decided, and link it to the goal or issue it settles."
      footer={
        <>
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" form="create-decision-form" loading={create.isPending}>
            Record decision
          </Button>
        </>
      }
    >
      <form id="create-decision-form" className="pp-form" onSubmit={submit} noValidate>
        <Field label="Title" required error={errors.title ?? (create.isError ? errorMessage(create.error) : undefined)}>
          <Input
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            maxLength={500}
            placeholder="e.g. Hire remote-first"
          />
        </Field>
        <Field label="Outcome" required error={errors.outcome}>
          <Textarea value={outcome} onChange={(e) => setOutcome(e.target.value)} rows={3} maxLength={10_000} />
        </Field>
        <Field label="Goal" hint="Optional.">
          <Select
            value={goalId}
            onChange={(e) => setGoalId(e.target.value)}
            placeholder="No goal"
            options={(goals.data?.items ?? []).map((g) => ({ value: g.id, label: g.title }))}
          />
        </Field>
        <Field label="Issue" hint="Optional.">
          <Select
            value={issueId}
            onChange={(e) => setIssueId(e.target.value)}
            placeholder="No issue"
            options={(issues.data?.items ?? []).map((i) => ({ value: i.id, label: i.title }))}
          />
        </Field>
      </form>
    </Dialog>
  );
}
