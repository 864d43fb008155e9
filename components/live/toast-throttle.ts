/**
 * A toast per change while changes come slowly; beyond `perWindow` changes in `windowMs`, one
 * summary toast ("14 more changes from your team") that is updated in place, at most once per
 * `summaryEveryMs`. Hundreds of toasts a second would flood the reader and the main thread alike.
 * Messages are passed as functions so that a folded change is never described (the description
 * looks names up in the cache); only the latest one is, when the summary is next shown.
 */

export type ToastSummary = {
  /** Changes folded into the summary since it appeared. */
  count: number;
  title: string;
  /** What the most recent of them was, e.g. "Latest: Dana completed 'Hire two engineers'". */
  description: string | null;
  /** The summary is shown for this long after its last update; the throttle counts on it. */
  durationMs: number;
};

export type ToastThrottleOptions = {
  perWindow: number;
  windowMs: number;
  summaryEveryMs: number;
  summaryDurationMs: number;
  show: (message: string) => void;
  summarize: (summary: ToastSummary) => void;
  now?: () => number;
};

export function summaryTitle(count: number): string {
  return `${count} more ${count === 1 ? 'change' : 'changes'} from your team`;
}

export function createToastThrottle(options: ToastThrottleOptions) {
  const now = options.now ?? (() => Date.now());
  const perWindow = Math.max(1, options.perWindow);
  // Times of the last `perWindow` changes offered, shown or not: a ring, oldest at `next`.
  const recent: number[] = [];
  let next = 0;
  let count = 0;
  let shownAt: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let latest: (() => string) | null = null;

  function busy(at: number): boolean {
    const oldest = recent.length < perWindow ? undefined : recent[next];
    if (recent.length < perWindow) recent.push(at);
    else recent[next] = at;
    next = (next + 1) % perWindow;
    return oldest !== undefined && at - oldest < options.windowMs;
  }

  function publish(): void {
    timer = null;
    shownAt = now();
    const text = latest?.() ?? '';
    latest = null;
    options.summarize({
      count,
      title: summaryTitle(count),
      description: text ? `Latest: ${text}` : null,
      durationMs: options.summaryDurationMs,
    });
  }

  function fold(describe: () => string, at: number): void {
    // The previous summary has timed out: start counting again.
    if (timer === null && shownAt !== null && at - shownAt >= options.summaryDurationMs) {
      count = 0;
      shownAt = null;
    }
    count += 1;
    latest = describe;
    if (timer !== null) return;
    const wait = shownAt === null ? 0 : shownAt + options.summaryEveryMs - at;
    if (wait <= 0) publish();
    else timer = setTimeout(publish, wait);
  }

  return {
    /** One change worth a toast; `describe` runs only if it gets a toast of its own. */
    offer(describe: () => string): void {
      const at = now();
      if (busy(at)) return fold(describe, at);
      const message = describe();
      if (message) options.show(message);
    },
    dispose(): void {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      latest = null;
    },
  };
}

export type ToastThrottle = ReturnType<typeof createToastThrottle>;
