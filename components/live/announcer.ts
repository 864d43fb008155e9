import type { DomainEvent } from '@/lib/protocol';
import { describeEvent, type EventLookups } from './describe-event';
import type { ChangeKind } from './remote-changes';

export const ANNOUNCER_DEFAULTS = {
  /**
   * A goal status change or a completed action is followed by a feed item that names who did it;
   * wait this long for it before announcing "Someone ...".
   */
  actorWaitMs: 400,
} as const;

export type AnnouncerOptions = {
  lookups: () => EventLookups;
  isOwn: (event: DomainEvent) => boolean;
  toast: (message: string) => void;
  mark: (kind: ChangeKind, id: string) => void;
  actorWaitMs?: number;
};

type Held = { event: DomainEvent; timer: ReturnType<typeof setTimeout> };

/** The feed-item kind that carries the actor of an event, and the goal both belong to. */
function actorSource(event: DomainEvent): { kind: string; goalId: string } | null {
  switch (event.type) {
    case 'goal.activated':
    case 'goal.completed':
    case 'goal.cancelled':
      return { kind: 'status_changed', goalId: event.data.goalId };
    case 'action.completed':
      return { kind: 'action_completed', goalId: event.data.goalId };
    default:
      return null;
  }
}

/**
 * Turns events from other people into row highlights and one toast each. Own echoes are ignored.
 * Timers exist only while an event waits for its actor; dispose() clears them.
 */
export function createAnnouncer(options: AnnouncerOptions) {
  const waitMs = options.actorWaitMs ?? ANNOUNCER_DEFAULTS.actorWaitMs;
  const held = new Map<string, Held>();

  function announce(event: DomainEvent, actorId?: string | null) {
    const description = describeEvent(event, options.lookups(), actorId);
    if (description?.message) options.toast(description.message);
  }

  return {
    handle(event: DomainEvent): void {
      if (options.isOwn(event)) return;
      const description = describeEvent(event, options.lookups());
      for (const change of description?.changed ?? []) options.mark(change.kind, change.id);

      const source = actorSource(event);
      if (source) {
        const key = `${source.kind}:${source.goalId}`;
        const previous = held.get(key);
        if (previous) {
          clearTimeout(previous.timer);
          announce(previous.event);
        }
        const timer = setTimeout(() => {
          held.delete(key);
          announce(event);
        }, waitMs);
        held.set(key, { event, timer });
        return;
      }
      if (event.type === 'goal.activity.created') {
        const { activity } = event.data;
        const key = `${activity.kind}:${activity.goalId}`;
        const waiting = held.get(key);
        if (waiting) {
          clearTimeout(waiting.timer);
          held.delete(key);
          announce(waiting.event, activity.actorId);
          return;
        }
      }
      if (description?.message) options.toast(description.message);
    },
    dispose(): void {
      for (const { timer } of held.values()) clearTimeout(timer);
      held.clear();
    },
  };
}

export type Announcer = ReturnType<typeof createAnnouncer>;
