import type { DomainEvent } from '@/lib/protocol';
import { changedRows } from './changed-rows';
import { describeMessage, worthAToast, type EventLookups } from './describe-event';
import type { ChangeKind } from './remote-change-store';
import { createToastThrottle, type ToastSummary } from './toast-throttle';

export const ANNOUNCER_DEFAULTS = {
  /**
   * A goal status change or a completed action is followed by a feed item that names who did it;
   * wait this long for it before announcing "Someone ...".
   */
  actorWaitMs: 400,
  /** At most this many toasts of their own per window; further changes fold into one summary toast. */
  toastsPerWindow: 3,
  toastWindowMs: 2_000,
  /** The summary's count is updated at most this often... */
  summaryEveryMs: 1_000,
  /** ...and it stays this long after its last update. */
  summaryDurationMs: 6_000,
};

export type AnnouncerSettings = typeof ANNOUNCER_DEFAULTS;

export type AnnouncerOptions = {
  lookups: () => EventLookups;
  isOwn: (event: DomainEvent) => boolean;
  toast: (message: string) => void;
  /** Shows the summary toast, or updates it in place while it is still shown. */
  summarize: (summary: ToastSummary) => void;
  mark: (kind: ChangeKind, id: string) => void;
  now?: () => number;
} & Partial<AnnouncerSettings>;

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
 * Turns events from other people into row highlights and toasts (rate-limited, see
 * toast-throttle.ts). Own echoes are ignored. Timers exist only while an event waits for its
 * actor or a summary update waits its turn; dispose() clears them.
 */
export function createAnnouncer(options: AnnouncerOptions) {
  const settings = { ...ANNOUNCER_DEFAULTS, ...definedOnly(options) };
  const held = new Map<string, Held>();
  const throttle = createToastThrottle({
    perWindow: settings.toastsPerWindow,
    windowMs: settings.toastWindowMs,
    summaryEveryMs: settings.summaryEveryMs,
    summaryDurationMs: settings.summaryDurationMs,
    show: options.toast,
    summarize: options.summarize,
    ...(options.now ? { now: options.now } : {}),
  });

  function announce(event: DomainEvent, actorId?: string | null) {
    throttle.offer(() => describeMessage(event, options.lookups(), actorId));
  }

  return {
    handle(event: DomainEvent): void {
      if (options.isOwn(event)) return;
      for (const change of changedRows(event)) options.mark(change.kind, change.id);

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
        }, settings.actorWaitMs);
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
      if (worthAToast(event)) announce(event);
    },
    dispose(): void {
      for (const { timer } of held.values()) clearTimeout(timer);
      held.clear();
      throttle.dispose();
    },
  };
}

function definedOnly(options: AnnouncerOptions): Partial<AnnouncerSettings> {
  const out: Partial<AnnouncerSettings> = {};
  for (const key of Object.keys(ANNOUNCER_DEFAULTS) as (keyof AnnouncerSettings)[]) {
    const value = options[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

export type Announcer = ReturnType<typeof createAnnouncer>;
