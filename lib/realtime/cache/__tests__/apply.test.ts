import { describe, expect, it, vi } from 'vitest';
import { QueryObserver } from '@tanstack/query-core';
import type { DomainEvent } from '@/lib/protocol';
import { actionKeys, dashboardKeys, decisionKeys, goalKeys } from '@/lib/api/keys';
import { applyPlan } from '../plan';
import { createCacheBridge } from '../bridge';
import { ENTITIES, type EntityInfo, type EntityKind } from '../entities';
import { planEvent, type CacheContext } from '../plan';
import { CacheIndex } from '../cache-index';
import { EntityVersions } from '../memory';
import { eventMap, type Rule } from '../event-map';
import { InflightGuard } from '../inflight-guard';
import { WriteBatch } from '../write-batch';
import {
  action1,
  action2,
  diff,
  event,
  goal1,
  hashes,
  manualSchedule,
  newClient,
  seed,
  snapshot,
  T1,
  T2,
  T_OLD,
} from '../../__tests__/helpers/bridge-fixtures';

/** Plan and apply one rule for one event (in record mode), without the note: what the bridge queues. */
function applyRule(
  rule: Rule,
  evt: DomainEvent,
  ctx: CacheContext,
  entities: Record<EntityKind, EntityInfo> = ENTITIES,
) {
  const { note: _note, ...result } = applyPlan(planEvent(evt, ctx, rule, entities), ctx);
  return result;
}

const at = <T extends object>(entity: T, updatedAt: string) => ({ ...entity, updatedAt });

function setup(
  entries = [
    [actionKeys.detail('a-1'), action1],
    [actionKeys.list({}), { items: [action1, action2] }],
    [actionKeys.list({ status: 'in_progress' }), { items: [action1] }],
    [goalKeys.detail('g-1'), goal1],
    [dashboardKeys.summary(), { activeGoals: 1 }],
  ] as [readonly unknown[], unknown][],
) {
  const client = newClient();
  seed(client, entries);
  // Patches written as each event is applied, so each test reads the cache right after an event.
  const bridge = createCacheBridge(client, { schedule: manualSchedule().schedule, patchWindowMs: 0 });
  return { client, bridge, get: (key: readonly unknown[]) => client.getQueryData(key) };
}

describe('applyRule', () => {
  it('returns patched keys and the invalidations to queue, without running them', () => {
    const client = newClient();
    seed(client, [[actionKeys.detail('a-1'), action1]]);
    const cache = client.getQueryCache();
    const index = new CacheIndex(cache, [actionKeys.lists()]);
    const ctx: CacheContext = {
      queryCache: cache,
      index,
      guard: new InflightGuard(10),
      versions: new EntityVersions(10),
      writes: new WriteBatch(index),
    };
    const result = applyRule(eventMap['action.progress_updated'] as Rule, event('action.progress_updated'), ctx);
    expect(result).toEqual({
      status: 'applied',
      entity: 'action:a-1',
      patched: [actionKeys.detail('a-1')],
      invalidations: [
        { key: goalKeys.detail('g-1'), exact: true },
        { key: goalKeys.lists(), exact: false },
        { key: dashboardKeys.all, exact: false },
      ],
    });
    expect(cache.find({ queryKey: goalKeys.detail('g-1') })).toBeUndefined();
  });
});

describe('applyRule: edge cases of the table', () => {
  it('skips keys a rule resolves to null and patches lists keyed without a filters object', () => {
    const client = newClient();
    client.setQueryData(['things', 'list'], { items: [{ id: 'a-1', n: 1, updatedAt: T_OLD }] });
    const cache = client.getQueryCache();
    const index = new CacheIndex(cache, [['things', 'list']]);
    const ctx: CacheContext = {
      queryCache: cache,
      index,
      guard: new InflightGuard(10),
      versions: new EntityVersions(10),
      writes: new WriteBatch(index),
    };
    const rule: Rule = {
      note: 'test rule',
      entity: {
        kind: 'action',
        id: () => 'a-1',
        version: () => T1,
        changes: () => ({ n: 2 }),
      },
      patch: [{ key: () => null, update: () => 'never' }],
      invalidate: [{ key: () => null }],
    };
    const things = {
      ...ENTITIES,
      action: { ...ENTITIES.action, detail: (id: string) => ['things', id], lists: ['things', 'list'] },
    };
    expect(applyRule(rule, event('action.progress_updated'), ctx, things)).toEqual({
      status: 'applied',
      entity: 'action:a-1',
      patched: [['things', 'list']],
      invalidations: [],
    });
    expect(client.getQueryData(['things', 'list'])).toEqual({ items: [{ id: 'a-1', n: 1, updatedAt: T_OLD }] });
    ctx.writes.commit();
    expect(client.getQueryData(['things', 'list'])).toEqual({ items: [{ id: 'a-1', n: 2, updatedAt: T1 }] });
  });

  it('an insert-only event already in every cached list is stale', () => {
    const { bridge } = setup([[decisionKeys.list(), { items: [] }]]);
    expect(bridge.receive(event('decision.created')).status).toBe('applied');
    expect(bridge.receive(event('decision.created'))).toMatchObject({
      status: 'ignored',
      reason: 'stale',
      detail: 'Already in every cached list it belongs to.',
    });
  });

  it('an action reassigned to nobody invalidates no assignee list', () => {
    const { bridge } = setup();
    const outcome = bridge.receive(event('action.reassigned', { assignee_id: null }));
    expect(outcome).toMatchObject({
      status: 'applied',
      invalidated: [goalKeys.detail('g-1'), goalKeys.lists(), dashboardKeys.all],
    });
  });
});

