'use client';

import { useMutation } from '@tanstack/react-query';
import { goalMutations, undoneMessage, type Goal, type GoalStatus } from '@/lib/api';
import { Button, IconCheck, useToast } from '@/components/ui';

type Transition = { to: GoalStatus; label: string; verb: string; variant: 'primary' | 'secondary' | 'danger' };

const TRANSITIONS: Record<GoalStatus, Transition[]> = {
  draft: [
    { to: 'active', label: 'Activate', verb: 'activate', variant: 'primary' },
    { to: 'cancelled', label: 'Cancel goal', verb: 'cancel', variant: 'secondary' },
  ],
  active: [
    { to: 'completed', label: 'Complete', verb: 'complete', variant: 'primary' },
    { to: 'cancelled', label: 'Cancel goal', verb: 'cancel', variant: 'secondary' },
  ],
  completed: [{ to: 'active', label: 'Reopen', verb: 'reopen', variant: 'secondary' }],
  cancelled: [{ to: 'active', label: 'Reactivate', verb: 'reactivate', variant: 'secondary' }],
};

/** Activate / complete / cancel, applied at once and undone with a message if the server refuses. */
export function GoalStatusActions({ goal }: { goal: Goal }) {
  const { toast } = useToast();
  const setStatus = useMutation(goalMutations.setStatus());
  return (
    <>
      {TRANSITIONS[goal.status].map((t) => (
        <Button
          key={t.to}
          variant={t.variant}
          icon={t.to === 'completed' ? <IconCheck /> : undefined}
          disabled={setStatus.isPending}
          onClick={() =>
            setStatus.mutate(
              { id: goal.id, status: t.to },
              { onError: (error) => toast({ title: undoneMessage(t.verb, goal.title, error), tone: 'danger' }) },
            )
          }
        >
          {t.label}
        </Button>
      ))}
    </>
  );
}
