import type { QueryClient } from '@tanstack/query-core';
import { burstFrames, minimumRefetches, type InvalidationsOf } from './burst';
import { seedCache, type SeededCache } from './cache';
import { createBenchClient, FetchCounter } from './client';
import { runBridge, runLimit, runNaive, type BridgeFactory, type BridgeRunResult, type RunResult } from './contenders';
import { generateFrames } from './frames';
import { WindowClock } from './windows';
import { createWorld, worldSize } from './world';

export const SUITE_DEFAULTS = {
  /** Cached queries in the main run. */
  q: 10_000,
  /** Active observers. */
  active: 200,
  /** Frames in the stream. */
  events: 100_000,
  /** Hot entities the stream talks about. */
  entities: 1_000,
  /**
   * How windows close. `'time'`: the bridge's own timers (patches 16 ms after the first pending
   * one; invalidations 50 ms after a quiet spell, 250 ms apart under a stream) fall due on the wall clock while frames arrive back to back, exactly as in a tab
   * whose socket delivers frames as fast as the bridge takes them: that is the bridge's
   * throughput. A number N closes a window every N events instead, whatever the clock says.
   */
  window: 'time' as number | 'time',
  /**
   * The bridge also runs once with this many events per window: 100 events per 50 ms window is a
   * sustained 2,000 events/s, far more than one tenant sends, and the windows are then the same
   * on every machine. Fewer events per window means less coalescing, so this figure is lower.
   */
  fixedWindow: 100,
  scalingQ: [1_000, 10_000, 50_000] as readonly number[],
  /** The naive handler is slow enough to need a time budget per run; its counts are scaled up. */
  naiveBudgetMs: 10_000,
  burstEvents: 1_000,
  burstEntities: 20,
  /** Frames used to warm the JIT before anything is measured. */
  warmupEvents: 3_000,
  seed: 42,
};
export type SuiteOptions = typeof SUITE_DEFAULTS;

export const QUICK: Partial<SuiteOptions> = { events: 5_000, naiveBudgetMs: 750, warmupEvents: 1_000 };

export type NaiveResult = RunResult & { offered: number; refetchesPerStream: number };
export type SuiteResult = {
  options: SuiteOptions;
  flushWindowMs: number;
  patchWindowMs: number;
  busyFlushWindowMs: number;
  /** The bridge at Q with `fixedWindow` events per window. */
  bridgeFixed: BridgeRunResult;
  queries: number;
  limit: RunResult;
  bridge: BridgeRunResult;
  naive: NaiveResult;
  scaling: Array<{ q: number; bridge: RunResult; naive: NaiveResult }>;
  burst: {
    bridge: number;
    /** Scaled to the whole burst when the time budget cut the naive run short. */
    naive: number;
    naiveEvents: number;
    min: number;
    bridgeMaxPerKey: number;
  };
};

export type SuiteDeps = {
  createBridge: BridgeFactory;
  /** The bridge's flush window in ms, to say what `window` events per window stands for. */
  flushWindowMs: number;
  /** The bridge's patch window in ms, to tell its writes from its flushes. */
  patchWindowMs: number;
  /** How far apart the bridge's flushes are while events keep coming. */
  busyFlushWindowMs: number;
  invalidationsOf: InvalidationsOf;
  progress?: (line: string) => void;
};

