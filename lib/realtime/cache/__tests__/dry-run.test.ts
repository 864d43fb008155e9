import { describe, expect, it } from 'vitest';
import { actionKeys, dashboardKeys, goalKeys } from '@/lib/api/keys';
import type { Action } from '@/lib/api/types';
import { createCacheBridge, type DryRun } from '..';
import {
  action1,
  actionThatThrows,
  diff,
  event,
  manualSchedule,
  newClient,
  observe,
  seed,
  settle,
  snapshot,
  T2,
} from '../../__tests__/helpers/bridge-fixtures';

async function setup() {
  const client = newClient();
  seed(client);
  // Active: the screens on show. Everything else seeded is cached but inactive.
  const blocked = observe(client, actionKeys.list({ status: 'blocked' }), () =>
    client.getQueryData(actionKeys.list({ status: 'blocked' })),
  );
  const goal = observe(client, goalKeys.detail('g-1'), () => client.getQueryData(goalKeys.detail('g-1')));
  await settle();
  const timers = manualSchedule();
  const bridge = createCacheBridge(client, { schedule: timers.schedule });
  return { client, bridge, timers, stop: () => [blocked, goal].forEach((h) => h.unsubscribe()) };
}

describe('CacheBridge.plan: what an event would do, changing nothing', () => {
  it('lists the cached keys it would patch and the cached queries its invalidations match, with whether each is active', async () => {
    const { client, bridge, timers, stop } = await setup();
    const before = snapshot(client);
    const stats = bridge.stats.getSnapshot();
    const plan = bridge.dryRun(event('action.status_changed', {}, { id: 'acme-9' }));
    expect(plan).toEqual({
      status: 'would-apply',
      patched: [
        actionKeys.detail('a-1'),
        actionKeys.list({}),
        actionKeys.list({ goalId: 'g-1' }),
        actionKeys.list({ status: 'in_progress' }),
        actionKeys.list({ assigneeId: 'u-2' }),
        actionKeys.list({ goalId: 'g-1', status: 'in_progress' }),
      ],
      invalidated: [
        { queryKey: actionKeys.list({ status: 'blocked' }), active: true },
        { queryKey: goalKeys.detail('g-1'), active: true },
        { queryKey: goalKeys.list({}), active: false },
        { queryKey: goalKeys.list({ status: 'active' }), active: false },
        { queryKey: goalKeys.list({ status: 'draft' }), active: false },
        { queryKey: goalKeys.list({ status: 'completed' }), active: false },
        { queryKey: dashboardKeys.summary(), active: false },
      ],
      notes: expect.stringContaining('Status is on the event'),
    } satisfies DryRun);

    // Nothing changed: cache, counters, log, timers, dedupe memory, ordering state.
    expect(diff(before, client)).toEqual({ changed: [], invalidated: [] });
    expect(bridge.stats.getSnapshot()).toBe(stats);
    expect(bridge.log.getSnapshot()).toEqual([]);
    expect(timers.pending).toBe(0);
    const applied = bridge.receive(event('action.status_changed', {}, { id: 'acme-9' }));
    expect(applied).toMatchObject({ status: 'applied', patched: plan.status === 'would-apply' ? plan.patched : [] });
    stop();
  });

  it('answers for the cache as pending patches will leave it: an event applied in this window makes its twin stale', async () => {
    const { client, bridge, stop } = await setup();
    bridge.receive(event('action.progress_updated'));
    expect(client.getQueryData<Action>(actionKeys.detail('a-1'))?.progress).toBe(action1.progress);
    expect(bridge.dryRun(event('action.progress_updated'))).toEqual({
      status: 'would-ignore',
      reason: 'stale',
      detail: expect.stringContaining('action:a-1'),
    });
    expect(bridge.dryRun(event('action.progress_updated', { progress: 90, updated_at: T2 }))).toMatchObject({
      status: 'would-apply',
    });
    stop();
  });

  it('says duplicate for an id the bridge applied, and stale for an event older than every cached copy', async () => {
    const { bridge, stop } = await setup();
    bridge.receive(event('goal.completed', {}, { id: 'acme-1' }));
    expect(bridge.dryRun(event('goal.completed', {}, { id: 'acme-1' }))).toEqual({
      status: 'would-ignore',
      reason: 'duplicate',
      detail: 'Event id acme-1 was already applied.',
    });
    const old = bridge.dryRun(event('action.priority_changed', { updated_at: '2020-01-01T00:00:00.000Z' }));
    expect(old).toMatchObject({ status: 'would-ignore', reason: 'stale' });
    stop();
  });

  it('for a rule that would fail, shows the fallback (the family refetched) and why, in the notes', () => {
    const client = newClient();
    client.setQueryData(actionKeys.detail('a-1'), actionThatThrows(new Error('boom')));
    client.setQueryData(dashboardKeys.summary(), {});
    const bridge = createCacheBridge(client, { schedule: manualSchedule().schedule });
    const plan = bridge.dryRun(event('action.progress_updated'));
    expect(plan).toMatchObject({
      status: 'would-apply',
      patched: [],
      invalidated: [
        { queryKey: actionKeys.detail('a-1'), active: false },
        { queryKey: dashboardKeys.summary(), active: false },
      ],
      notes: expect.stringMatching(/Progress is on the event.*failed \(boom\); its family is refetched instead/),
    });
    expect(bridge.stats.getSnapshot().errors).toBe(0);
  });

  it('a disposed bridge would ignore everything', () => {
    const bridge = createCacheBridge(newClient(), { schedule: manualSchedule().schedule });
    bridge.dispose();
    expect(bridge.dryRun(event('goal.completed'))).toEqual({
      status: 'would-ignore',
      reason: 'stale',
      detail: 'The bridge was disposed.',
    });
  });
});
