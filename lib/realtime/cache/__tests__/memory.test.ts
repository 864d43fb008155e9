import { describe, expect, it } from 'vitest';
import { BoundedMap, BoundedSet } from '../memory';

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

describe('BoundedMap: age order under churn', () => {
  it('keeps exactly the last `capacity` distinct keys set, however often keys are set again', () => {
    const capacity = 5;
    const map = new BoundedMap<string, number>(capacity);
    const model: string[] = [];
    let seed = 7;
    for (let i = 0; i < 2_000; i++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      const key = `k${seed % 9}`;
      map.set(key, i);
      const at = model.indexOf(key);
      if (at !== -1) model.splice(at, 1);
      model.push(key);
      if (model.length > capacity) model.shift();
      expect(map.size).toBe(model.length);
      for (const k of model) expect(map.has(k)).toBe(true);
      expect(map.get(key)).toBe(i);
    }
  });

  it('a long run of distinct ids keeps exactly the newest ones', () => {
    const set = new BoundedSet<string>(10_000);
    for (let i = 0; i < 100_000; i++) set.add(`t1-${i}`);
    expect(set.size).toBe(10_000);
    expect([set.has('t1-89999'), set.has('t1-90000'), set.has('t1-99999')]).toEqual([false, true, true]);
  });
});
