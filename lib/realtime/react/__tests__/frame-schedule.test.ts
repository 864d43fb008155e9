import { notifyManager, QueryClient } from '@tanstack/query-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FRAME_DEFAULTS, frameSchedule, holdMicrotaskNotifications } from '../frame-schedule';

afterEach(() => {
  vi.useRealTimers();
});

/** Animation frames that run when the test says. */
function fakeFrames() {
  const callbacks = new Map<number, () => void>();
  let next = 1;
  return {
    api: {
      requestAnimationFrame: (fn: () => void) => {
        callbacks.set(next, fn);
        return next++;
      },
      cancelAnimationFrame: (id: number) => void callbacks.delete(id),
    },
    pending: () => callbacks.size,
    draw() {
      const due = [...callbacks.values()];
      callbacks.clear();
      for (const fn of due) fn();
    },
  };
}

describe('frameSchedule', () => {
  it('is undefined without animation frames (Node): the bridge keeps its timer', () => {
    expect(frameSchedule({})).toBeUndefined();
  });

  it('runs the write in the next frame, once, and drops its fallback timer', () => {
    vi.useFakeTimers();
    const frames = fakeFrames();
    const schedule = frameSchedule(frames.api)!;
    const write = vi.fn();
    schedule(write, 16);
    expect(write).not.toHaveBeenCalled();
    frames.draw();
    expect(write).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(FRAME_DEFAULTS.fallbackMs * 2);
    expect(write).toHaveBeenCalledTimes(1);
  });

  it('falls back to a timer when no frame comes (a hidden tab), and cancels both', () => {
    vi.useFakeTimers();
    const frames = fakeFrames();
    const schedule = frameSchedule(frames.api)!;
    const write = vi.fn();
    schedule(write, 16);
    vi.advanceTimersByTime(FRAME_DEFAULTS.fallbackMs - 1);
    expect(write).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(write).toHaveBeenCalledTimes(1);
    expect(frames.pending()).toBe(0);
    frames.draw();
    expect(write).toHaveBeenCalledTimes(1);

    const cancelled = vi.fn();
    const cancel = schedule(cancelled, 16);
    cancel();
    frames.draw();
    vi.advanceTimersByTime(FRAME_DEFAULTS.fallbackMs);
    expect(cancelled).not.toHaveBeenCalled();
  });
});

describe('holdMicrotaskNotifications', () => {
  /** Whether a React-bound listener (wrapped like useQuery's, with batchCalls) hears of a write before a setTimeout(0) task could run. */
  async function heardInMicrotask(): Promise<boolean> {
    const client = new QueryClient();
    let heard = false;
    const onStoreChange = notifyManager.batchCalls(() => {
      heard = true;
    });
    const unsubscribe = client.getQueryCache().subscribe(() => onStoreChange());
    notifyManager.batch(() => client.setQueryData(['k'], 1));
    await Promise.resolve();
    await Promise.resolve();
    const early = heard;
    unsubscribe();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(heard).toBe(true);
    return early;
  }

  it('delivers cache notifications in a microtask while held, and restores the default after the last release', async () => {
    expect(await heardInMicrotask()).toBe(false);
    const first = holdMicrotaskNotifications();
    const second = holdMicrotaskNotifications();
    expect(await heardInMicrotask()).toBe(true);
    first();
    first();
    expect(await heardInMicrotask()).toBe(true);
    second();
    expect(await heardInMicrotask()).toBe(false);
  });
});
