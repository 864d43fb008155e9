import { describe, expect, it, vi } from 'vitest';
import { Counters, RingLog, type NewLogEntry } from '../event-log';

const rejection = (n: number): NewLogEntry => ({ kind: 'rejection', reason: 'bad_json', message: `frame ${n}` });

describe('RingLog', () => {
  it('keeps the last `capacity` entries, oldest first, with sequence numbers and times', () => {
    let now = 1_000;
    const log = new RingLog(3, () => now++);
    for (let n = 1; n <= 5; n++) log.push(rejection(n));
    expect(
      log.getSnapshot().map((entry) => [entry.seq, entry.at, entry.kind === 'rejection' && entry.message]),
    ).toEqual([
      [3, 1_002, 'frame 3'],
      [4, 1_003, 'frame 4'],
      [5, 1_004, 'frame 5'],
    ]);
  });

  it('returns the same frozen snapshot until it changes, and notifies subscribers', () => {
    const log = new RingLog(10);
    const listener = vi.fn();
    const unsubscribe = log.subscribe(listener);
    log.push(rejection(1));
    const first = log.getSnapshot();
    expect(log.getSnapshot()).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    log.push(rejection(2));
    expect(log.getSnapshot()).not.toBe(first);
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    log.push(rejection(3));
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('updates an entry still in the buffer, ignores one that is gone', () => {
    const log = new RingLog(2);
    const seq = log.push({ kind: 'resync', invalidated: [] });
    log.update(seq, (entry) => (entry.kind === 'resync' ? { ...entry, invalidated: [['goals']] } : entry));
    expect(log.getSnapshot()[0]).toMatchObject({ seq, invalidated: [['goals']] });
    log.push(rejection(2));
    log.push(rejection(3));
    const before = log.getSnapshot();
    log.update(seq, () => {
      throw new Error('must not be called');
    });
    expect(log.getSnapshot()).toBe(before);
  });

  it('clear() empties it; a bad capacity is refused with a message', () => {
    const log = new RingLog(2);
    log.push(rejection(1));
    log.clear();
    expect(log.getSnapshot()).toEqual([]);
    expect(() => new RingLog(0)).toThrow('Event log capacity must be a positive integer, got 0.');
  });
});

describe('Counters', () => {
  it('adds counters and rejections per reason, with a stable frozen snapshot', () => {
    const stats = new Counters();
    const listener = vi.fn();
    stats.subscribe(listener);
    const zero = stats.getSnapshot();
    expect(zero).toMatchObject({ received: 0, invalid: 0, rejected: { bad_json: 0, hostile_key: 0 } });
    stats.add({ received: 2, patched: 5 });
    stats.add({}, 'hostile_key');
    const snap = stats.getSnapshot();
    expect(snap).toMatchObject({ received: 2, patched: 5, invalid: 1, rejected: { hostile_key: 1, bad_json: 0 } });
    expect(stats.getSnapshot()).toBe(snap);
    expect(Object.isFrozen(snap.rejected)).toBe(true);
    expect(zero.received).toBe(0);
    expect(listener).toHaveBeenCalledTimes(2);
  });
});
