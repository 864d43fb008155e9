import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryObserver } from '@tanstack/query-core';
import { actionKeys, dashboardKeys, goalKeys } from '@/lib/api/keys';
import type { Action } from '@/lib/api/types';
import { createCacheBridge, DEFAULTS } from '../bridge';
import { action1, action2, event, manualSchedule, newClient, seed, T1 } from '../../__tests__/helpers/bridge-fixtures';

afterEach(() => {
  vi.useRealTimers();
});

const at = (second: number) => new Date(Date.parse(T1) + second * 1_000).toISOString();
const items = (data: unknown) => (data as { items: Action[] }).items;

function setup(options: Parameters<typeof createCacheBridge>[1] = {}, realTimer = false) {
  const client = newClient();
  seed(client, [
    [actionKeys.detail('a-1'), action1],
    [actionKeys.list({}), { items: [action1, action2] }],
    [actionKeys.list({ status: 'in_progress' }), { items: [action1] }],
    [goalKeys.detail('g-1'), { id: 'g-1' }],
    [dashboardKeys.summary(), {}],
  ]);
  const timers = manualSchedule();
  const bridge = createCacheBridge(client, realTimer ? options : { schedule: timers.schedule, ...options });
  return { client, timers, bridge };
}

describe('createCacheBridge: patches are written once per window', () => {
  it("many events in one window: each query written once, at the window's end, with the newest state", async () => {
    const { client, timers, bridge } = setup();
    const seen: unknown[] = [];
    const observer = new QueryObserver(client, { queryKey: actionKeys.list({}), enabled: false });
    const unsubscribe = observer.subscribe((result) => seen.push(result.data));
    for (let i = 1; i <= 20; i++) {
      const outcome = bridge.receive(event('action.progress_updated', { progress: i, updated_at: at(i) }));
      expect(outcome).toMatchObject({
        status: 'applied',
        patched: [actionKeys.detail('a-1'), actionKeys.list({}), actionKeys.list({ status: 'in_progress' })],
      });
    }
    expect(timers.lastMs).toBe(DEFAULTS.flushWindowMs);
    expect(items(client.getQueryData(actionKeys.list({})))[0]).toBe(action1);
    timers.run();
    await new Promise((r) => setTimeout(r, 0));
    unsubscribe();
    expect(seen).toEqual([{ items: [{ ...action1, progress: 20, updatedAt: at(20) }, action2] }]);
    const detail = client.getQueryData(actionKeys.detail('a-1'));
    expect(detail).toEqual({ ...action1, progress: 20, updatedAt: at(20) });
    expect(items(client.getQueryData(actionKeys.list({ status: 'in_progress' })))[0]).toBe(detail);
    expect(bridge.stats.getSnapshot()).toMatchObject({ applied: 20, patched: 60 });
  });

  it('schedules the patch write with schedulePatches (frames in a browser) and the flush with schedule', () => {
    const frames = manualSchedule();
    const { client, timers, bridge } = setup({ schedulePatches: frames.schedule });
    bridge.receive(event('action.progress_updated'));
    expect([frames.pending, frames.lastMs]).toEqual([1, DEFAULTS.patchWindowMs]);
    expect([timers.pending, timers.lastMs]).toEqual([1, DEFAULTS.flushWindowMs]);
    expect(frames.run()).toBe(1);
    expect(client.getQueryData(actionKeys.detail('a-1'))).toMatchObject({ progress: 70 });
    expect(client.getQueryState(goalKeys.detail('g-1'))?.isInvalidated).toBe(false);
    timers.run();
    expect(client.getQueryState(goalKeys.detail('g-1'))?.isInvalidated).toBe(true);
  });

  it('writes within patchWindowMs on a real timer, before the invalidations of the same window', () => {
    vi.useFakeTimers();
    const { client, bridge } = setup({}, true);
    bridge.receive(event('action.progress_updated'));
    vi.advanceTimersByTime(DEFAULTS.patchWindowMs - 1);
    expect(client.getQueryData(actionKeys.detail('a-1'))).toBe(action1);
    vi.advanceTimersByTime(1);
    expect(client.getQueryData(actionKeys.detail('a-1'))).toMatchObject({ progress: 70 });
    expect(client.getQueryState(goalKeys.detail('g-1'))?.isInvalidated).toBe(false);
    vi.advanceTimersByTime(DEFAULTS.flushWindowMs);
    expect(client.getQueryState(goalKeys.detail('g-1'))?.isInvalidated).toBe(true);
    bridge.dispose();
  });

  it("patchWindowMs 0 writes each event's patches before receive returns, with no timer", () => {
    const { client, timers, bridge } = setup({ patchWindowMs: 0 });
    bridge.receive(event('action.priority_changed'));
    expect(client.getQueryData(actionKeys.detail('a-1'))).toMatchObject({ priority: 'critical' });
    expect(timers.pending).toBe(1);
  });

  it('an entity created and changed in one window: the change reaches the copy the window inserted', () => {
    const { client, bridge } = setup();
    bridge.receive(event('action.created'));
    bridge.receive(event('action.status_changed', { action_id: 'a-100', status: 'done', updated_at: at(60) }));
    bridge.flush();
    expect(items(client.getQueryData(actionKeys.list({}))).map((a) => [a.id, a.status])).toEqual([
      ['a-1', 'in_progress'],
      ['a-2', 'blocked'],
      ['a-100', 'done'],
    ]);
  });

  it('flush(), reset() and dispose() write what is pending', () => {
    for (const finish of ['flush', 'reset', 'dispose'] as const) {
      const { client, timers, bridge } = setup();
      bridge.receive(event('action.status_changed', { status: 'done' }));
      bridge[finish]();
      expect(client.getQueryData(actionKeys.list({ status: 'in_progress' }))).toEqual({ items: [] });
      expect(timers.pending).toBe(0);
    }
  });

  it('refuses a negative patch window, naming the option', () => {
    expect(() => createCacheBridge(newClient(), { patchWindowMs: -1 })).toThrow(
      /option patchWindowMs must be a finite number ≥ 0, got -1/,
    );
  });
});