export async function runSuite(options: Partial<SuiteOptions>, deps: SuiteDeps): Promise<SuiteResult> {
  const opts = { ...SUITE_DEFAULTS, ...options };
  const started = performance.now();
  const say = (line: string) =>
    deps.progress?.(`${((performance.now() - started) / 1_000).toFixed(1).padStart(5)} s  ${line}`);
  const world = createWorld({ entities: opts.entities });
  say(
    `generating ${opts.events.toLocaleString('en-US')} frames over ${worldSize(world).toLocaleString('en-US')} entities`,
  );
  const frames = generateFrames(world, { events: opts.events, seed: opts.seed });
  const runOpts = { window: opts.window, patchDelayMs: deps.patchWindowMs };
  const fresh = (q: number) => freshCache(world, q, opts.active);

  say('warming up');
  const warm = frames.slice(0, opts.warmupEvents);
  runLimit(warm, 1);
  await withCache(fresh(1_000), (c) => runBridge(c.client, warm, runOpts, deps.createBridge, c.calls));
  await withCache(fresh(1_000), (c) => runNaive(c.client, warm, { ...runOpts, budgetMs: 300 }, c.calls));

  const naive = async (q: number): Promise<NaiveResult> => {
    say(`naive  Q=${q}`);
    const r = await withCache(fresh(q), (c) =>
      runNaive(c.client, frames, { ...runOpts, budgetMs: opts.naiveBudgetMs }, c.calls),
    );
    return {
      ...r,
      offered: frames.length,
      refetchesPerStream: Math.round((r.refetches * frames.length) / Math.max(1, r.events)),
    };
  };
  const bridge = (q: number) => {
    say(`bridge Q=${q}`);
    return withCache(fresh(q), (c) => runBridge(c.client, frames, runOpts, deps.createBridge, c.calls));
  };

  say('limit');
  const limit = runLimit(frames);
  const main = fresh(opts.q);
  const queries = main.seeded.queries;
  say(`bridge Q=${opts.q}`);
  const mainBridge = await withCache(main, (c) => runBridge(c.client, frames, runOpts, deps.createBridge, c.calls));
  const mainNaive = await naive(opts.q);
  say(`bridge Q=${opts.q}, ${opts.fixedWindow} events per window`);
  const bridgeFixed = await withCache(fresh(opts.q), (c) =>
    runBridge(c.client, frames, { ...runOpts, window: opts.fixedWindow }, deps.createBridge, c.calls),
  );

  const scaling: SuiteResult['scaling'] = [];
  for (const q of opts.scalingQ) {
    if (q === opts.q) scaling.push({ q, bridge: mainBridge, naive: mainNaive });
    else scaling.push({ q, bridge: await bridge(q), naive: await naive(q) });
  }

  say(`burst: ${opts.burstEvents} events on ${opts.burstEntities} entities in one window`);
  const burst = burstFrames(world, { events: opts.burstEvents, entities: opts.burstEntities });
  const burstMin = fresh(opts.q);
  const min = minimumRefetches(burstMin.client, burst, deps.invalidationsOf);
  say(`burst: bridge (minimum ${min})`);
  const burstBridge = await withCache(burstMin, async (c) => {
    await runBridge(
      c.client,
      burst,
      { window: burst.length, patchDelayMs: deps.patchWindowMs },
      deps.createBridge,
      c.calls,
    );
    return { refetches: c.counter.calls, maxPerKey: c.counter.maxPerKey() };
  });
  say('burst: naive');
  const burstNaive = await withCache(fresh(opts.q), async (c) => {
    const r = await runNaive(c.client, burst, { window: burst.length, budgetMs: opts.naiveBudgetMs }, c.calls);
    return { events: r.events, refetches: Math.round((c.counter.calls * burst.length) / Math.max(1, r.events)) };
  });

  return {
    options: opts,
    flushWindowMs: deps.flushWindowMs,
    patchWindowMs: deps.patchWindowMs,
    busyFlushWindowMs: deps.busyFlushWindowMs,
    bridgeFixed,
    queries,
    limit,
    bridge: mainBridge,
    naive: mainNaive,
    scaling,
    burst: {
      bridge: burstBridge.refetches,
      naive: burstNaive.refetches,
      naiveEvents: burstNaive.events,
      min,
      bridgeMaxPerKey: burstBridge.maxPerKey,
    },
  };
}

type Fresh = { client: QueryClient; counter: FetchCounter; seeded: SeededCache; calls: () => number };

/** A new QueryClient seeded with Q queries and A observers; refetch counting starts at zero. */
function freshCache(world: ReturnType<typeof createWorld>, q: number, active: number): Fresh {
  const counter = new FetchCounter();
  const client = createBenchClient(counter);
  const seeded = seedCache(client, world, { queries: q, active });
  return { client, counter, seeded, calls: () => counter.calls };
}

async function withCache<T>(cache: Fresh, run: (c: Fresh) => Promise<T>): Promise<T> {
  await new WindowClock().close();
  cache.counter.reset();
  try {
    return await run(cache);
  } finally {
    cache.seeded.unmount();
    cache.client.clear();
  }
}