describe('apply: versions', () => {
  it('a stale event (cached copies newer) changes nothing, not even its invalidations', () => {
    const { client, bridge } = setup([
      [actionKeys.detail('a-1'), at(action1, T2)],
      [actionKeys.list({}), { items: [at(action1, T2)] }],
      [goalKeys.detail('g-1'), goal1],
    ]);
    const before = snapshot(client);
    const outcome = bridge.receive(event('action.progress_updated'));
    bridge.flush();
    expect(outcome).toMatchObject({ status: 'ignored', reason: 'stale' });
    expect(outcome.status === 'ignored' && outcome.detail).toContain('action:a-1');
    expect(diff(before, client)).toEqual({ changed: [], invalidated: [] });
    expect(bridge.stats.getSnapshot()).toMatchObject({ received: 1, stale: 1, applied: 0 });
  });

  it('the same event twice without an id: the second is a no-op (equal version = already applied)', () => {
    const { client, bridge } = setup();
    expect(bridge.receive(event('action.progress_updated')).status).toBe('applied');
    bridge.flush();
    const before = snapshot(client);
    expect(bridge.receive(event('action.progress_updated'))).toMatchObject({ status: 'ignored', reason: 'stale' });
    bridge.flush();
    expect(diff(before, client)).toEqual({ changed: [], invalidated: [] });
  });

  it('two events about one server write (same updatedAt) combine: status_changed then completed', () => {
    const { bridge, get } = setup();
    bridge.receive(event('action.status_changed', { status: 'done' }));
    expect(bridge.receive(event('action.completed')).status).toBe('applied');
    expect(get(actionKeys.detail('a-1'))).toMatchObject({ status: 'done', progress: 100, updatedAt: T1 });
  });

  it('out-of-order pair on the same field ends in the newer state', () => {
    const { bridge, get } = setup();
    bridge.receive(event('action.progress_updated', { progress: 80, updated_at: T2 }));
    const late = bridge.receive(event('action.progress_updated', { progress: 70, updated_at: T1 }));
    expect(late).toMatchObject({ status: 'ignored', reason: 'stale' });
    expect(get(actionKeys.detail('a-1'))).toMatchObject({ progress: 80, updatedAt: T2 });
    expect((get(actionKeys.list({})) as { items: unknown[] }).items[0]).toMatchObject({ progress: 80, updatedAt: T2 });
  });

  it('out-of-order pair on different fields: the copies patched by the newer event are refetched', () => {
    const { client, bridge, get } = setup();
    bridge.receive(event('action.priority_changed', { updated_at: T2 }));
    bridge.flush();
    const before = snapshot(client);
    const late = bridge.receive(event('action.progress_updated', { progress: 70, updated_at: T1 }));
    expect(late).toMatchObject({ status: 'applied', patched: [] });
    bridge.flush();
    expect(get(actionKeys.detail('a-1'))).toMatchObject({ priority: 'critical', progress: 40, updatedAt: T2 });
    expect(diff(before, client).invalidated).toEqual(
      hashes(actionKeys.detail('a-1'), actionKeys.list({}), actionKeys.list({ status: 'in_progress' })),
    );
  });

  it('an event older than one copy and newer than another patches only the older copy', () => {
    const { bridge, get } = setup([
      [actionKeys.detail('a-1'), at(action1, T_OLD)],
      [actionKeys.list({}), { items: [at(action1, T2)] }],
    ]);
    const outcome = bridge.receive(event('action.progress_updated'));
    expect(outcome).toMatchObject({ status: 'applied', patched: [actionKeys.detail('a-1')] });
    expect((get(actionKeys.list({})) as { items: unknown[] }).items[0]).toMatchObject({ progress: 40, updatedAt: T2 });
  });

  it('a created event that arrives after a change to the same entity inserts, then refetches where it lives', () => {
    const { client, bridge } = setup([[actionKeys.list({}), { items: [action2] }]]);
    bridge.receive(event('action.progress_updated', { action_id: 'a-100', updated_at: T2 }));
    const created = bridge.receive(event('action.created'));
    expect(created.status === 'applied' && created.invalidated).toContainEqual(actionKeys.list({}));
    bridge.flush();
    expect(client.getQueryState(actionKeys.list({}))?.isInvalidated).toBe(true);
  });
});

