import { describe, expect, it } from 'vitest';
import { insertItem, insertSorted, isList, mergeEntity, patchEntityInArray, patchEntityInList } from '../list-updaters';

const T0 = '2026-11-27T10:00:00.000Z';
const T1 = '2026-11-27T10:05:00.000Z';
const a = { id: 'a', status: 'open', n: 1, updatedAt: T0 };
const b = { id: 'b', status: 'open', n: 2, updatedAt: T0 };

describe('mergeEntity', () => {
  it('merges into an older entity and takes the event version', () => {
    expect(mergeEntity(a, { n: 5 }, T1)).toEqual({ ...a, n: 5, updatedAt: T1 });
  });

  it('returns the same reference for a newer entity, or an equal version with equal values', () => {
    expect(mergeEntity({ ...a, updatedAt: T1 }, { n: 5 }, T0)).toEqual({ ...a, updatedAt: T1 });
    const same = { ...a, updatedAt: T1, n: 5 };
    expect(mergeEntity(same, { n: 5 }, T1)).toBe(same);
  });

  it('at an equal version takes the fields that differ (one write told by two events)', () => {
    expect(mergeEntity({ ...a, updatedAt: T1 }, { n: 5 }, T1)).toEqual({ ...a, n: 5, updatedAt: T1 });
  });

  it('compares timestamps in other formats by time, not text', () => {
    const offset = { ...a, updatedAt: '2026-11-27T12:05:00+02:00' };
    expect(mergeEntity(offset, { n: 9 }, T0)).toBe(offset);
    expect(mergeEntity(offset, { n: 9 }, '2026-11-27T10:06:00Z')).toMatchObject({ n: 9 });
  });

  it('leaves non-entities alone', () => {
    expect(mergeEntity(null, { n: 1 }, T1)).toBe(null);
    expect(mergeEntity('x', { n: 1 }, T1)).toBe('x');
    const list = [a];
    expect(mergeEntity(list, { n: 1 }, T1)).toBe(list);
  });
});

describe('patchEntityInList', () => {
  const list = { items: [a, b], total: 2 };

  it('replaces only the matching item and keeps the others and the other fields', () => {
    const next = patchEntityInList(list, 'b', { n: 7 }, T1, undefined) as typeof list;
    expect(next).toEqual({ items: [a, { ...b, n: 7, updatedAt: T1 }], total: 2 });
    expect(next.items[0]).toBe(a);
  });

  it('removes the item from a list whose filter the change no longer matches', () => {
    expect(patchEntityInList(list, 'a', { status: 'done' }, T1, { status: 'open' })).toEqual({ items: [b], total: 2 });
    expect(patchEntityInList(list, 'a', { status: 'open', n: 3 }, T1, { status: 'open' })).toMatchObject({
      items: [{ n: 3 }, b],
    });
    expect(patchEntityInList(list, 'a', { n: 3 }, T1, { status: 'done' })).toMatchObject({ items: [{ n: 3 }, b] });
  });

  it('returns the same list when the item is absent, newer, or the value is not a list', () => {
    expect(patchEntityInList(list, 'zz', { n: 1 }, T1, undefined)).toBe(list);
    expect(patchEntityInList(list, 'a', { n: 1 }, '2026-11-27T09:00:00.000Z', undefined)).toBe(list);
    expect(patchEntityInList({ items: 'nope' }, 'a', { n: 1 }, T1, undefined)).toEqual({ items: 'nope' });
    expect(isList({ items: [] })).toBe(true);
    expect(isList([])).toBe(false);
  });

  it('finds items in long lists through a position map that survives in-place patches', () => {
    const items = Array.from({ length: 200 }, (_, i) => ({ id: `x-${i}`, n: i, updatedAt: T0 }));
    let current: unknown = { items };
    for (let i = 0; i < 200; i += 7) current = patchEntityInList(current, `x-${i}`, { n: 1000 + i }, T1, undefined);
    const out = (current as { items: { id: string; n: number }[] }).items;
    expect(out.filter((item) => item.n >= 1000).map((item) => item.id)).toEqual(
      Array.from({ length: 29 }, (_, k) => `x-${k * 7}`),
    );
    expect(out[1]).toBe(items[1]);
    const shorter = patchEntityInList(current, 'x-3', { status: 'gone' }, T1, { status: 'here' }) as {
      items: { id: string }[];
    };
    expect(shorter.items).toHaveLength(199);
    expect(patchEntityInList(shorter, 'x-199', { n: 1 }, T1, undefined)).toMatchObject({
      items: expect.arrayContaining([{ id: 'x-199', n: 1, updatedAt: T1 }]),
    });
  });
});

describe('insertItem / insertSorted', () => {
  it('appends or prepends, never twice', () => {
    const list = { items: [a] };
    expect(insertItem(list, b, 'end')).toEqual({ items: [a, b] });
    expect(insertItem(list, b, 'start')).toEqual({ items: [b, a] });
    expect(insertItem(list, { ...a }, 'end')).toBe(list);
    expect(insertItem(undefined, b, 'end')).toBe(undefined);
  });

  it('places items by time in either order, also when they arrive out of order', () => {
    const at = (id: string, minute: number) => ({ id, at: `2026-11-27T10:${String(minute).padStart(2, '0')}:00.000Z` });
    let asc: unknown = { items: [] };
    let desc: unknown = { items: [] };
    for (const [id, minute] of [
      ['r2', 2],
      ['r1', 1],
      ['r4', 4],
      ['r3', 3],
      ['r3', 3],
    ] as const) {
      asc = insertSorted(asc, at(id, minute), 'at', 'asc');
      desc = insertSorted(desc, at(id, minute), 'at', 'desc');
    }
    expect((asc as { items: { id: string }[] }).items.map((i) => i.id)).toEqual(['r1', 'r2', 'r3', 'r4']);
    expect((desc as { items: { id: string }[] }).items.map((i) => i.id)).toEqual(['r4', 'r3', 'r2', 'r1']);
    expect(insertSorted('x', at('r9', 9), 'at', 'asc')).toBe('x');
  });
});

describe('patchEntityInArray', () => {
  it("patches an entity inside a field of a container (the dashboard's measures)", () => {
    const dash = { count: 3, measures: [a, b] };
    const next = patchEntityInArray(dash, 'measures', 'b', { n: 9 }, T1) as typeof dash;
    expect(next).toEqual({ count: 3, measures: [a, { ...b, n: 9, updatedAt: T1 }] });
    expect(patchEntityInArray(dash, 'measures', 'zz', { n: 9 }, T1)).toBe(dash);
    expect(patchEntityInArray(dash, 'count', 'a', { n: 9 }, T1)).toBe(dash);
    expect(patchEntityInArray(null, 'measures', 'a', { n: 9 }, T1)).toBe(null);
  });
});
