// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRemoteChangeStore } from '../remote-change-store';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** A scheduler the test runs by hand. */
function manual() {
  const queue: (() => void)[] = [];
  const schedule = vi.fn((run: () => void) => {
    queue.push(run);
    return () => {
      const at = queue.indexOf(run);
      if (at !== -1) queue.splice(at, 1);
    };
  });
  return { schedule, runAll: () => queue.splice(0).forEach((run) => run()), pending: () => queue.length };
}

describe('createRemoteChangeStore', () => {
  it('tells only the changed entities’ listeners, once per flush however many marks came before', () => {
    const frame = manual();
    const store = createRemoteChangeStore(frame.schedule);
    const a8 = vi.fn();
    const a9 = vi.fn();
    store.subscribe('action', 'a-8', a8);
    store.subscribe('action', 'a-9', a9);

    for (let i = 0; i < 50; i++) store.mark('action', 'a-8');
    store.mark('goal', 'a-9'); // same id, other kind: not a-9's row
    expect(a8).not.toHaveBeenCalled();
    expect(frame.schedule).toHaveBeenCalledTimes(1);

    frame.runAll();
    expect(a8).toHaveBeenCalledTimes(1);
    expect(a9).not.toHaveBeenCalled();
    expect(store.stamp('action', 'a-8')).toBe(1);
    expect(store.stamp('goal', 'a-9')).toBe(1);
    expect(store.stamp('action', 'a-9')).toBe(0);

    store.mark('action', 'a-8');
    expect(frame.schedule).toHaveBeenCalledTimes(2);
    frame.runAll();
    expect(a8).toHaveBeenCalledTimes(2);
    expect(store.stamp('action', 'a-8')).toBe(2);
  });

  it('moves every stamp before the first listener runs, and a flush by hand cancels the scheduled one', () => {
    const frame = manual();
    const store = createRemoteChangeStore(frame.schedule);
    const seen: number[] = [];
    store.subscribe('goal', 'g-1', () => seen.push(store.stamp('goal', 'g-2')));
    store.mark('goal', 'g-1');
    store.mark('goal', 'g-2');
    store.flush();
    expect(seen).toEqual([1]);
    expect(frame.pending()).toBe(0);
    store.flush(); // nothing pending: nothing happens
    expect(seen).toEqual([1]);
  });

  it('stops telling a listener once it unsubscribes', () => {
    const frame = manual();
    const store = createRemoteChangeStore(frame.schedule);
    const listener = vi.fn();
    const unsubscribe = store.subscribe('issue', 'i-1', listener);
    unsubscribe();
    store.mark('issue', 'i-1');
    frame.runAll();
    expect(listener).not.toHaveBeenCalled();
    expect(store.stamp('issue', 'i-1')).toBe(1);
  });
});
