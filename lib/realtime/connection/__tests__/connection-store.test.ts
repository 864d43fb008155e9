import { describe, expect, it, vi } from 'vitest';
import { CONNECTION_STATES, createConnectionStore, initialSnapshot } from '../connection-store';

describe('connection store', () => {
  it('starts empty in the given state, frozen', () => {
    const store = createConnectionStore('disabled');
    const snap = store.getSnapshot();
    expect(snap).toMatchObject({
      state: 'disabled',
      attempt: 0,
      nextRetryAt: null,
      lastError: null,
      connectedAt: null,
    });
    expect(snap.counters.errors).toEqual({ UNAUTHORIZED: 0, RATE_LIMIT_EXCEEDED: 0, INTERNAL_ERROR: 0 });
    expect(Object.isFrozen(snap) && Object.isFrozen(snap.counters) && Object.isFrozen(snap.counters.errors)).toBe(true);
    expect(createConnectionStore().getSnapshot().state).toBe('connecting');
    expect(CONNECTION_STATES).toContain(initialSnapshot().state);
  });

  it('keeps the same snapshot, and stays quiet, when nothing changes', () => {
    const store = createConnectionStore();
    const listener = vi.fn();
    store.subscribe(listener);
    const before = store.getSnapshot();
    store.update({ state: 'connecting', lastError: null, nextRetryAt: undefined });
    store.update({}, { connects: 0 });
    expect(store.getSnapshot()).toBe(before);
    expect(listener).not.toHaveBeenCalled();
  });

  it('publishes a new snapshot per change, with fields and counters in one notification', () => {
    const store = createConnectionStore();
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    const before = store.getSnapshot();
    store.update({ state: 'live', connectedAt: 5 }, { connects: 1, reconnects: 1 });
    const after = store.getSnapshot();
    expect(after).not.toBe(before);
    expect(after).toMatchObject({
      state: 'live',
      connectedAt: 5,
      counters: { connects: 1, reconnects: 1, pongsSent: 0 },
    });
    expect(before.state).toBe('connecting');
    expect(listener).toHaveBeenCalledTimes(1);
    store.update({ lastError: 'x' });
    expect(store.getSnapshot().counters).toBe(after.counters);
    store.incrementError('INTERNAL_ERROR');
    expect(store.getSnapshot().counters.errors.INTERNAL_ERROR).toBe(1);
    expect(listener).toHaveBeenCalledTimes(3);
    unsubscribe();
    store.update({ lastError: 'y' });
    expect(listener).toHaveBeenCalledTimes(3);
  });

  it('keeps the status (the snapshot without counters) the same object while only counters move', () => {
    const store = createConnectionStore();
    const status = store.getStatus();
    expect(status).toEqual({
      state: 'connecting',
      attempt: 0,
      nextRetryAt: null,
      lastError: null,
      lastCloseCode: null,
      lastCloseReason: null,
      connectedAt: null,
    });
    expect(Object.isFrozen(status)).toBe(true);
    store.update({}, { framesReceived: 1 });
    store.update({}, { framesReceived: 1, pongsSent: 1 });
    store.incrementError('INTERNAL_ERROR');
    expect(store.getSnapshot().counters.framesReceived).toBe(2);
    expect(store.getStatus()).toBe(status);
    store.update({ state: 'live', connectedAt: 9 }, { connects: 1 });
    expect(store.getStatus()).toMatchObject({ state: 'live', connectedAt: 9 });
    expect(store.getStatus()).not.toBe(status);
  });

  it('lets a listener unsubscribe another during a notification without skipping anyone', () => {
    const store = createConnectionStore();
    const calls: string[] = [];
    let offB = () => {};
    store.subscribe(() => {
      calls.push('a');
      offB();
    });
    offB = store.subscribe(() => calls.push('b'));
    store.update({ attempt: 1 });
    store.update({ attempt: 2 });
    expect(calls).toEqual(['a', 'b', 'a']);
  });
});
