import { Topics } from '@/lib/kit';
import { scheduleFrame, type EntityKind } from '@/lib/realtime';

/**
 * Which entities someone else changed, told to their rows at most once per animation frame.
 * Marking is cheap (a set insert) because it runs inside the socket's message handler, once per
 * event: notifying rows there re-rendered every row once per event, and at hundreds of events a
 * second that left no time for the bridge's patch timer (bench:browser).
 */

/** What a row shows: an entity of the table, or a reading or an activity item. */
export type ChangeKind = EntityKind | 'reading' | 'activity';

export const REMOTE_CHANGE_DEFAULTS = {
  /** Where there is no animation frame to wait for (hidden tab, no DOM), notify after this long. */
  fallbackDelayMs: 16,
};

/** Runs `run` once, soon; returns a function that cancels it. */
export type Scheduler = (run: () => void) => () => void;

export type RemoteChangeStore = {
  /** Records a change; its listeners hear of it on the next flush, however many changes came before. */
  mark(kind: ChangeKind, id: string): void;
  /** Listens to one entity's changes; returns the unsubscribe function. */
  subscribe(kind: ChangeKind, id: string, listener: () => void): () => void;
  /** Goes up by one per flush that included the entity; 0 until then. */
  stamp(kind: ChangeKind, id: string): number;
  /** Tells the listeners of every entity marked since the last flush, now. */
  flush(): void;
};

const keyOf = (kind: ChangeKind, id: string) => `${kind}:${id}`;

/**
 * Notified in the next animation frame while the page is visible, else after a timer (a hidden tab draws no frames;
 * a frame requested just before the tab is hidden runs when it is shown again, which is when its highlights can be seen).
 */
const nextFrame: Scheduler = (run) => scheduleFrame(run, { fallbackMs: REMOTE_CHANGE_DEFAULTS.fallbackDelayMs });

export function createRemoteChangeStore(schedule: Scheduler = nextFrame): RemoteChangeStore {
  const stamps = new Map<string, number>();
  const listeners = new Topics<string>();
  const pending = new Set<string>();
  let cancel: (() => void) | undefined;

  function flush(): void {
    cancel?.();
    cancel = undefined;
    if (pending.size === 0) return;
    const keys = [...pending];
    pending.clear();
    // Every stamp moves before any listener runs, so a render during the loop reads a consistent store.
    for (const key of keys) stamps.set(key, (stamps.get(key) ?? 0) + 1);
    for (const key of keys) listeners.notify(key);
  }

  return {
    mark(kind, id) {
      pending.add(keyOf(kind, id));
      cancel ??= schedule(flush);
    },
    subscribe: (kind, id, listener) => listeners.subscribe(keyOf(kind, id), listener),
    stamp: (kind, id) => stamps.get(keyOf(kind, id)) ?? 0,
    flush,
  };
}
