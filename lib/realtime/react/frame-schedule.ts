import { defaultScheduler, notifyManager } from '@tanstack/query-core';

export const FRAME_DEFAULTS = {
  /** A hidden tab runs no animation frames: the bridge's patches are written after this long instead. */
  fallbackMs: 100,
} as const;

type FrameApi = {
  requestAnimationFrame?: (fn: () => void) => number;
  cancelAnimationFrame?: (id: number) => void;
  document?: { readonly visibilityState?: string };
};

export type FrameOptions = {
  /** Where no frame will come (a hidden tab, or no animation frames at all), run after this long instead. */
  fallbackMs: number;
  /**
   * Race a visible tab's frame against that timer too: for work that must happen even if the tab is
   * hidden before the frame comes (a frame requested then runs only when the tab is shown again).
   */
  backup?: boolean;
  /** Where requestAnimationFrame and the document come from (tests); the globals by default. */
  api?: FrameApi;
};

/**
 * The one frame scheduler: runs `fn` once, in the next animation frame, just before it is drawn,
 * so what `fn` changes is rendered into that frame (a timer lands anywhere in a frame and its
 * render waits for the next one). Returns the function that cancels it.
 */
export function scheduleFrame(fn: () => void, options: FrameOptions): () => void {
  const api = options.api ?? (globalThis as FrameApi);
  const raf = api.requestAnimationFrame?.bind(api);
  const caf = api.cancelAnimationFrame?.bind(api);
  const hidden = api.document?.visibilityState === 'hidden';
  if (raf === undefined || caf === undefined || hidden) {
    const timer = setTimeout(fn, options.fallbackMs);
    return () => clearTimeout(timer);
  }
  let pending = true;
  const frame = raf(() => run());
  const timer = options.backup === true ? setTimeout(() => run(), options.fallbackMs) : undefined;
  const cancel = () => {
    pending = false;
    caf(frame);
    clearTimeout(timer);
  };
  function run() {
    if (!pending) return;
    cancel();
    fn();
  }
  return cancel;
}

/**
 * The bridge's patch window in a browser: patches are written in the next animation frame, with a
 * timer as backup, since hidden tabs draw no frames. Undefined where there are no animation frames
 * (Node, tests): the bridge keeps its timer.
 */
export function frameSchedule(
  api: FrameApi = globalThis as FrameApi,
): ((fn: () => void, ms: number) => () => void) | undefined {
  if (api.requestAnimationFrame === undefined || api.cancelAnimationFrame === undefined) return undefined;
  return (fn, ms) => scheduleFrame(fn, { fallbackMs: Math.max(ms, FRAME_DEFAULTS.fallbackMs), backup: true, api });
}

let holders = 0;

/**
 * While held, TanStack Query delivers cache notifications in a microtask instead of a
 * `setTimeout(0)` task, so a patch written in an animation frame is rendered by React in that same
 * frame rather than in a task queued behind the socket's messages. Returns the release; the
 * default comes back when the last holder releases.
 */
export function holdMicrotaskNotifications(): () => void {
  if (holders++ === 0) notifyManager.setScheduler(queueMicrotask);
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    if (--holders === 0) notifyManager.setScheduler(defaultScheduler);
  };
}
