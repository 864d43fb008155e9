import { notifyManager } from '@tanstack/query-core';

/**
 * How the bench stands in for time. Events arrive back to back, as fast as the contender takes
 * them; every `window` events count as one flush window. The bridge's flush timer is replaced by
 * `schedule` below, which holds the callback until the window closes; then the bench runs it and
 * lets every started refetch settle before the next window. The naive handler gets the same
 * windows, and its refetches settle at the same points.
 */
export type Schedule = (fn: () => void, ms: number) => () => void;

export class WindowClock {
  private pending: Array<() => void> = [];

  /** Pass as the bridge's `schedule` option. */
  readonly schedule: Schedule = (fn) => {
    this.pending.push(fn);
    return () => {
      this.pending = this.pending.filter((f) => f !== fn);
    };
  };

  /** Close the window: run the flushes the bridge asked for, then let the refetches they started settle. */
  async close(): Promise<void> {
    while (this.pending.length > 0) {
      const due = this.pending;
      this.pending = [];
      for (const fn of due) fn();
    }
    await settle();
  }
}

/**
 * Let every promise chain started so far run to the end. Query notifications are batched with
 * `setTimeout(0)` by default, which Node clamps to 1 ms; `notifyInMicrotasks` moves them to
 * microtasks so one `setImmediate` drains them, for every contender alike.
 */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export function notifyInMicrotasks(): void {
  notifyManager.setScheduler(queueMicrotask);
}
