import type { Query, QueryClient, QueryKey } from '@tanstack/query-core';
import type { DomainEvent, FrameRejection } from '@/lib/protocol';
import { redact } from '@/lib/protocol';
import { applyPlan } from './plan';
import { CacheIndex } from './cache-index';
import { Coalescer, type FlushReport, type Schedule } from './coalescer';
import { coveredKeys, ENTITIES, type EntityKind } from './entities';
import { eventMap, type Rule } from './event-map';
import { Counters, RingLog, type EventEntry, type EventLog, type EventOutcome, type StatsStore } from './event-log';
import { InflightGuard } from './inflight-guard';
import { KeyBuckets } from './key-buckets';
import { BoundedSet, EntityVersions } from './memory';
import { planEvent, type CacheContext } from './plan';
import { WriteBatch } from './write-batch';

export type { BridgeStats, EventLog, EventOutcome, LogEntry, StatsStore } from './event-log';
export type { Schedule } from './coalescer';

/** Tunable numbers of the bridge core; override any of them through `createCacheBridge` options. */
export const DEFAULTS = {
  /** Invalidations are queued and flushed at most once per window. */
  flushWindowMs: 50,
  /**
   * While events keep coming, a flush comes no sooner than this long after the previous one: a
   * server-computed value (a goal's progress, the dashboard) refetches at most 4 times a second
   * under a stream, instead of 20; a lone event's refetch still waits only `flushWindowMs`.
   */
  busyFlushWindowMs: 250,
  /**
   * Patches are written at most once per window: each affected query once, however many events
   * changed it. One frame at 60 Hz, since no screen shows a patch sooner. 0 writes every event's
   * patches at once (as `receive` returns).
   */
  patchWindowMs: 16,
  /** Event ids remembered for dedupe. */
  rememberedIds: 10_000,
  /** Entities whose newest event version is remembered for out-of-order detection. */
  rememberedEntities: 10_000,
  /** Entries kept by the event log's ring buffer. */
  logCapacity: 500,
  /** Patches remembered per query while its fetch is in flight; past that it refetches once it lands. */
  maxDeferredPerQuery: 100,
} as const;

export interface BridgeOptions {
  flushWindowMs: number;
  busyFlushWindowMs: number;
  patchWindowMs: number;
  rememberedIds: number;
  rememberedEntities: number;
  logCapacity: number;
  maxDeferredPerQuery: number;
  /** Schedules the coalesced flush and the patch write. Default: a `setTimeout` wrapper (no timer exists until needed). */
  schedule: Schedule;
  /** Schedules the patch write alone (the provider passes animation frames in a browser). Default: `schedule`. */
  schedulePatches: Schedule;
  /** High-resolution time in ms, for per-event timings. Default: `performance.now()`. */
  now: () => number;
  /** Wall-clock ms for log entries. Default: `Date.now()`. */
  clock: () => number;
}

export interface CacheBridge {
  /**
   * Receive one decoded domain event (from decodeFrame): a duplicate is dropped, the rest is
   * planned and applied. Never throws. Its patches are written within `patchWindowMs` (with those
   * of every other event in the window), its invalidations within `flushWindowMs`; `flush()`
   * writes and runs everything now.
   */
  receive(event: DomainEvent): EventOutcome;
  /** What `receive` would do with this event right now, changing nothing (no dedupe memory, counters or log). */
  dryRun(event: DomainEvent): DryRun;
  /** Count and log a frame decodeFrame rejected (reason + message), once each. */
  recordRejection(rejection: FrameRejection): void;
  /** After a reconnect that is not the first connect: invalidate everything the map covers, once, coalesced. */
  resync(): void;
  /** Write pending patches and run pending coalesced invalidations now. */
  flush(): void;
  /** Forget dedupe/ordering state (tenant switch) and drop queued invalidations; pending patches are written. Clears the log too. */
  reset(): void;
  /** Stop listening to the cache and drop queued invalidations (pending patches are written); later events are ignored. */
  dispose(): void;
  readonly log: EventLog;
  readonly stats: StatsStore;
}

const defaultSchedule: Schedule = (fn, ms) => {
  const handle = setTimeout(fn, ms);
  return () => clearTimeout(handle);
};

/** A cached query an event's invalidations match, and whether it would refetch (active) or only be marked stale. */
export type DryRunInvalidation = { queryKey: QueryKey; active: boolean };

