import { afterEach, describe, expect, it } from 'vitest';
import type { QueryClient } from '@tanstack/query-core';
import { actionKeys, dashboardKeys, goalKeys } from '@/lib/api/keys';
import { decodeFrame, type DomainEvent } from '@/lib/protocol';
import { burstFrames, burstPool, minimumRefetches } from '../burst';
import { seedCache, type SeededCache } from '../cache';
import { createBenchClient, FetchCounter } from '../client';
import { createWorld, worldSize } from '../world';

const world = createWorld();
let client: QueryClient | undefined;
let seeded: SeededCache | undefined;

afterEach(() => {
  seeded?.unmount();
  client?.clear();
});

describe('burstPool', () => {
  it('picks 20 distinct hot entities across kinds, the same ones for a seed', () => {
    const pool = burstPool(world);
    expect(worldSize(pool)).toBe(20);
    expect(pool.goals.length).toBeGreaterThan(0);
    expect(pool.measures.length).toBeGreaterThan(0);
    expect(pool.issues.length).toBeGreaterThan(0);
    expect(burstPool(world)).toEqual(pool);
  });
});

describe('minimumRefetches', () => {
  it('counts distinct active queries matched by the invalidations, each once, inactive ones never', () => {
    const counter = new FetchCounter();
    client = createBenchClient(counter);
    seeded = seedCache(client, world, { queries: 1_000, active: 30 });
    const frames = burstFrames(world, { events: 200 });
    const invalidate = (e: DomainEvent) =>
      e.type === 'action.progress_updated'
        ? [{ queryKey: dashboardKeys.all }, { queryKey: goalKeys.detail(e.data.goalId), exact: true }]
        : [{ queryKey: dashboardKeys.all }];
    const activeGoalDetails = new Set(
      frames
        .map((f) => decodeFrame(f))
        .flatMap((p) => (p.ok && p.frame.type === 'action.progress_updated' ? [p.frame.data.goalId] : []))
        .filter((id) =>
          client!
            .getQueryCache()
            .find({ queryKey: goalKeys.detail(id), exact: true })
            ?.isActive(),
        ),
    );
    expect(minimumRefetches(client, frames, invalidate)).toBe(1 + activeGoalDetails.size);
    // A prefix over every action query counts only the active ones.
    const activeActions = client.getQueryCache().findAll({ queryKey: actionKeys.all, type: 'active' }).length;
    expect(minimumRefetches(client, frames, () => [{ queryKey: actionKeys.all }])).toBe(activeActions);
    expect(activeActions).toBeLessThan(client.getQueryCache().findAll({ queryKey: actionKeys.all }).length);
  });
});
