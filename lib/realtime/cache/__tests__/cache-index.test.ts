import { describe, expect, it } from 'vitest';
import type { QueryKey } from '@tanstack/query-core';
import { actionKeys, goalKeys } from '@/lib/api/keys';
import { CacheIndex } from '../cache-index';
import { held, newClient } from '../../__tests__/helpers/bridge-fixtures';

const item = (id: string) => ({ id, title: id });

function setup() {
  const client = newClient();
  client.setQueryData(actionKeys.list({}), { items: [item('a-1')] });
  const index = new CacheIndex(client.getQueryCache(), [actionKeys.lists(), goalKeys.lists()]);
  client.getQueryCache().subscribe((event) => index.handle(event));
  const holding = (id: string, prefix: QueryKey = actionKeys.lists()) =>
    [...index.listsContaining(prefix, id)].map((q) => q.queryKey);
  const query = (key: QueryKey) => client.getQueryCache().find({ queryKey: key, exact: true })!;
  return { client, index, holding, query };
}

describe('CacheIndex', () => {
  it('knows which cached lists hold an entity, including lists cached before it was created', () => {
    const { client, holding } = setup();
    client.setQueryData(actionKeys.list({ goalId: 'g-1' }), { items: [item('a-1'), item('a-2')] });
    client.setQueryData(actionKeys.detail('a-1'), item('a-1'));
    client.setQueryData(goalKeys.list({}), { items: [item('a-1')] });
    expect(holding('a-1')).toEqual([actionKeys.list({}), actionKeys.list({ goalId: 'g-1' })]);
    expect(holding('a-2')).toEqual([actionKeys.list({ goalId: 'g-1' })]);
    expect(holding('a-1', goalKeys.lists())).toEqual([goalKeys.list({})]);
    expect(holding('a-9')).toEqual([]);
  });

  it('re-indexes a list whose data changed from outside, by difference', () => {
    const { client, holding } = setup();
    client.setQueryData(actionKeys.list({}), { items: [item('a-2'), item('a-3'), { id: 7 }, null] });
    expect(holding('a-1')).toEqual([]);
    expect(holding('a-3')).toEqual([actionKeys.list({})]);
    client.setQueryData(actionKeys.list({}), 'not a list');
    expect(holding('a-3')).toEqual([]);
  });

  it('drops removed lists', () => {
    const { client, holding } = setup();
    client.removeQueries({ queryKey: actionKeys.lists() });
    expect(holding('a-1')).toEqual([]);
  });

  it('noteWrite updates in place for one insertion, one removal or same-id replacements', () => {
    const { client, index, holding, query } = setup();
    holding('a-1');
    const write = (items: unknown[]) => {
      const q = query(actionKeys.list({}));
      const previous = q.state.data;
      q.setData({ items }, { manual: true });
      index.noteWrite(q, previous);
    };
    const a1 = (client.getQueryData(actionKeys.list({})) as { items: unknown[] }).items[0];
    write([a1, item('a-2')]);
    expect(holding('a-2')).toEqual([actionKeys.list({})]);
    write([item('a-0'), a1, item('a-2')]);
    expect(holding('a-0')).toEqual([actionKeys.list({})]);
    write([{ ...item('a-0'), title: 'renamed' }, a1, item('a-2')]);
    expect(holding('a-0')).toEqual([actionKeys.list({})]);
    const now = (client.getQueryData(actionKeys.list({})) as { items: unknown[] }).items;
    write([now[0], now[2]]);
    expect(holding('a-1')).toEqual([]);
    expect(holding('a-2')).toEqual([actionKeys.list({})]);
  });

  it('noteWrite falls back to a re-index for anything else', () => {
    const { index, holding, query } = setup();
    holding('a-1');
    const cases: unknown[][] = [
      [item('b-1')],
      [item('a-1'), item('b-1'), item('b-2')],
      [item('a-1'), item('a-1')],
      [item('a-1'), { title: 'no id' }],
    ];
    for (const items of cases) {
      const q = query(actionKeys.list({}));
      const previous = q.state.data;
      q.setData({ items }, { manual: true });
      index.noteWrite(q, previous);
    }
    expect(holding('b-1')).toEqual([]);
    expect(holding('a-1')).toEqual([actionKeys.list({})]);
    index.noteWrite(query(actionKeys.list({})), 'stale previous');
  });

  it('lists the lists with a fetch in flight under a prefix', async () => {
    const { client, index } = setup();
    const response = held<{ items: never[] }>();
    const done = client.fetchQuery({ queryKey: actionKeys.list({ status: 'done' }), queryFn: () => response.promise });
    expect([...index.fetchingUnder(actionKeys.lists())].map((q) => q.queryKey)).toEqual([
      actionKeys.list({ status: 'done' }),
    ]);
    expect([...index.fetchingUnder(goalKeys.lists())]).toEqual([]);
    response.resolve({ items: [] });
    await done;
    expect([...index.fetchingUnder(actionKeys.lists())]).toEqual([]);
  });
});
