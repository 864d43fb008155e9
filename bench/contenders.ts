import type { QueryClient } from '@tanstack/query-core';
import { ENTITIES, type EntityKind } from '@/lib/realtime/cache/entities';
import { decodeFrame, type FrameRejection, type ServerFrame } from '@/lib/protocol';
import { WindowClock, type Schedule } from './windows';

/** What the bench needs of the bridge (`createCacheBridge` in lib/realtime/cache/bridge.ts). */
export type BridgeHandle = {
  receive(frame: ServerFrame): unknown;
  recordRejection(rejection: FrameRejection): unknown;
  dispose(): void;
};
export type BridgeFactory = (client: QueryClient, schedule: Schedule) => BridgeHandle;

export type RunOptions = {
  /**
   * `'time'`: the bridge's own timers fall due on the wall clock, as in a tab (the default run).
   * A number: every that many events close a window, whatever the clock says.
   */
  window: number | 'time';
  /** Stop feeding events once this many ms have passed; the window still closes. */
  budgetMs?: number;
  /** The delay the bridge schedules its patch writes with, to tell them from its flushes in `split`. */
  patchDelayMs?: number;
};

export type RunResult = {
  /** Events processed (fewer than offered when a time budget cut the run short). */
  events: number;
  ms: number;
  eps: number;
  /**
   * Events per second of this process's CPU time (all its threads, GC included). On a shared
   * machine the wall-clock rate drops whenever other jobs take the cores; this one does not.
   */
  cpuEps: number;
  /** Query-function calls during the run. */
  refetches: number;
};

/**
 * `limit`: JSON.parse of every frame and nothing else, the least that receiving can cost. It changes
 * no state, so it runs `passes` times and the fastest pass counts: the highest bar for the bridge.
 */
export function runLimit(frames: readonly string[], passes = 5): RunResult & { sink: number } {
  let sink = 0;
  let best = Infinity;
  let bestCpu = Infinity;
  for (let pass = 0; pass < passes; pass++) {
    sink = 0;
    const start = performance.now();
    const cpu = process.cpuUsage();
    for (const frame of frames) sink += (JSON.parse(frame) as { type: string }).type.length;
    best = Math.min(best, performance.now() - start);
    bestCpu = Math.min(bestCpu, cpuMsSince(cpu));
  }
  return {
    events: frames.length,
    ms: best,
    eps: rate(frames.length, best),
    cpuEps: rate(frames.length, bestCpu),
    refetches: 0,
    sink,
  };
}

/** The usual hand-written handler: parse, then invalidate everything about the event's entity. */
export function naiveHandler(client: QueryClient): (text: string) => void {
  return (text) => {
    const message = JSON.parse(text) as { type?: unknown };
    if (typeof message.type !== 'string') return;
    const kind = message.type.slice(0, message.type.indexOf('.'));
    const root = Object.hasOwn(ENTITIES, kind) ? ENTITIES[kind as EntityKind].root : undefined;
    if (root) void client.invalidateQueries({ queryKey: root });
  };
}

export async function runNaive(
  client: QueryClient,
  frames: readonly string[],
  options: RunOptions,
  refetches: () => number,
): Promise<RunResult> {
  const handle = naiveHandler(client);
  const clock = new WindowClock();
  const before = refetches();
  const budget = options.budgetMs ?? Infinity;
  const every = options.window === 'time' ? Infinity : options.window;
  const start = performance.now();
  const cpu = process.cpuUsage();
  let boundary = start + FRAME_MS;
  let i = 0;
  let over = false;
  while (i < frames.length && !over) {
    const end = Math.min(i + every, frames.length);
    for (; i < end && !over; i++) {
      handle(frames[i]!);
      // Checked after every event (a clock read is nothing next to one naive event): a window can take seconds at large Q.
      const now = performance.now();
      over = now - start > budget;
      if (options.window === 'time' && now >= boundary) {
        // Nothing of its own is scheduled: its refetches settle once a frame, as the bridge's do at its windows.
        await clock.close();
        boundary = performance.now() + FRAME_MS;
      }
    }
    await clock.close();
    over ||= performance.now() - start > budget;
  }
  const ms = performance.now() - start;
  return { events: i, ms, eps: rate(i, ms), cpuEps: rate(i, cpuMsSince(cpu)), refetches: refetches() - before };
}

