import { afterEach, describe, expect, it, vi } from 'vitest';
import { hashKey, QueryObserver, type QueryKey } from '@tanstack/query-core';
import { decodeFrame, type FrameRejection } from '@/lib/protocol';
import { actionKeys, dashboardKeys, goalKeys, peopleKeys } from '@/lib/api/keys';
import type { Action } from '@/lib/api/types';
import { createCacheBridge, DEFAULTS } from '../bridge';
import type { EventEntry, LogEntry } from '../event-log';
import {
  action1,
  actionThatThrows,
  event,
  manualSchedule,
  newClient,
  observe,
  seed,
  seedData,
  settle,
  T0,
  T1,
} from '../../__tests__/helpers/bridge-fixtures';

afterEach(() => {
  vi.useRealTimers();
});

const rejection = (text: string) => decodeFrame(text) as FrameRejection;
const events = (log: readonly LogEntry[]) => log.filter((entry): entry is EventEntry => entry.kind === 'event');

describe('createCacheBridge: coalescing a burst', () => {
  it('1,000 events on 20 entities in one window: at most one refetch per distinct active key, none for inactive ones', async () => {
    const client = newClient();
    const timers = manualSchedule();
    const action = (i: number): Action => ({
      ...action1,
      id: `a-${i}`,
      goalId: `g-${i % 4}`,
      assigneeId: 'u-2',
      updatedAt: T0,
    });
    const all = Array.from({ length: 20 }, (_, i) => action(i));
    const active = new Map<string, ReturnType<typeof observe>>();
    const watch = (key: QueryKey, data: unknown) =>
      active.set(
        hashKey(key),
        observe(client, key, () => data),
      );
    for (let i = 0; i < 10; i++) watch(actionKeys.detail(`a-${i}`), all[i]);
    watch(actionKeys.list({}), { items: all });
    watch(actionKeys.list({ status: 'done' }), { items: [] });
    watch(actionKeys.list({ status: 'blocked' }), { items: [] });
    watch(actionKeys.list({ assigneeId: 'u-1' }), { items: [] });
    for (let g = 0; g < 4; g++) watch(goalKeys.detail(`g-${g}`), { id: `g-${g}` });
    watch(dashboardKeys.summary(), { activeGoals: 4 });
    // Inactive: fetched once by an observer that then went away, or disabled.
    const inactive = [
      ...Array.from({ length: 10 }, (_, i) => observe(client, actionKeys.detail(`a-${10 + i}`), () => all[10 + i])),
      observe(client, actionKeys.list({ status: 'in_progress' }), () => ({ items: all })),
      observe(client, actionKeys.list({ assigneeId: 'u-2' }), () => ({ items: all })),
      observe(client, peopleKeys.list(), () => ({ items: [] })),
    ];
    await settle();
    for (const handle of inactive) handle.unsubscribe();
    const disabled = new QueryObserver(client, {
      queryKey: goalKeys.detail('g-9'),
      queryFn: () => ({ id: 'g-9' }),
      enabled: false,
    });
    const stopDisabled = disabled.subscribe(() => {});
    for (const handle of [...active.values(), ...inactive]) handle.reset();

    const bridge = createCacheBridge(client, { schedule: timers.schedule });
    const base = Date.parse(T1);
    for (let i = 0; i < 1_000; i++) {
      const id = `a-${i % 20}`;
      const updated_at = new Date(base + i * 1_000).toISOString();
      const meta = { id: `acme-${i}` };
      switch (i % 5) {
        case 0:
          bridge.receive(
            event(
              'action.progress_updated',
              { action_id: id, goal_id: `g-${i % 4}`, progress: i % 100, updated_at },
              meta,
            ),
          );
          break;
        case 1:
          bridge.receive(
            event(
              'action.status_changed',
              { action_id: id, goal_id: `g-${i % 4}`, status: i % 2 ? 'blocked' : 'done', updated_at },
              meta,
            ),
          );
          break;
        case 2:
          bridge.receive(event('action.priority_changed', { action_id: id, goal_id: `g-${i % 4}`, updated_at }, meta));
          break;
        case 3:
          bridge.receive(
            event('action.reassigned', { action_id: id, goal_id: `g-${i % 4}`, assignee_id: 'u-1', updated_at }, meta),
          );
          break;
        default:
          bridge.receive(event('action.completed', { action_id: id, goal_id: `g-${i % 4}`, updated_at }, meta));
      }
    }
    // One timer for the window's patch write, one for its invalidations.
    expect(timers.pending).toBe(2);
    timers.run();
    await settle();

    const refetched = [...active]
      .filter(([, handle]) => handle.calls > 0)
      .map(([hash]) => hash)
      .sort();
    const minimum = [
      actionKeys.list({ status: 'done' }),
      actionKeys.list({ status: 'blocked' }),
      actionKeys.list({ assigneeId: 'u-1' }),
      ...[0, 1, 2, 3].map((g) => goalKeys.detail(`g-${g}`)),
      dashboardKeys.summary(),
    ]
      .map((key) => hashKey(key))
      .sort();
    expect(refetched).toEqual(minimum);
    for (const handle of active.values()) expect(handle.calls).toBeLessThanOrEqual(1);
    for (const handle of inactive) expect(handle.calls).toBe(0);
    const stats = bridge.stats.getSnapshot();
    expect(stats).toMatchObject({ received: 1_000, applied: 1_000, refetches: minimum.length, flushes: 1 });
    expect(stats.coalesced).toBeGreaterThan(2_000);
    expect(client.getQueryData(actionKeys.detail('a-0'))).toMatchObject({
      updatedAt: new Date(base + 980_000).toISOString(),
    });
    stopDisabled();
    for (const handle of active.values()) handle.unsubscribe();
  });
});

