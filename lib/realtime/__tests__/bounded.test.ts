import { describe, expect, it } from 'vitest';
import { BoundedMap, BoundedSet } from '../bounded';

describe('BoundedMap / BoundedSet', () => {
  it('forgets the oldest entry past capacity; setting again makes an entry newest', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    map.set('a', 3);
    map.set('c', 4);
    expect([map.has('a'), map.has('b'), map.has('c'), map.size]).toEqual([true, false, true, 2]);
    expect(map.get('a')).toBe(3);
    map.clear();
    expect(map.size).toBe(0);
  });

  it('a set of the last N values', () => {
    const set = new BoundedSet<string>(3);
    for (const id of ['e1', 'e2', 'e3', 'e4']) set.add(id);
    expect([set.has('e1'), set.has('e4'), set.size]).toEqual([false, true, 3]);
    set.clear();
    expect(set.has('e4')).toBe(false);
  });

  it('refuses a capacity that is not a positive integer, saying which', () => {
    expect(() => new BoundedMap(0)).toThrow('BoundedMap capacity must be a positive integer, got 0.');
    expect(() => new BoundedSet(1.5)).toThrow(/got 1.5/);
  });
});