describe('apply: how a patch is written', () => {
  it('keeps the REST timestamp and an earlier invalidation (a patch is not a fresh read)', async () => {
    const { client, bridge } = setup();
    vi.useFakeTimers({ now: new Date('2026-11-27T12:00:00Z') });
    try {
      const restTime = client.getQueryState(actionKeys.detail('a-1'))!.dataUpdatedAt;
      void client.invalidateQueries({ queryKey: actionKeys.detail('a-1'), refetchType: 'none' });
      bridge.receive(event('action.progress_updated'));
      const state = client.getQueryState(actionKeys.detail('a-1'))!;
      expect(state.data).toMatchObject({ progress: 70 });
      expect(state.isInvalidated).toBe(true);
      expect(state.dataUpdatedAt).toBe(restTime);
    } finally {
      vi.useRealTimers();
    }
  });

  it('copies that held one object hold one patched object afterwards (no duplicate entity per list)', () => {
    const { get, bridge } = setup();
    bridge.receive(event('action.progress_updated'));
    const detail = get(actionKeys.detail('a-1'));
    expect((get(actionKeys.list({})) as { items: unknown[] }).items[0]).toBe(detail);
    expect((get(actionKeys.list({ status: 'in_progress' })) as { items: unknown[] }).items[0]).toBe(detail);
  });

  it('leaves cached values of an unexpected shape alone', () => {
    const { client, bridge } = setup([
      [actionKeys.detail('a-1'), 'not an entity'],
      [actionKeys.list({}), [action1]],
      [actionKeys.list({ goalId: 'g-1' }), { items: [null, 7, action1] }],
    ]);
    const before = snapshot(client);
    bridge.receive(event('action.progress_updated'));
    const { changed } = diff(before, client);
    expect(changed).toEqual(hashes(actionKeys.list({ goalId: 'g-1' })));
    expect(client.getQueryData(actionKeys.detail('a-1'))).toBe('not an entity');
    expect((client.getQueryData(actionKeys.list({ goalId: 'g-1' })) as { items: unknown[] }).items.slice(0, 2)).toEqual(
      [null, 7],
    );
  });

  it('never scans the cache, per event or per flush: lookups go through the index and the hash map', () => {
    const client = newClient();
    for (let i = 0; i < 2_000; i++) client.setQueryData(actionKeys.detail(`x-${i}`), { ...action1, id: `x-${i}` });
    seed(client, [
      [actionKeys.list({}), { items: [action1] }],
      [goalKeys.detail('g-1'), goal1],
      [dashboardKeys.summary(), {}],
    ]);
    const bridge = createCacheBridge(client, { schedule: manualSchedule().schedule });
    const cache = client.getQueryCache();
    const getAll = vi.spyOn(cache, 'getAll');
    const findAll = vi.spyOn(cache, 'findAll');
    for (let i = 0; i < 200; i++) {
      bridge.receive(
        event('action.progress_updated', {
          progress: i % 100,
          updated_at: new Date(Date.parse(T1) + i * 1000).toISOString(),
        }),
      );
    }
    bridge.flush();
    expect(getAll).not.toHaveBeenCalled();
    expect(findAll).not.toHaveBeenCalled();
    expect(client.getQueryState(goalKeys.detail('g-1'))?.isInvalidated).toBe(true);
    expect(client.getQueryState(dashboardKeys.summary())?.isInvalidated).toBe(true);
    expect(client.getQueryState(actionKeys.detail('x-1'))?.isInvalidated).toBe(false);
  });

  it("writes all of one event's patches in one notify batch: an observer sees one consistent update", async () => {
    const { client, bridge } = setup();
    const seen: unknown[] = [];
    const observer = new QueryObserver(client, { queryKey: actionKeys.detail('a-1'), enabled: false });
    const unsubscribe = observer.subscribe((result) => seen.push(result.data));
    bridge.receive(event('action.progress_updated'));
    await new Promise((r) => setTimeout(r, 0));
    unsubscribe();
    expect(seen).toEqual([expect.objectContaining({ progress: 70, updatedAt: T1 })]);
  });
});
