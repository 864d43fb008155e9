import { afterEach, describe, expect, it } from 'vitest';
import type { QueryClient } from '@tanstack/query-core';
import { actionKeys, dashboardKeys, goalKeys } from '@/lib/api/keys';
import type { Action, ListResponse } from '@/lib/api/types';
import { CACHE_DEFAULTS, seedCache, type SeededCache } from '../cache';
import { createBenchClient, FetchCounter } from '../client';
import { settle } from '../windows';
import { createWorld } from '../world';

const world = createWorld();
let client: QueryClient | undefined;
let seeded: SeededCache | undefined;

afterEach(() => {
  seeded?.unmount();
  client?.clear();
});

function seed(queries: number, active = CACHE_DEFAULTS.active) {
  const counter = new FetchCounter();
  client = createBenchClient(counter);
  seeded = seedCache(client, world, { queries, active });
  return { counter, client, seeded };
}

describe('seedCache', () => {
  it.each([500, 900, 5_000])('holds exactly Q = %i queries, hot ones first, the rest cold', (q) => {
    const { seeded } = seed(q);
    expect(seeded.queries).toBe(q);
    expect(seeded.core).toBe(Math.min(q, CACHE_DEFAULTS.core));
  });

  it('stores lists as { items } of camelCase entities under the real key factories', () => {
    const { client } = seed(1_000);
    const actions = client.getQueryData<ListResponse<Action>>(actionKeys.list());
    expect(actions?.items).toHaveLength(world.actions.length);
    expect(actions?.items[0]).toMatchObject({ id: 'a-1', goalId: 'g-1', updatedAt: '2026-01-01T00:00:00.000Z' });
    const done = client.getQueryData<ListResponse<Action>>(actionKeys.list({ status: 'done' }));
    expect(done?.items.every((a) => a.status === 'done')).toBe(true);
    expect(client.getQueryData(goalKeys.detail('g-1'))).toMatchObject({ id: 'g-1', ownerId: expect.any(String) });
  });

  it('subscribes A observers, screen lists first, without fetching anything on mount', async () => {
    const { client, seeded, counter } = seed(2_000, 50);
    await settle();
    expect(seeded.activeKeys).toHaveLength(50);
    expect(seeded.activeKeys.slice(0, 2)).toEqual([goalKeys.list(), actionKeys.list()]);
    const active = client.getQueryCache().findAll({ type: 'active' });
    expect(active).toHaveLength(50);
    expect(client.getQueryCache().find({ queryKey: dashboardKeys.summary(), exact: true })?.isActive()).toBe(true);
    expect(counter.calls).toBe(0);
  });

  it('counts a refetch per query-function call and answers with the cached data', async () => {
    const { client, counter } = seed(1_000, 10);
    await client.invalidateQueries({ queryKey: goalKeys.all });
    const activeGoalQueries = client.getQueryCache().findAll({ queryKey: goalKeys.all, type: 'active' }).length;
    expect(activeGoalQueries).toBeGreaterThan(0);
    expect(counter.calls).toBe(activeGoalQueries);
    expect(counter.maxPerKey()).toBe(1);
    expect(client.getQueryData<ListResponse<unknown>>(goalKeys.list())?.items).toHaveLength(world.goals.length);
  });

  it('caps active observers at the hot queries: cold ones are never on screen', () => {
    const { seeded } = seed(300, 1_000);
    expect(seeded.activeKeys).toHaveLength(300);
  });
});