/** What an event would do to the cache right now (`CacheBridge.dryRun`). */
export type DryRun =
  | {
      status: 'would-apply';
      /** Cached keys it would write. */
      patched: QueryKey[];
      /** Cached queries its invalidations match. */
      invalidated: DryRunInvalidation[];
      /** The rule's note (and, when the rule would fail, why and what happens instead). */
      notes: string;
    }
  | { status: 'would-ignore'; reason: 'stale' | 'duplicate'; detail: string };

type Source = { seq?: number };

export function createCacheBridge(queryClient: QueryClient, options: Partial<BridgeOptions> = {}): CacheBridge {
  const schedule = options.schedule ?? defaultSchedule;
  const opts: BridgeOptions = {
    ...DEFAULTS,
    schedule,
    schedulePatches: schedule,
    now: () => performance.now(),
    clock: Date.now,
    ...options,
  };
  checkOptions(opts);
  const queryCache = queryClient.getQueryCache();
  const index = new CacheIndex(queryCache, listPrefixes());
  const ctx: CacheContext = {
    queryCache,
    index,
    guard: new InflightGuard(opts.maxDeferredPerQuery),
    versions: new EntityVersions(opts.rememberedEntities),
    writes: new WriteBatch(index),
  };
  const buckets = new KeyBuckets(queryCache);
  const match = (key: QueryKey, exact: boolean) => buckets.match(key, exact);
  const seenIds = new BoundedSet<string>(opts.rememberedIds);
  const log = new RingLog(opts.logCapacity, opts.clock);
  const stats = new Counters();
  const coalescer = new Coalescer<Source>({
    windowMs: opts.flushWindowMs,
    busyWindowMs: opts.busyFlushWindowMs,
    schedule: opts.schedule,
    now: opts.now,
    match,
    beforeFlush: writePatches,
    onFlush,
  });
  let cancelPatches: (() => void) | undefined;
  let disposed = false;

  const unsubscribe = queryCache.subscribe((event) => {
    buckets.handle(event);
    ctx.index.handle(event);
    const before = ctx.guard.reapplied;
    ctx.guard.handle(event);
    if (ctx.guard.reapplied !== before) stats.add({ reapplied: ctx.guard.reapplied - before });
    ctx.writes.handle(event);
  });

  function writePatches(): void {
    cancelPatches?.();
    cancelPatches = undefined;
    ctx.writes.commit();
  }

  function schedulePatches(): void {
    if (ctx.writes.size === 0) return;
    if (opts.patchWindowMs === 0) writePatches();
    else cancelPatches ??= opts.schedulePatches(writePatches, opts.patchWindowMs);
  }

  function onFlush(report: FlushReport<Source>): void {
    for (const query of report.firstFetches) ctx.guard.refetchWhenLanded(query);
    stats.add({ flushes: 1, refetches: report.refetches, coalesced: report.coalesced });
    log.push({
      kind: 'flush',
      keys: report.keys,
      invalidated: report.invalidated,
      refetches: report.refetches,
      coalesced: report.coalesced,
      micros: report.micros,
    });
    for (const [source, refetches] of report.refetchesBySource) {
      if (source.seq === undefined) continue;
      log.update(source.seq, (entry) =>
        entry.kind === 'event' ? { ...entry, refetches: entry.refetches + refetches } : entry,
      );
    }
  }

  /** decode → plan → apply → flush: the socket decoded the frame; here it is planned and applied, the flush comes later. */
  function receive(event: DomainEvent): EventOutcome {
    const start = opts.now();
    if (disposed) return { status: 'ignored', reason: 'stale', detail: 'The bridge was disposed.', micros: 0 };
    if (event.id !== undefined) {
      if (seenIds.has(event.id)) {
        const outcome: EventOutcome = {
          status: 'ignored',
          reason: 'duplicate',
          detail: `Event id ${event.id} was already applied.`,
          micros: micros(opts.now() - start),
        };
        log.push({ kind: 'event', type: event.type, id: event.id, outcome, refetches: 0 });
        stats.add({ received: 1, duplicate: 1 });
        return outcome;
      }
      seenIds.add(event.id);
    }
    const result = applyPlan(planEvent(event, ctx), ctx, 'apply');
    const error = result.status === 'applied' ? result.error : undefined;
    schedulePatches();

    const source: Source = {};
    let outcome: EventOutcome;
    if (result.status === 'stale') {
      outcome = { status: 'ignored', reason: 'stale', detail: result.detail, micros: micros(opts.now() - start) };
      stats.add({ received: 1, stale: 1 });
    } else {
      for (const { key, exact } of result.invalidations) coalescer.add(key, exact, source);
      outcome = {
        status: 'applied',
        patched: result.patched,
        invalidated: result.invalidations.map((i) => i.key),
        micros: micros(opts.now() - start),
      };
      stats.add({
        received: 1,
        applied: 1,
        patched: result.patched.length,
        invalidated: result.invalidations.length,
        errors: error === undefined ? 0 : 1,
      });
    }
    const entry: Omit<EventEntry, 'seq' | 'at'> = { kind: 'event', type: event.type, outcome, refetches: 0 };
    if (event.id !== undefined) entry.id = event.id;
    if (result.entity !== undefined) entry.entity = result.entity;
    if (error !== undefined) entry.error = error;
    source.seq = log.push(entry);
    return outcome;
  }

  return {
    receive,
    dryRun(event) {
      if (disposed) return { status: 'would-ignore', reason: 'stale', detail: 'The bridge was disposed.' };
      if (event.id !== undefined && seenIds.has(event.id)) {
        return { status: 'would-ignore', reason: 'duplicate', detail: `Event id ${event.id} was already applied.` };
      }
      // The same plan and apply as `receive`, in the mode that remembers, writes and counts nothing.
      const result = applyPlan(planEvent(event, ctx), ctx, 'dry-run');
      if (result.status === 'stale') return { status: 'would-ignore', reason: 'stale', detail: result.detail };
      const invalidated = new Map<Query, DryRunInvalidation>();
      for (const { key, exact } of result.invalidations) {
        for (const query of match(key, exact)) {
          if (!invalidated.has(query)) invalidated.set(query, { queryKey: query.queryKey, active: query.isActive() });
        }
      }
      return {
        status: 'would-apply',
        patched: result.patched,
        invalidated: [...invalidated.values()],
        notes: result.error === undefined ? result.note : `${result.note} ${result.error}`,
      };
    },
    recordRejection(rejection) {
      if (disposed) return;
      // The message may quote the frame's type or id: untrusted text, so redacted like any URL.
      const { reason, message, type, id } = rejection;
      log.push({
        kind: 'rejection',
        reason,
        message: redact(message),
        ...(type === undefined ? {} : { type: redact(type) }),
        ...(id === undefined ? {} : { id: redact(id) }),
      });
      stats.add({}, reason);
    },
    resync() {
      if (disposed) return;
      const source: Source = {};
      for (const key of coveredKeys) coalescer.add(key, false, source);
      source.seq = log.push({ kind: 'resync', invalidated: [...coveredKeys] });
      stats.add({ resyncs: 1, invalidated: coveredKeys.length });
    },
    flush: () => coalescer.flush(),
    reset() {
      writePatches();
      seenIds.clear();
      ctx.versions.clear();
      ctx.guard.clear();
      coalescer.clear();
      log.clear();
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      writePatches();
      unsubscribe();
      coalescer.clear();
      ctx.guard.clear();
    },
    log,
    stats,
  };
}

/** The lists of every kind the map's entity rules patch, for the index (from the entity table). */
function listPrefixes(): QueryKey[] {
  const kinds = new Set<EntityKind>();
  for (const rule of Object.values(eventMap) as Rule[]) if (rule.entity !== undefined) kinds.add(rule.entity.kind);
  return [...kinds].map((kind) => ENTITIES[kind].lists);
}

/** Elapsed ms as µs with one decimal. */
function micros(ms: number): number {
  return Math.round(ms * 10_000) / 10;
}

function checkOptions(opts: BridgeOptions): void {
  const counts = ['rememberedIds', 'rememberedEntities', 'logCapacity', 'maxDeferredPerQuery'] as const;
  for (const name of counts) {
    if (!Number.isInteger(opts[name]) || opts[name] < 1) {
      throw new RangeError(`createCacheBridge: option ${name} must be a positive integer, got ${opts[name]}.`);
    }
  }
  for (const name of ['flushWindowMs', 'busyFlushWindowMs', 'patchWindowMs'] as const) {
    if (!Number.isFinite(opts[name]) || opts[name] < 0) {
      throw new RangeError(`createCacheBridge: option ${name} must be a finite number ≥ 0, got ${opts[name]}.`);
    }
  }
}
