import { describe, expect, it, vi } from 'vitest';
import { ListDraft } from '../write-batch';
import { indexOfId } from '../list-updaters';

/** Whether a lookup in `items` (a long list) finds a position map, built or handed on, instead of building one. */
function knowsPositions(items: readonly unknown[]): boolean {
  const set = vi.spyOn(Map.prototype, 'set');
  try {
    indexOfId(items, 'no-such-id');
    return set.mock.calls.length === 0;
  } finally {
    set.mockRestore();
  }
}

const T = (minute: number) => `2026-11-27T10:${String(minute).padStart(2, '0')}:00.000Z`;
const item = (id: string, extra: Record<string, unknown> = {}) => ({ id, ...extra });
const ids = (list: { items: readonly unknown[] }) => list.items.map((x) => (x as { id: string }).id);

describe('ListDraft', () => {
  it('replaces and drops items on one copy; the cached list and its other fields are kept', () => {
    const base = { items: [item('a'), item('b'), item('c')], total: 3 };
    const draft = new ListDraft(base);
    draft.set('b', item('b', { n: 1 }));
    draft.set('b', item('b', { n: 2 }));
    draft.set('c', null);
    draft.set('zz', item('zz'));
    expect([draft.get('b'), draft.get('c'), draft.get('zz')]).toEqual([item('b', { n: 2 }), undefined, undefined]);
    const { list, exact } = draft.build(true);
    expect(list).toEqual({ items: [item('a'), item('b', { n: 2 })], total: 3 });
    expect(list.items[0]).toBe(base.items[0]);
    expect(exact).toBe(true);
    expect(ids(base)).toEqual(['a', 'b', 'c']);
  });

  it('patches and drops appended items, and appends again an id it dropped', () => {
    const draft = new ListDraft({ items: [item('a'), item('b')] });
    draft.insert(item('x'));
    draft.set('x', item('x', { n: 1 }));
    draft.insert(item('y'));
    draft.set('y', null);
    draft.set('a', null);
    expect(draft.get('a')).toBeUndefined();
    draft.insert(item('a', { again: true }));
    expect(draft.get('a')).toEqual(item('a', { again: true }));
    expect(draft.build().list.items).toEqual([item('b'), item('x', { n: 1 }), item('a', { again: true })]);
  });

  it('inserts by time in either order, in order or not, skipping dropped places', () => {
    const at = (id: string, minute: number) => item(id, { at: T(minute) });
    const asc = new ListDraft({ items: [at('r1', 1), at('r3', 3), at('gone', 4)] });
    asc.set('gone', null);
    for (const [id, minute] of [
      ['r5', 5],
      ['r2', 2],
      ['r4', 4],
    ] as const)
      asc.insert(at(id, minute), { field: 'at', order: 'asc' });
    expect(ids(asc.build().list)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
    expect(asc.get('r3')).toEqual(at('r3', 3));
    asc.set('r3', null);
    expect(ids(asc.build().list)).toEqual(['r1', 'r2', 'r4', 'r5']);

    const desc = new ListDraft({ items: [at('r3', 3), at('r1', 1)] });
    for (const [id, minute] of [
      ['r4', 4],
      ['r2', 2],
    ] as const)
      desc.insert(at(id, minute), { field: 'at', order: 'desc' });
    expect(ids(desc.build().list)).toEqual(['r4', 'r3', 'r2', 'r1']);
  });

  it('finds items of a long list through its position map, and hands the map to the list it builds', () => {
    const items = Array.from({ length: 300 }, (_, i) => item(`x-${i}`, { n: i }));
    const draft = new ListDraft({ items });
    draft.set('x-250', item('x-250', { n: -1 }));
    draft.insert(item('x-new'));
    const built = draft.build(true).list;
    expect(built.items).toHaveLength(301);
    expect([indexOfId(built.items, 'x-250'), indexOfId(built.items, 'x-new'), indexOfId(built.items, 'x-0')]).toEqual([
      250, 300, 0,
    ]);
    expect(indexOfId(items, 'x-new')).toBe(-1);
    const next = new ListDraft(built);
    expect(next.get('x-new')).toEqual(item('x-new'));
  });

  it('hands the position map of a newest-first feed on through prepends, appends and drops, exact every window', () => {
    const at = (id: string, minute: number) =>
      item(id, { at: new Date(Date.UTC(2026, 10, 27, 10) + minute * 60_000).toISOString() });
    let list = { items: Array.from({ length: 80 }, (_, i) => at(`f-${i}`, 100 - i)) };
    expect(indexOfId(list.items, 'f-79')).toBe(79);
    let minute = 100;
    for (let window = 0; window < 5; window++) {
      const draft = new ListDraft(list);
      draft.insert(at(`new-${window}-a`, ++minute), { field: 'at', order: 'desc' });
      draft.insert(at(`new-${window}-b`, ++minute), { field: 'at', order: 'desc' });
      draft.insert(at(`old-${window}`, -1 - window), { field: 'at', order: 'desc' });
      draft.set(`f-${window * 3}`, null);
      expect(draft.get(`new-${window}-a`)).toEqual(at(`new-${window}-a`, minute - 1));
      expect(draft.get('f-79')).toEqual(at('f-79', 21));
      list = draft.build(true).list as typeof list;
      expect(knowsPositions(list.items)).toBe(true);
      const expected = list.items.map((x) => x.id);
      for (const id of [...expected, 'f-0', 'nope']) expect(indexOfId(list.items, id)).toBe(expected.indexOf(id));
    }
    expect(list.items.slice(0, 3).map((x) => x.id)).toEqual(['new-4-b', 'new-4-a', 'new-3-b']);
    expect(list.items.slice(-2).map((x) => x.id)).toEqual(['old-3', 'old-4']);
  });

  it('is not exact when a dropped id is still in the list (the cached list held it twice)', () => {
    const draft = new ListDraft({ items: [item('a', { n: 1 }), item('b'), item('a', { n: 2 })] });
    draft.set('a', null);
    expect(draft.get('a')).toEqual(item('a', { n: 2 }));
    const { list, exact } = draft.build(true);
    expect(list.items).toEqual([item('b'), item('a', { n: 2 })]);
    expect(exact).toBe(false);
  });
});

describe('ListDraft: a dry-run build', () => {
  it('does not hand out the array it keeps changing (a lookup on it cannot go stale)', () => {
    const at = (id: string, minute: number) => item(id, { at: T(minute) });
    const items = Array.from({ length: 80 }, (_, i) => at(`r-${i}`, 10));
    const draft = new ListDraft({ items });
    const dry = draft.build().list;
    expect(indexOfId(dry.items, 'r-79')).toBe(79);
    draft.insert(at('early', 1), { field: 'at', order: 'asc' });
    const published = draft.build(true).list;
    expect(ids(published)[0]).toBe('early');
    expect(indexOfId(published.items, 'r-79')).toBe(80);
    expect(indexOfId(dry.items, 'early')).toBe(-1);
  });
});
