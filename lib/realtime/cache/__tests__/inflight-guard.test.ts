import { describe, expect, it } from 'vitest';
import type { QueryClient, QueryKey } from '@tanstack/query-core';
import { actionKeys, goalKeys } from '@/lib/api/keys';
import type { Action } from '@/lib/api/types';
import { createCacheBridge } from '../bridge';
import { InflightGuard } from '../inflight-guard';
import {
  action1,
  action2,
  event,
  held,
  manualSchedule,
  newClient,
  observe,
  settle,
  T0,
  T1,
  T2,
} from '../../__tests__/helpers/bridge-fixtures';

const list = (...items: Action[]) => ({ items });

/** Start a fetch of `key` whose response the test releases. */
function fetchHeld<T>(client: QueryClient, key: QueryKey) {
  const response = held<T>();
  const done = client.fetchQuery({ queryKey: key, queryFn: () => response.promise, staleTime: 0 });
  return {
    release: async (data: T) => {
      response.resolve(data);
      await done;
      await settle();
    },
  };
}

function bridgeFor(client: QueryClient) {
  const timers = manualSchedule();
  return { bridge: createCacheBridge(client, { schedule: timers.schedule }), timers };
}

describe('no lost update: a REST response in flight when an event arrives', () => {
  it('first fetch of a detail: the older response lands, the event is re-applied on top', async () => {
    const client = newClient();
    const { bridge } = bridgeFor(client);
    const fetch = fetchHeld<Action>(client, actionKeys.detail('a-1'));
    expect(bridge.receive(event('action.progress_updated'))).toMatchObject({ status: 'applied', patched: [] });
    await fetch.release(action1);
    expect(client.getQueryData(actionKeys.detail('a-1'))).toEqual({ ...action1, progress: 70, updatedAt: T1 });
    expect(bridge.stats.getSnapshot().reapplied).toBe(1);
  });

  it.each(['before', 'after'] as const)(
    'refetch of a detail: the window is written %s the older response lands, and the event survives it',
    async (order) => {
      const client = newClient();
      client.setQueryData(actionKeys.detail('a-1'), action1);
      const { bridge } = bridgeFor(client);
      const fetch = fetchHeld<Action>(client, actionKeys.detail('a-1'));
      bridge.receive(event('action.progress_updated'));
      if (order === 'before') {
        bridge.flush();
        expect(client.getQueryData(actionKeys.detail('a-1'))).toMatchObject({ progress: 70 });
      }
      await fetch.release(action1);
      expect(client.getQueryData(actionKeys.detail('a-1'))).toEqual({ ...action1, progress: 70, updatedAt: T1 });
      bridge.flush();
      expect(client.getQueryData(actionKeys.detail('a-1'))).toEqual({ ...action1, progress: 70, updatedAt: T1 });
    },
  );

  it('a response newer than the event wins', async () => {
    const client = newClient();
    const { bridge } = bridgeFor(client);
    const fetch = fetchHeld<Action>(client, actionKeys.detail('a-1'));
    bridge.receive(event('action.progress_updated'));
    const newer = { ...action1, progress: 90, updatedAt: T2 };
    await fetch.release(newer);
    expect(client.getQueryData(actionKeys.detail('a-1'))).toBe(newer);
    expect(bridge.stats.getSnapshot().reapplied).toBe(0);
  });

  it('first fetch of a list: the item is patched when the list lands', async () => {
    const client = newClient();
    const { bridge } = bridgeFor(client);
    const fetch = fetchHeld<{ items: Action[] }>(client, actionKeys.list({ goalId: 'g-1' }));
    bridge.receive(event('action.progress_updated'));
    await fetch.release(list(action1, action2));
    const items = client.getQueryData<{ items: Action[] }>(actionKeys.list({ goalId: 'g-1' }))!.items;
    expect(items[0]).toMatchObject({ id: 'a-1', progress: 70, updatedAt: T1 });
    expect(items[1]).toEqual(action2);
  });

  it.each(['before', 'after'] as const)(
    'refetch of a list that holds the entity: the window is written %s the older response lands, and the event survives it',
    async (order) => {
      const client = newClient();
      client.setQueryData(actionKeys.list({}), list(action1, action2));
      const { bridge } = bridgeFor(client);
      const fetch = fetchHeld<{ items: Action[] }>(client, actionKeys.list({}));
      bridge.receive(event('action.progress_updated'));
      if (order === 'before') {
        bridge.flush();
        expect(client.getQueryData<{ items: Action[] }>(actionKeys.list({}))!.items[0]).toMatchObject({ progress: 70 });
      }
      await fetch.release(list(action1, action2));
      expect(client.getQueryData<{ items: Action[] }>(actionKeys.list({}))!.items[0]).toMatchObject({
        progress: 70,
        updatedAt: T1,
      });
      expect(bridge.stats.getSnapshot().reapplied).toBe(1);
      bridge.flush();
      expect(
        client.getQueryData<{ items: Action[] }>(actionKeys.list({}))!.items.map((a) => [a.id, a.progress]),
      ).toEqual([
        ['a-1', 70],
        ['a-2', 40],
      ]);
    },
  );

  it('refetch of a list that did not hold the entity yet: the landed list gets the event too', async () => {
    const client = newClient();
    client.setQueryData(actionKeys.list({}), list(action2));
    const { bridge } = bridgeFor(client);
    const fetch = fetchHeld<{ items: Action[] }>(client, actionKeys.list({}));
    bridge.receive(event('action.progress_updated'));
    await fetch.release(list(action1, action2));
    expect(client.getQueryData<{ items: Action[] }>(actionKeys.list({}))!.items[0]).toMatchObject({ progress: 70 });
  });

  it("a created event during a list's first fetch is inserted into the landed list, once", async () => {
    const client = newClient();
    const { bridge } = bridgeFor(client);
    const older = fetchHeld<{ items: Action[] }>(client, actionKeys.list({}));
    bridge.receive(event('action.created'));
    await older.release(list(action1));
    expect(client.getQueryData<{ items: Action[] }>(actionKeys.list({}))!.items.map((a) => a.id)).toEqual([
      'a-1',
      'a-100',
    ]);
  });

  it("a status change during a filtered list's first fetch drops the entity from the landed list", async () => {
    const client = newClient();
    const { bridge } = bridgeFor(client);
    const fetch = fetchHeld<{ items: Action[] }>(client, actionKeys.list({ status: 'in_progress' }));
    bridge.receive(event('action.status_changed'));
    await fetch.release(list(action1));
    expect(client.getQueryData(actionKeys.list({ status: 'in_progress' }))).toEqual({ items: [] });
  });

  it('an invalidation that meets a first fetch refetches once that fetch lands', async () => {
    const client = newClient();
    const { bridge } = bridgeFor(client);
    let response = held<{ items: Action[] }>();
    const blocked = observe(client, actionKeys.list({ status: 'blocked' }), () => response.promise);
    bridge.receive(event('action.status_changed'));
    bridge.flush();
    expect(blocked.calls).toBe(1);
    const first = response;
    response = held();
    first.resolve(list(action2));
    await settle();
    expect(blocked.calls).toBe(2);
    response.resolve(list({ ...action1, status: 'blocked', updatedAt: T1 }, action2));
    await settle();
    expect(
      client.getQueryData<{ items: Action[] }>(actionKeys.list({ status: 'blocked' }))!.items.map((a) => a.id),
    ).toEqual(['a-1', 'a-2']);
    blocked.unsubscribe();
  });

  it('a failed fetch forgets the events held for it: a later response is not rewritten', async () => {
    const client = newClient();
    const { bridge } = bridgeFor(client);
    const failing = client.fetchQuery({
      queryKey: goalKeys.detail('g-1'),
      queryFn: () => Promise.reject(new Error('503')),
    });
    bridge.receive(event('goal.completed'));
    await expect(failing).rejects.toThrow('503');
    const later = fetchHeld<unknown>(client, goalKeys.detail('g-1'));
    await later.release({ id: 'g-1', status: 'active', updatedAt: T0 });
    expect(client.getQueryData(goalKeys.detail('g-1'))).toMatchObject({ status: 'active' });
    expect(bridge.stats.getSnapshot().reapplied).toBe(0);
  });
});

