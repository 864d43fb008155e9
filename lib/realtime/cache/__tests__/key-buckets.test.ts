import { describe, expect, it, vi } from 'vitest';
import { partialMatchKey, type QueryKey } from '@tanstack/query-core';
import { actionKeys, dashboardKeys, goalKeys } from '@/lib/api/keys';
import { KeyBuckets } from '../key-buckets';
import { newClient } from '../../__tests__/helpers/bridge-fixtures';

function setup(keys: QueryKey[]) {
  const client = newClient();
  client.setQueryData(['seeded-before'], 1);
  const buckets = new KeyBuckets(client.getQueryCache());
  client.getQueryCache().subscribe((event) => buckets.handle(event));
  for (const key of keys) client.setQueryData(key, { items: [] });
  const keysOf = (prefix: QueryKey) => [...buckets.candidates(prefix)].map((q) => q.queryKey);
  return { client, buckets, keysOf };
}

const all = [
  goalKeys.detail('g-1'),
  goalKeys.detail('g-2'),
  goalKeys.list({}),
  goalKeys.list({ status: 'active' }),
  actionKeys.list({ status: 'done' }),
  actionKeys.list({ status: 'done', goalId: 'g-1' }),
  actionKeys.list({ goalId: 'g-1' }),
  actionKeys.list({ assigneeId: 'u-1' }),
  dashboardKeys.summary(),
  [1, 2],
  [{ odd: true }],
];

describe('KeyBuckets', () => {
  it('narrows a prefix to its family, pair, third element or filter field', () => {
    const { keysOf } = setup(all);
    expect(keysOf(['goals'])).toHaveLength(4);
    expect(keysOf(goalKeys.details())).toEqual([goalKeys.detail('g-1'), goalKeys.detail('g-2')]);
    expect(keysOf(goalKeys.detail('g-2'))).toEqual([goalKeys.detail('g-2')]);
    expect(keysOf(actionKeys.list({ status: 'done' }))).toEqual([
      actionKeys.list({ status: 'done' }),
      actionKeys.list({ status: 'done', goalId: 'g-1' }),
    ]);
    // Two filter fields: the smaller of their buckets (a superset; partialMatchKey does the rest).
    expect(keysOf(actionKeys.list({ status: 'done', goalId: 'g-1' }))).toEqual([
      actionKeys.list({ status: 'done', goalId: 'g-1' }),
      actionKeys.list({ goalId: 'g-1' }),
    ]);
    expect(keysOf(actionKeys.list({}))).toHaveLength(4);
    expect(keysOf([1])).toEqual([[1, 2]]);
    expect(keysOf(['seeded-before'])).toEqual([['seeded-before']]);
    expect(keysOf(['nothing', 'here'])).toEqual([]);
  });

  it('is always a superset of what partialMatchKey matches', () => {
    const { client, keysOf } = setup(all);
    const queries = client.getQueryCache().getAll();
    const prefixes: QueryKey[] = [
      ...all,
      ['goals'],
      ['actions', 'list'],
      [{ odd: true }],
      ['goals', { x: 1 }],
      actionKeys.list({ status: 'blocked' }),
      ['actions', 'list', { nested: { a: 1 } }],
    ];
    for (const prefix of prefixes) {
      const expected = queries.filter((q) => partialMatchKey(q.queryKey, prefix)).map((q) => q.queryKey);
      expect(keysOf(prefix), JSON.stringify(prefix)).toEqual(expect.arrayContaining(expected));
    }
  });

  it('falls back to the whole cache only for keys that do not start with a string or number', () => {
    const { client, buckets } = setup(all);
    const getAll = vi.spyOn(client.getQueryCache(), 'getAll');
    buckets.candidates(actionKeys.list({ status: 'done' }));
    expect(getAll).not.toHaveBeenCalled();
    expect([...buckets.candidates([{ odd: true }])]).toHaveLength(all.length + 1);
    expect(getAll).toHaveBeenCalledTimes(1);
  });

  it('drops removed queries', () => {
    const { client, keysOf } = setup(all);
    client.removeQueries({ queryKey: goalKeys.detail('g-1'), exact: true });
    client.removeQueries({ queryKey: actionKeys.lists() });
    expect(keysOf(goalKeys.details())).toEqual([goalKeys.detail('g-2')]);
    expect(keysOf(actionKeys.list({ status: 'done' }))).toEqual([]);
    expect(keysOf(['actions'])).toEqual([]);
  });
});
