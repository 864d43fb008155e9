import type { DomainEvent, EventEntity } from '@/lib/protocol';

/**
 * Which incoming events are the echo of a write this tab made, so the app does not toast a person
 * about their own change. Writes are tracked locally (not by user id), so the same person in a
 * second tab still sees the change announced there.
 */
export const OWN_WRITES_DEFAULTS = {
  /** How long after its response a write's echo is still recognised. */
  graceMs: 5_000,
} as const;

export type WriteKind = EventEntity | 'activity';

type Entry = { kind: WriteKind; key: string; pending: number; until: number };

export type OwnWrites = {
  /** Mark a write in flight; call the returned function when it settles. */
  begin(kind: WriteKind, key: string): () => void;
  isOwnEvent(event: DomainEvent): boolean;
};

export function createOwnWrites(options: { graceMs?: number; now?: () => number } = {}): OwnWrites {
  const graceMs = options.graceMs ?? OWN_WRITES_DEFAULTS.graceMs;
  const now = options.now ?? (() => Date.now());
  const entries: Entry[] = [];

  function prune() {
    const t = now();
    for (let i = entries.length - 1; i >= 0; i--) {
      const entry = entries[i]!;
      if (entry.pending === 0 && entry.until < t) entries.splice(i, 1);
    }
  }

  function matches(kind: WriteKind, key: string): boolean {
    prune();
    return entries.some((e) => e.kind === kind && e.key === key);
  }

  return {
    begin(kind, key) {
      prune();
      let entry = entries.find((e) => e.kind === kind && e.key === key);
      if (!entry) {
        entry = { kind, key, pending: 0, until: 0 };
        entries.push(entry);
      }
      entry.pending++;
      let settled = false;
      const target = entry;
      return () => {
        if (settled) return;
        settled = true;
        target.pending--;
        target.until = now() + graceMs;
      };
    },
    isOwnEvent(event) {
      switch (event.type) {
        case 'goal.created':
          return matches('goal', `new:${event.data.goal.title}`);
        case 'goal.activated':
        case 'goal.completed':
        case 'goal.cancelled':
          return matches('goal', event.data.goalId);
        case 'goal.activity.created':
          return (
            matches('activity', `${event.data.activity.goalId}:${event.data.activity.message}`) ||
            matches('goal', event.data.activity.goalId)
          );
        case 'action.created':
          return matches('action', `new:${event.data.action.title}`);
        case 'action.status_changed':
        case 'action.completed':
        case 'action.priority_changed':
        case 'action.reassigned':
        case 'action.progress_updated':
          return matches('action', event.data.actionId);
        case 'measure.reading.created':
          return matches('measure', event.data.measureId);
        case 'issue.created':
          return matches('issue', `new:${event.data.issue.title}`);
        case 'issue.status_changed':
          return matches('issue', event.data.issueId);
        case 'decision.created':
          return matches('decision', `new:${event.data.decision.title}`);
        case 'attachment.created':
          return matches('attachment', `new:${event.data.attachment.fileName}`);
      }
    },
  };
}

let shared: OwnWrites | null = null;
export function getOwnWrites(): OwnWrites {
  shared ??= createOwnWrites();
  return shared;
}
