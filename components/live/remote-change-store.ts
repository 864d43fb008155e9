/**
 * Which entities someone else changed, told to their rows at most once per animation frame.
 * Marking is cheap (a set insert) because it runs inside the socket's message handler, once per
 * event: notifying rows there re-rendered every row once per event, and at hundreds of events a
 * second that left no time for the bridge's patch timer (bench:browser).
 */

export type ChangeKind = 'goal' | 'action' | 'measure' | 'reading' | 'issue' | 'decision' | 'attachment' | 'activity';

export const REMOTE_CHANGE_DEFAULTS = {
  /** Where there is no animation frame to wait for (hidden tab, no DOM), notify after this long. */
  fallbackDelayMs: 16,
};

/** Runs `run` once, soon; returns a function that cancels it. */
export type Scheduler = (run: () => void) => () => void;

/**
 * The next animation frame while the page is visible, else a timer: requestAnimationFrame does
 * not run in hidden tabs. A frame requested just before the tab is hidden runs when it is shown
 * again, which is when its highlights can be seen anyway.
 */
export function scheduleFrame(run: () => void, fallbackDelayMs = REMOTE_CHANGE_DEFAULTS.fallbackDelayMs): () => void {
  const visible = typeof document !== 'undefined' && document.visibilityState === 'visible';
  if (visible && typeof requestAnimationFrame === 'function') {
    const handle = requestAnimationFrame(() => run());
    return () => cancelAnimationFrame(handle);
  }
  const timer = setTimeout(run, fallbackDelayMs);
  return () => clearTimeout(timer);
}

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

export function createRemoteChangeStore(schedule: Scheduler = (run) => scheduleFrame(run)): RemoteChangeStore {
  const stamps = new Map<string, number>();
  const listeners = new Map<string, Set<() => void>>();
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
    for (const key of keys) {
      const forKey = listeners.get(key);
      if (forKey) for (const listener of [...forKey]) listener();
    }
  }

  return {
    mark(kind, id) {
      pending.add(keyOf(kind, id));
      cancel ??= schedule(flush);
    },
    subscribe(kind, id, listener) {
      const key = keyOf(kind, id);
      let forKey = listeners.get(key);
      if (!forKey) listeners.set(key, (forKey = new Set()));
      forKey.add(listener);
      return () => {
        forKey.delete(listener);
        if (forKey.size === 0 && listeners.get(key) === forKey) listeners.delete(key);
      };
    },
    stamp: (kind, id) => stamps.get(keyOf(kind, id)) ?? 0,
    flush,
  };
}