describe('createCacheBridge: dedupe, resync, rejections', () => {
  it('ignores an event id it has seen and applies events without id every time', () => {
    const client = newClient();
    seed(client);
    const bridge = createCacheBridge(client, { schedule: manualSchedule().schedule });
    expect(bridge.receive(event('goal.activity.created', {}, { id: 'acme-1' })).status).toBe('applied');
    const again = bridge.receive(
      event(
        'goal.activity.created',
        { activity: { id: 'ac-2', goal_id: 'g-1', kind: 'c', message: 'm', actor_id: 'u', created_at: T1 } },
        { id: 'acme-1' },
      ),
    );
    expect(again).toMatchObject({ status: 'ignored', reason: 'duplicate' });
    expect(
      bridge.receive(
        event('goal.activity.created', {
          activity: { id: 'ac-3', goal_id: 'g-1', kind: 'c', message: 'm', actor_id: 'u', created_at: T1 },
        }),
      ).status,
    ).toBe('applied');
    expect(bridge.stats.getSnapshot()).toMatchObject({ received: 3, applied: 2, duplicate: 1 });
  });

  it('remembers only the last rememberedIds ids', () => {
    const bridge = createCacheBridge(newClient(), { schedule: manualSchedule().schedule, rememberedIds: 2 });
    for (const id of ['e1', 'e2', 'e3']) bridge.receive(event('decision.created', {}, { id }));
    expect(bridge.receive(event('decision.created', {}, { id: 'e1' })).status).toBe('applied');
    expect(bridge.receive(event('decision.created', {}, { id: 'e3' })).status).toBe('ignored');
  });

  it('resync invalidates every family the map covers once, coalesced with events in the same window', async () => {
    const client = newClient();
    const timers = manualSchedule();
    const goals = observe(client, goalKeys.list({}), () => ({ items: [] }));
    const dash = observe(client, dashboardKeys.summary(), () => ({}));
    const people = observe(client, peopleKeys.list(), () => ({ items: [] }));
    await settle();
    for (const handle of [goals, dash, people]) handle.reset();
    const bridge = createCacheBridge(client, { schedule: timers.schedule });
    bridge.resync();
    bridge.receive(event('goal.activity.created'));
    expect(timers.pending).toBe(1);
    timers.run();
    await settle();
    expect([goals.calls, dash.calls, people.calls]).toEqual([1, 1, 0]);
    expect(bridge.stats.getSnapshot()).toMatchObject({ resyncs: 1, refetches: 2 });
    expect(bridge.log.getSnapshot().find((entry) => entry.kind === 'resync')).toMatchObject({
      invalidated: expect.arrayContaining([goalKeys.all, dashboardKeys.all]),
    });
    for (const handle of [goals, dash, people]) handle.unsubscribe();
  });

  it('counts rejections per reason and logs each once, without throwing', () => {
    const bridge = createCacheBridge(newClient(), { schedule: manualSchedule().schedule });
    bridge.recordRejection(rejection('{nope'));
    bridge.recordRejection(rejection('{nope'));
    bridge.recordRejection(rejection(JSON.stringify({ type: 'goal.exploded', timestamp: T1, id: 'x-1', data: {} })));
    const stats = bridge.stats.getSnapshot();
    expect(stats.invalid).toBe(3);
    expect(stats.rejected).toMatchObject({ bad_json: 2, unknown_type: 1, hostile_key: 0 });
    const entries = bridge.log.getSnapshot();
    expect(entries).toHaveLength(3);
    expect(entries[2]).toMatchObject({ kind: 'rejection', reason: 'unknown_type', type: 'goal.exploded', id: 'x-1' });
    expect(entries[0]).toMatchObject({ message: 'Frame is not valid JSON.' });
  });

  it('redacts an access_token that a hostile frame puts in its type', () => {
    const bridge = createCacheBridge(newClient(), { schedule: manualSchedule().schedule });
    bridge.recordRejection(rejection(JSON.stringify({ type: 'x?access_token=eyJsecret', timestamp: T1, data: {} })));
    expect(JSON.stringify(bridge.log.getSnapshot())).not.toContain('eyJsecret');
  });
});