describe('InflightGuard', () => {
  it('past maxPerQuery held updates it refetches the query when its fetch lands instead', async () => {
    const client = newClient();
    const guard = new InflightGuard(2);
    const unsubscribe = client.getQueryCache().subscribe((e) => guard.handle(e));
    let calls = 0;
    const response = held<number>();
    const active = observe(client, ['n'], () => (++calls === 1 ? response.promise : 99));
    const query = client.getQueryCache().find({ queryKey: ['n'] })!;
    for (let i = 0; i < 3; i++) guard.defer(query, (n) => (n as number) + 1);
    response.resolve(1);
    await settle();
    expect(calls).toBe(2);
    expect(client.getQueryData(['n'])).toBe(99);
    active.unsubscribe();
    unsubscribe();
  });

  it('clear() forgets every held update and refetch', async () => {
    const client = newClient();
    const guard = new InflightGuard(5);
    const unsubscribe = client.getQueryCache().subscribe((e) => guard.handle(e));
    const first = fetchHeld<number>(client, ['a']);
    const second = fetchHeld<number>(client, ['b']);
    const cache = client.getQueryCache();
    guard.defer(cache.find({ queryKey: ['a'] })!, () => 100);
    guard.refetchWhenLanded(cache.find({ queryKey: ['b'] })!);
    guard.defer(cache.find({ queryKey: ['b'] })!, () => 200);
    guard.clear();
    await first.release(1);
    await second.release(2);
    expect([client.getQueryData(['a']), client.getQueryData(['b'])]).toEqual([1, 2]);
    expect(guard.reapplied).toBe(0);
    unsubscribe();
  });
});
