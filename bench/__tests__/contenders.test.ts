import { afterEach, describe, expect, it } from 'vitest';
import type { QueryClient } from '@tanstack/query-core';
import { seedCache, type SeededCache } from '../cache';
import { createBenchClient, FetchCounter } from '../client';
import { createBridge, patchWindowMs } from '../bridge-adapter';
import { naiveHandler, percentile, runBridge, runLimit, runNaive, type BridgeFactory } from '../contenders';
import { generateFrames } from '../frames';
import { settle, WindowClock } from '../windows';
import { createWorld } from '../world';

const world = createWorld();
const frames = generateFrames(world, { events: 300 });
let client: QueryClient | undefined;
let seeded: SeededCache | undefined;

afterEach(() => {
  seeded?.unmount();
  client?.clear();
});

function fresh(active: number) {
  const counter = new FetchCounter();
  client = createBenchClient(counter);
  seeded = seedCache(client, world, { queries: 1_200, active });
  return { counter, client };
}

/** Active queries under the root key of each frame's entity, summed: what the naive handler must refetch. */
function expectedNaiveRefetches(c: QueryClient, texts: readonly string[]): number {
  const roots: Record<string, string> = {
    goal: 'goals',
    action: 'actions',
    measure: 'measures',
    issue: 'issues',
    decision: 'decisions',
    attachment: 'attachments',
  };
  let sum = 0;
  for (const text of texts) {
    const type = (JSON.parse(text) as { type: string }).type;
    sum += c.getQueryCache().findAll({ queryKey: [roots[type.split('.')[0]!]!], type: 'active' }).length;
  }
  return sum;
}

describe('runLimit', () => {
  it('parses every frame and reports a rate', () => {
    const r = runLimit(frames);
    expect(r.events).toBe(300);
    expect(r.eps).toBeGreaterThan(0);
    expect(r.sink).toBe(frames.reduce((sum, f) => sum + (JSON.parse(f) as { type: string }).type.length, 0));
  });
});

describe('naive handler', () => {
  it('refetches every active query of the entity on every event, in-flight ones included', async () => {
    const { counter, client } = fresh(40);
    const expected = expectedNaiveRefetches(client, frames);
    const r = await runNaive(client, frames, { window: 50 }, () => counter.calls);
    expect(r.events).toBe(300);
    expect(r.refetches).toBe(expected);
    expect(counter.calls).toBe(expected);
  });

  it('ignores frames without a type and types outside the entity roots', () => {
    const { counter, client } = fresh(10);
    const handle = naiveHandler(client);
    handle('{"no":"type"}');
    handle('{"type":"ping"}');
    expect(counter.calls).toBe(0);
  });

  it('stops feeding events once its time budget is spent, counting what it did', async () => {
    const { counter, client } = fresh(40);
    const expected = expectedNaiveRefetches(client, frames.slice(0, 1));
    const r = await runNaive(client, frames, { window: 10, budgetMs: 0 }, () => counter.calls);
    expect(r.events).toBe(1);
    expect(r.refetches).toBe(expected);
  });
});

describe('WindowClock', () => {
  it('holds scheduled flushes until the window closes, runs each once, and honours cancel', async () => {
    const clock = new WindowClock();
    const ran: string[] = [];
    clock.schedule(() => ran.push('a'), 16);
    const cancel = clock.schedule(() => ran.push('b'), 16);
    cancel();
    expect(ran).toEqual([]);
    await clock.close();
    await clock.close();
    expect(ran).toEqual(['a']);
  });

  it('runs a flush scheduled by a flush in the same close', async () => {
    const clock = new WindowClock();
    const ran: number[] = [];
    clock.schedule(() => {
      ran.push(1);
      clock.schedule(() => ran.push(2), 16);
    }, 16);
    await clock.close();
    expect(ran).toEqual([1, 2]);
    await settle();
  });
});

describe('WindowClock on the wall clock', () => {
  it('runs only what is due, earliest first, timing each by its delay', async () => {
    let now = 0;
    const clock = new WindowClock(() => now);
    const ran: string[] = [];
    clock.schedule(() => ran.push('flush'), 50);
    clock.schedule(() => ran.push('patch'), 16);
    expect(clock.nextDue()).toBe(16);
    now = 20;
    await clock.runDue(now);
    expect(ran).toEqual(['patch']);
    expect(clock.nextDue()).toBe(50);
    now = 60;
    await clock.runDue(now);
    expect(ran).toEqual(['patch', 'flush']);
    expect(clock.nextDue()).toBe(Infinity);
    expect([...clock.spentByDelay.keys()].sort()).toEqual([16, 50]);
  });
});

describe('runBridge', () => {
  const dataByHash = (c: QueryClient) =>
    new Map(
      c
        .getQueryCache()
        .getAll()
        .map((q) => [q.queryHash, q.state.data]),
    );

  it('on the wall clock, ends with the same cache as with every event in one window, and splits its time', async () => {
    const timed = fresh(40);
    const byTime = await runBridge(
      timed.client,
      frames,
      { window: 'time', patchDelayMs: patchWindowMs },
      createBridge,
      () => timed.counter.calls,
    );
    const timedData = dataByHash(timed.client);
    seeded?.unmount();
    const once = fresh(40);
    await runBridge(
      once.client,
      frames,
      { window: frames.length, patchDelayMs: patchWindowMs },
      createBridge,
      () => once.counter.calls,
    );
    expect(byTime.events).toBe(frames.length);
    expect(byTime.rejected).toBe(0);
    expect(timedData).toEqual(dataByHash(once.client));
    const { parseMs, applyMs, writeMs, settleMs } = byTime.split;
    expect(parseMs).toBeGreaterThan(0);
    expect(applyMs).toBeGreaterThan(0);
    expect(writeMs).toBeGreaterThan(0);
    expect(settleMs).toBeGreaterThan(0);
    expect(parseMs + applyMs + writeMs + settleMs).toBeLessThanOrEqual(byTime.ms);
  });
});

describe('runBridge on the wall clock, with a stand-in bridge', () => {
  it('runs a short timer scheduled after a long one when it falls due, not when the long one does', async () => {
    // Each event takes 1 ms; the first schedules a 250 ms "flush", every later one a 16 ms "patch write" if none is held.
    const spin = (ms: number) => {
      const end = performance.now() + ms;
      while (performance.now() < end);
    };
    const writes: number[] = [];
    let seen = 0;
    const started = performance.now();
    const factory: BridgeFactory = (_client, schedule) => {
      let held = false;
      return {
        receive() {
          spin(1);
          if (seen++ === 0) schedule(() => {}, 250);
          else if (!held) {
            held = true;
            schedule(() => {
              held = false;
              writes.push(performance.now() - started);
            }, 16);
          }
          return undefined;
        },
        recordRejection() {},
        dispose() {},
      };
    };
    const { client } = fresh(0);
    const few = frames.slice(0, 120);
    await runBridge(client, few, { window: 'time' }, factory, () => 0);
    // ~120 ms of events: a write about every 17 ms, the first before the 250 ms timer (200 leaves room for a loaded machine).
    expect(writes.length).toBeGreaterThanOrEqual(4);
    expect(writes[0]).toBeLessThan(200);
  });
});

describe('percentile', () => {
  it('takes the nearest-rank value of sorted samples', () => {
    const sorted = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 0.5)).toBe(50);
    expect(percentile(sorted, 0.99)).toBe(99);
    expect(percentile(new Float64Array(0), 0.5)).toBe(0);
  });
});