describe('createCacheBridge: log and timing', () => {
  it('logs each event with its entity, outcome and µs timing, credits refetches, and never stores payloads', async () => {
    const client = newClient();
    const timers = manualSchedule();
    const goal = observe(client, goalKeys.detail('g-1'), () => ({ id: 'g-1' }));
    await settle();
    let clock = 0;
    const bridge = createCacheBridge(client, {
      schedule: timers.schedule,
      now: () => (clock += 0.0125),
      clock: () => 1_700_000_000_000,
    });
    bridge.receive(event('action.progress_updated', {}, { id: 'acme-7' }));
    bridge.receive(event('action.completed'));
    timers.run();
    const log = bridge.log.getSnapshot();
    expect(events(log)).toEqual([
      expect.objectContaining({
        seq: 1,
        at: 1_700_000_000_000,
        type: 'action.progress_updated',
        id: 'acme-7',
        entity: 'action:a-1',
        refetches: 1,
        outcome: expect.objectContaining({ micros: 12.5 }),
      }),
      expect.objectContaining({ seq: 2, type: 'action.completed', refetches: 0 }),
    ]);
    expect(log.at(-1)).toMatchObject({ kind: 'flush', refetches: 1, invalidated: 1 });
    bridge.receive(event('attachment.created'));
    expect(JSON.stringify(bridge.log.getSnapshot())).not.toMatch(/job-description|\/files\//);
    await settle();
    goal.unsubscribe();
  });

  it('flushes on its own after the default 50 ms window, with a real timer', () => {
    vi.useFakeTimers();
    const client = newClient();
    client.setQueryData(dashboardKeys.summary(), {});
    const bridge = createCacheBridge(client);
    bridge.receive(event('goal.activity.created'));
    vi.advanceTimersByTime(DEFAULTS.flushWindowMs - 1);
    expect(client.getQueryState(dashboardKeys.summary())?.isInvalidated).toBe(false);
    vi.advanceTimersByTime(1);
    expect(client.getQueryState(dashboardKeys.summary())?.isInvalidated).toBe(true);
    bridge.dispose();
  });

  it('rejects nonsense options with a message naming the option', () => {
    expect(() => createCacheBridge(newClient(), { logCapacity: 0 })).toThrow(
      /logCapacity must be a positive integer, got 0/,
    );
    expect(() => createCacheBridge(newClient(), { flushWindowMs: -1 })).toThrow(/flushWindowMs/);
  });
});

describe('createCacheBridge: failure and lifecycle', () => {
  it("never throws: a rule that fails refetches the event's family and the dashboard instead", () => {
    const client = newClient();
    client.setQueryData(actionKeys.detail('a-1'), actionThatThrows(new Error('boom')));
    const bridge = createCacheBridge(client, { schedule: manualSchedule().schedule });
    const outcome = bridge.receive(event('action.progress_updated'));
    expect(outcome).toMatchObject({ status: 'applied', patched: [], invalidated: [actionKeys.all, dashboardKeys.all] });
    bridge.flush();
    expect(client.getQueryState(actionKeys.detail('a-1'))?.isInvalidated).toBe(true);
    expect(bridge.stats.getSnapshot().errors).toBe(1);
    expect(events(bridge.log.getSnapshot())[0]?.error).toMatch(/action.progress_updated failed \(boom\)/);
  });

  it('an event type without a rule (never from decodeFrame) refetches everything the map covers', () => {
    const client = newClient();
    const bridge = createCacheBridge(client, { schedule: manualSchedule().schedule });
    const outcome = bridge.receive({ ...event('goal.completed'), type: 'widget.created' } as unknown as Parameters<
      typeof bridge.receive
    >[0]);
    expect(outcome).toMatchObject({
      status: 'applied',
      invalidated: [
        goalKeys.all,
        actionKeys.all,
        expect.anything(),
        expect.anything(),
        expect.anything(),
        expect.anything(),
        dashboardKeys.all,
      ],
    });
  });

  it('reset() forgets ids, ordering and queued work and clears the log, but not the cache', () => {
    const client = newClient();
    seed(client);
    const timers = manualSchedule();
    const bridge = createCacheBridge(client, { schedule: timers.schedule });
    bridge.receive(event('action.progress_updated', {}, { id: 'acme-1' }));
    bridge.reset();
    expect(timers.pending).toBe(0);
    expect(bridge.log.getSnapshot()).toEqual([]);
    // The event was applied: its pending patch is written, not dropped.
    expect(client.getQueryData(actionKeys.detail('a-1'))).toMatchObject({ progress: 70, updatedAt: T1 });
    expect(client.getQueryState(goalKeys.detail('g-1'))?.isInvalidated).toBe(false);
    expect(bridge.receive(event('action.progress_updated', {}, { id: 'acme-1' }))).toMatchObject({
      status: 'ignored',
      reason: 'stale',
    });
    expect(client.getQueryCache().getAll()).toHaveLength(seedData().length);
  });

  it('after dispose() it stops listening to the cache and ignores events', () => {
    const client = newClient();
    const timers = manualSchedule();
    const bridge = createCacheBridge(client, { schedule: timers.schedule });
    client.setQueryData(dashboardKeys.summary(), {});
    bridge.receive(event('goal.activity.created'));
    bridge.dispose();
    bridge.dispose();
    expect(timers.pending).toBe(0);
    expect(bridge.receive(event('goal.activity.created'))).toMatchObject({
      status: 'ignored',
      detail: 'The bridge was disposed.',
    });
    bridge.resync();
    bridge.recordRejection(rejection('{'));
    expect(bridge.stats.getSnapshot()).toMatchObject({ received: 1, invalid: 0, resyncs: 0 });
  });
});
