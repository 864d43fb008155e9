import { describe, expect, it } from 'vitest';
import type { Query, QueryKey } from '@tanstack/query-core';
import { actionKeys } from '@/lib/api/keys';
import { CacheIndex } from '../cache-index';
import { mergeEntity, type Merger } from '../list-updaters';
import { WriteBatch, type Op } from '../write-batch';
import { action1, action2, newClient, T0, T1, T2 } from '../../__tests__/helpers/bridge-fixtures';

function setup() {
  const client = newClient();
  client.setQueryData(actionKeys.detail('a-1'), action1);
  client.setQueryData(actionKeys.list({}), { items: [action1, action2] });
  client.setQueryData(actionKeys.list({ status: 'in_progress' }), { items: [action1] });
  const cache = client.getQueryCache();
  const index = new CacheIndex(cache, [actionKeys.lists()]);
  const writes = new WriteBatch(index);
  const written: string[] = [];
  cache.subscribe((event) => {
    index.handle(event);
    writes.handle(event);
    if (event.type === 'updated' && event.action.type === 'success') written.push(event.query.queryHash);
  });
  const query = (key: QueryKey) => cache.find({ queryKey: key, exact: true }) as Query;
  const holding = (id: string) => [...index.listsContaining(actionKeys.lists(), id)].map((q) => q.queryKey);
  return { client, writes, written, query, holding };
}

const merge = (changes: Record<string, unknown>, version: string): Merger => {
  const memo = new Map<unknown, unknown>();
  return {
    merge<T>(item: T): T {
      if (!memo.has(item)) memo.set(item, mergeEntity(item, changes, version));
      return memo.get(item) as T;
    },
  };
};
const entityOp = (id: string, changes: Record<string, unknown>, version: string): Op => ({
  kind: 'entity',
  id,
  changes,
  entity: merge(changes, version),
  depth: 2,
});