/** One frame at 60 Hz: how often the naive handler's refetches settle in the `'time'` mode. */
const FRAME_MS = 16;

export type BridgeRunResult = RunResult & {
  p50Us: number;
  p99Us: number;
  /** Heap after the run minus before, after a full GC each time; null without --expose-gc. */
  heapGrowthMb: number | null;
  rejected: number;
  /** Time spent closing windows: the bridge's flushes and the refetches they start. */
  flushMs: number;
  windows: number;
  /** Where the time went, in ms: validating frames, the bridge's per-event work, writing patches, invalidating, refetches settling. */
  split: { parseMs: number; applyMs: number; writeMs: number; invalidateMs: number; settleMs: number };
};

/** `bridge`: the real path, decodeFrame → receive, with the flush at every window boundary. */
export async function runBridge(
  client: QueryClient,
  frames: readonly string[],
  options: RunOptions,
  createBridge: BridgeFactory,
  refetches: () => number,
): Promise<BridgeRunResult> {
  const clock = new WindowClock();
  const bridge = createBridge(client, clock.schedule);
  const perEvent = new Float64Array(frames.length);
  const before = refetches();
  const heapBefore = heapAfterGc();
  let rejected = 0;
  let flushMs = 0;
  let windows = 0;
  const start = performance.now();
  const cpu = process.cpuUsage();
  let parseMs = 0;
  let i = 0;
  const every = options.window === 'time' ? Infinity : options.window;
  while (i < frames.length) {
    const end = Math.min(i + every, frames.length);
    for (; i < end; i++) {
      const t0 = performance.now();
      const parsed = decodeFrame(frames[i]);
      const t1 = performance.now();
      if (parsed.ok) bridge.receive(parsed.frame);
      else {
        rejected++;
        bridge.recordRejection(parsed);
      }
      const t2 = performance.now();
      perEvent[i] = t2 - t0;
      parseMs += t1 - t0;
      // Any event may have scheduled a timer due sooner than those held (a patch write before a flush).
      if (options.window === 'time' && t2 >= clock.nextDue()) {
        await clock.runDue(t2);
        flushMs += performance.now() - t2;
        windows++;
      }
    }
    const t1 = performance.now();
    await clock.close();
    flushMs += performance.now() - t1;
    windows++;
  }
  const ms = performance.now() - start;
  const cpuMs = cpuMsSince(cpu);
  const heapAfter = heapAfterGc();
  bridge.dispose();
  const sorted = perEvent.subarray(0, i).sort();
  return {
    events: i,
    ms,
    eps: rate(i, ms),
    cpuEps: rate(i, cpuMs),
    refetches: refetches() - before,
    p50Us: percentile(sorted, 0.5) * 1_000,
    p99Us: percentile(sorted, 0.99) * 1_000,
    heapGrowthMb: heapBefore === null || heapAfter === null ? null : (heapAfter - heapBefore) / 1_048_576,
    rejected,
    flushMs,
    windows,
    split: {
      parseMs,
      applyMs: sumOf(perEvent.subarray(0, i)) - parseMs,
      writeMs: clock.spentByDelay.get(options.patchDelayMs ?? -1) ?? 0,
      invalidateMs: sumOfOthers(clock.spentByDelay, options.patchDelayMs ?? -1),
      settleMs: clock.settleMs,
    },
  };
}

function sumOf(values: Float64Array): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum;
}

function sumOfOthers(byDelay: ReadonlyMap<number, number>, except: number): number {
  let sum = 0;
  for (const [delay, ms] of byDelay) if (delay !== except) sum += ms;
  return sum;
}

export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[index]!;
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1_000;
}

function rate(events: number, ms: number): number {
  return ms > 0 ? (events * 1_000) / ms : 0;
}

function heapAfterGc(): number | null {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return null;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}
