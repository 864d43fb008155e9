import { defaultScheduler, notifyManager } from '@tanstack/query-core';
import type { Schedule } from './coalescer';

export const FRAME_DEFAULTS = {
  /** A hidden tab runs no animation frames: its patches are written after this long instead. */
  fallbackMs: 100,
} as const;

type FrameApi = {
  requestAnimationFrame?: (fn: () => void) => number;
  cancelAnimationFrame?: (id: number) => void;
};

/**
 * The bridge's patch window in a browser: patches are written in the next animation frame, just
 * before it is drawn, so React renders them into that frame (a 16 ms timer lands anywhere in the
 * frame and the render waits for the next one). A timer backs it up, since hidden tabs draw no
 * frames. Undefined where there are no animation frames (Node, tests): the bridge keeps its timer.
 */
export function frameSchedule(api: FrameApi = globalThis as FrameApi): Schedule | undefined {
  const raf = api.requestAnimationFrame?.bind(api);
  const caf = api.cancelAnimationFrame?.bind(api);
  if (raf === undefined || caf === undefined) return undefined;
  return (fn, ms) => {
    let pending = true;
    const frame = raf(() => run());
    const timer = setTimeout(() => run(), Math.max(ms, FRAME_DEFAULTS.fallbackMs));
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
  };
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