describe('WriteBatch', () => {
  it('writes each query once per commit, however many ops changed it, and answers for the pending value meanwhile', () => {
    const { client, writes, written, query } = setup();
    const list = query(actionKeys.list({}));
    for (let i = 1; i <= 5; i++) {
      const version = new Date(Date.parse(T1) + i * 1_000).toISOString();
      expect(writes.apply(list, entityOp('a-1', { progress: i * 10 }, version), true)).toBe(true);
    }
    expect(writes.apply(list, entityOp('a-1', { progress: 10 }, T1), true)).toBe(false);
    expect(writes.apply(list, { kind: 'insert', item: { ...action2 }, sortBy: undefined }, true)).toBe(false);
    expect(client.getQueryData(actionKeys.list({}))).toEqual({ items: [action1, action2] });
    expect(writes.size).toBe(1);
    writes.commit();
    expect(written).toEqual([list.queryHash]);
    const items = (client.getQueryData(actionKeys.list({})) as { items: unknown[] }).items;
    expect(items[0]).toMatchObject({ id: 'a-1', progress: 50 });
    expect(items[1]).toBe(action2);
    expect(writes.size).toBe(0);
  });

  it('a dry run answers as the real one would, over pending changes too, and changes nothing', () => {
    const { client, writes, query, holding } = setup();
    const filtered = query(actionKeys.list({ status: 'in_progress' }));
    const done = entityOp('a-1', { status: 'done' }, T1);
    expect(writes.apply(filtered, done, false)).toBe(true);
    expect([writes.size, holding('a-1')]).toEqual([
      0,
      [actionKeys.list({}), actionKeys.list({ status: 'in_progress' })],
    ]);
    expect(writes.apply(filtered, done, true)).toBe(true);
    expect(holding('a-1')).toEqual([actionKeys.list({})]);
    expect(writes.apply(filtered, entityOp('a-1', { status: 'done' }, T1), false)).toBe(false);
    expect(writes.apply(filtered, { kind: 'insert', item: { ...action2 }, sortBy: undefined }, false)).toBe(true);
    expect(writes.size).toBe(1);
    expect(client.getQueryData(actionKeys.list({ status: 'in_progress' }))).toEqual({ items: [action1] });
    writes.commit();
    expect(client.getQueryData(actionKeys.list({ status: 'in_progress' }))).toEqual({ items: [] });
    expect(holding('a-1')).toEqual([actionKeys.list({})]);
  });

  it('data written from elsewhere before the commit gets the pending ops on top at once (an older response), or wins (a newer one)', () => {
    const { client, writes, query } = setup();
    const detail = query(actionKeys.detail('a-1'));
    const op: Op = { kind: 'merge', entity: merge({ progress: 70 }, T1) };
    writes.apply(detail, op, true);
    client.setQueryData(actionKeys.detail('a-1'), { ...action1, title: 'older response', updatedAt: T0 });
    expect(client.getQueryData(actionKeys.detail('a-1'))).toMatchObject({
      title: 'older response',
      progress: 70,
      updatedAt: T1,
    });
    expect(writes.size).toBe(0);

    writes.apply(detail, { kind: 'merge', entity: merge({ progress: 80 }, T2) }, true);
    const newer = { ...action1, progress: 99, updatedAt: '2026-11-27T11:00:00.000Z' };
    client.setQueryData(actionKeys.detail('a-1'), newer);
    writes.commit();
    expect(client.getQueryData(actionKeys.detail('a-1'))).toEqual(newer);
  });

  it('a list that gets a pure updater after item changes is written once with both', () => {
    const { client, writes, query, holding } = setup();
    const list = query(actionKeys.list({}));
    writes.apply(list, entityOp('a-2', { progress: 5 }, T1), true);
    writes.apply(list, { kind: 'insert', item: { ...action1, id: 'a-9' }, sortBy: undefined }, true);
    const total: Op = { kind: 'update', update: (cached) => ({ ...(cached as object), total: 3 }) };
    expect(writes.apply(list, total, false)).toBe(true);
    expect(writes.apply(list, total, true)).toBe(true);
    writes.apply(list, entityOp('a-9', { progress: 1 }, T1), true);
    writes.apply(list, { kind: 'insert', item: { ...action1, id: 'a-10' }, sortBy: undefined }, true);
    writes.apply(list, entityOp('a-1', { status: 'done' }, T1), true);
    writes.commit();
    expect(client.getQueryData(actionKeys.list({}))).toEqual({
      items: [
        { ...action1, status: 'done', updatedAt: T1 },
        { ...action2, progress: 5, updatedAt: T1 },
        { ...action1, id: 'a-9', progress: 1, updatedAt: T1 },
        { ...action1, id: 'a-10' },
      ],
      total: 3,
    });
    expect(holding('a-10')).toEqual([actionKeys.list({})]);
  });

  it('forgets the pending write of a query that is removed from the cache', () => {
    const { client, writes, query } = setup();
    writes.apply(query(actionKeys.detail('a-1')), { kind: 'merge', entity: merge({ progress: 1 }, T1) }, true);
    client.removeQueries({ queryKey: actionKeys.detail('a-1') });
    expect(writes.size).toBe(0);
    writes.commit();
    expect(client.getQueryData(actionKeys.detail('a-1'))).toBeUndefined();
  });

  it('data changed under a draft it was not told about (no handle): a dry run replays, a real op writes the draft first', () => {
    const client = newClient();
    client.setQueryData(['feed'], { items: [{ id: 'f-1', at: T0 }] });
    const cache = client.getQueryCache();
    const writes = new WriteBatch(new CacheIndex(cache, []));
    const feed = cache.find({ queryKey: ['feed'] }) as Query;
    const sorted = (id: string, at: string): Op => ({
      kind: 'insert',
      item: { id, at },
      sortBy: { field: 'at', order: 'desc' },
    });
    const total: Op = { kind: 'update', update: (cached) => ({ ...(cached as object), seen: true }) };
    writes.apply(feed, total, true);
    writes.apply(feed, sorted('f-3', T2), true);
    client.setQueryData(['feed'], {
      items: [
        { id: 'f-2', at: T1 },
        { id: 'f-1', at: T0 },
      ],
    });
    expect(writes.apply(feed, sorted('f-3', T2), false)).toBe(false);
    expect(writes.apply(feed, sorted('f-0', T0), false)).toBe(true);
    expect(writes.apply(feed, sorted('f-4', T2), true)).toBe(true);
    expect(client.getQueryData(['feed'])).toEqual({
      items: [
        { id: 'f-3', at: T2 },
        { id: 'f-2', at: T1 },
        { id: 'f-1', at: T0 },
      ],
      seen: true,
    });
    writes.commit();
    expect((client.getQueryData(['feed']) as { items: { id: string }[] }).items.map((i) => i.id)).toEqual([
      'f-4',
      'f-3',
      'f-2',
      'f-1',
    ]);
  });
});
