import { notifyManager } from '@tanstack/query-core';

/**
 * How the bench stands in for time. Events arrive back to back, as fast as the contender takes
 * them. The bridge's timers (its patch and flush windows) are replaced by `schedule` below, which
 * holds each callback; the bench runs them either when a fixed number of events has passed
 * (`close()`, the `--window N` mode) or when they fall due on the wall clock (`runDue()`, the
 * default: the bridge's own patch and flush windows, as in a tab). After running them it lets
 * every started refetch settle before the next event. The naive handler gets the same boundaries.
 */
export type Schedule = (fn: () => void, ms: number) => () => void;

type Timer = { fn: () => void; ms: number; due: number };

export class WindowClock {
  private pending: Timer[] = [];
  /** Time spent running held callbacks, by the delay they were scheduled with (the bridge: 16 = patches, the rest flushes). */
  readonly spentByDelay = new Map<number, number>();
  /** Time spent letting started refetches settle. */
  settleMs = 0;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Pass as the bridge's `schedule` option. */
  readonly schedule: Schedule = (fn, ms) => {
    const timer: Timer = { fn, ms, due: this.now() + ms };
    this.pending.push(timer);
    return () => {
      this.pending = this.pending.filter((t) => t !== timer);
    };
  };

  /** When the earliest held callback falls due (Infinity when none is held). */
  nextDue(): number {
    let next = Infinity;
    for (const timer of this.pending) if (timer.due < next) next = timer.due;
    return next;
  }

  /** Run the callbacks due by `now` (earliest first), then let the refetches they started settle. */
  async runDue(now: number): Promise<void> {
    const due = this.pending.filter((t) => t.due <= now).sort((a, b) => a.due - b.due);
    this.pending = this.pending.filter((t) => t.due > now);
    for (const timer of due) this.run(timer);
    await this.settle();
  }

  /** Close the window: run every held callback (and any they schedule), then let the refetches they started settle. */
  async close(): Promise<void> {
    while (this.pending.length > 0) {
      const due = this.pending;
      this.pending = [];
      for (const timer of due) this.run(timer);
    }
    await this.settle();
  }

  private run(timer: Timer): void {
    const start = this.now();
    timer.fn();
    this.spentByDelay.set(timer.ms, (this.spentByDelay.get(timer.ms) ?? 0) + this.now() - start);
  }

  private async settle(): Promise<void> {
    const start = this.now();
    await settle();
    this.settleMs += this.now() - start;
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
