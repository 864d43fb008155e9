import { describe, expect, it } from 'vitest';
import { actionKeys, dashboardKeys, goalKeys } from '@/lib/api/keys';
import { Coalescer, type FlushReport } from '../coalescer';
import { KeyBuckets } from '../key-buckets';
import { held, manualSchedule, newClient, observe, settle } from '../../__tests__/helpers/bridge-fixtures';

function setup() {
  const client = newClient();
  const timers = manualSchedule();
  const reports: FlushReport<string>[] = [];
  const cache = client.getQueryCache();
  const buckets = new KeyBuckets(cache);
  cache.subscribe((event) => buckets.handle(event));
  const coalescer = new Coalescer<string>({
    windowMs: 50,
    schedule: timers.schedule,
    now: () => 0,
    match: (key, exact) => buckets.match(key, exact),
    onFlush: (report) => reports.push(report),
  });
  return { client, timers, reports, coalescer };
}

describe('Coalescer', () => {
  it('schedules one flush per window and flushes each distinct key once', async () => {
    const { client, timers, reports, coalescer } = setup();
    const dash = observe(client, dashboardKeys.summary(), () => ({ n: 1 }));
    await settle();
    dash.reset();
    for (let i = 0; i < 100; i++) coalescer.add(dashboardKeys.all, false, `e${i}`);
    coalescer.add(goalKeys.detail('g-1'), true, 'e100');
    expect(timers.pending).toBe(1);
    expect(timers.lastMs).toBe(50);
    expect(coalescer.pending).toBe(2);
    expect(timers.run()).toBe(1);
    await settle();
    expect(dash.calls).toBe(1);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({
      keys: [dashboardKeys.all, goalKeys.detail('g-1')],
      coalesced: 99,
      invalidated: 1,
      refetches: 1,
    });
    expect([...reports[0]!.refetchesBySource]).toEqual([['e0', 1]]);
    coalescer.add(dashboardKeys.all, false);
    expect(timers.pending).toBe(1);
    dash.unsubscribe();
  });

  it('stretches the window to busyWindowMs after a flush while events keep coming, and not after a quiet spell', () => {
    const client = newClient();
    const timers = manualSchedule();
    let now = 0;
    const cache = client.getQueryCache();
    const buckets = new KeyBuckets(cache);
    const coalescer = new Coalescer<string>({
      windowMs: 50,
      busyWindowMs: 250,
      schedule: timers.schedule,
      now: () => now,
      match: (key, exact) => buckets.match(key, exact),
      onFlush: () => {},
    });
    coalescer.add(dashboardKeys.all, false);
    expect(timers.lastMs).toBe(50);
    now = 50;
    timers.run();
    now = 100;
    coalescer.add(dashboardKeys.all, false);
    expect(timers.lastMs).toBe(200);
    now = 300;
    timers.run();
    now = 540;
    coalescer.add(dashboardKeys.all, false);
    expect(timers.lastMs).toBe(50);
    coalescer.flush();
    now = 560;
    coalescer.add(dashboardKeys.all, false);
    expect(timers.lastMs).toBe(230);
  });

  it('matches an exact key exactly and a prefix partially (filters included)', () => {
    const { client, coalescer } = setup();
    for (const key of [
      goalKeys.detail('g-1'),
      goalKeys.detail('g-10'),
      actionKeys.list({ status: 'done' }),
      actionKeys.list({ status: 'done', goalId: 'g-1' }),
      actionKeys.list({}),
    ]) {
      client.setQueryData(key, { items: [] });
    }
    coalescer.add(goalKeys.detail('g-1'), true);
    coalescer.add(actionKeys.list({ status: 'done' }), false);
    coalescer.flush();
    const invalid = client
      .getQueryCache()
      .getAll()
      .filter((q) => q.state.isInvalidated)
      .map((q) => q.queryKey);
    expect(invalid).toEqual([
      goalKeys.detail('g-1'),
      actionKeys.list({ status: 'done' }),
      actionKeys.list({ status: 'done', goalId: 'g-1' }),
    ]);
  });

  it('refetches active queries only; inactive ones are just marked stale', async () => {
    const { client, coalescer, reports } = setup();
    const active = observe(client, goalKeys.detail('g-1'), () => ({ id: 'g-1' }));
    client.setQueryData(goalKeys.detail('g-2'), { id: 'g-2' });
    await settle();
    active.reset();
    coalescer.add(goalKeys.details(), false);
    coalescer.flush();
    await settle();
    expect(active.calls).toBe(1);
    expect(client.getQueryState(goalKeys.detail('g-2'))).toMatchObject({ isInvalidated: true, fetchStatus: 'idle' });
    expect(reports[0]).toMatchObject({ invalidated: 2, refetches: 1 });
    active.unsubscribe();
  });

  it('reports queries whose first fetch is in flight instead of counting a refetch that will not happen', async () => {
    const { client, coalescer, reports } = setup();
    const response = held<number>();
    const first = observe(client, ['goals', 'detail', 'g-9'], () => response.promise);
    coalescer.add(goalKeys.all, false);
    coalescer.flush();
    expect(reports[0]).toMatchObject({ refetches: 0, invalidated: 1 });
    expect(reports[0]!.firstFetches.map((q) => q.queryKey)).toEqual([['goals', 'detail', 'g-9']]);
    expect(first.calls).toBe(1);
    response.resolve(1);
    await settle();
    first.unsubscribe();
  });

  it('does nothing when nothing is pending, and clear() drops the queue and its timer', () => {
    const { timers, reports, coalescer } = setup();
    coalescer.flush();
    coalescer.add(dashboardKeys.all, false);
    coalescer.clear();
    expect(timers.pending).toBe(0);
    coalescer.flush();
    expect(reports).toEqual([]);
  });
});
