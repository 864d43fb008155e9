import { noop, notifyManager, type Query, type QueryKey } from '@tanstack/query-core';
import { keyHash } from './key-buckets';

/** Run `fn` after `ms`; returns a function that cancels it. */
export type Schedule = (fn: () => void, ms: number) => () => void;

export type FlushReport<S> = {
  /** Distinct keys (prefixes or exact keys) flushed. */
  keys: QueryKey[];
  /** Invalidation requests merged away (requests minus distinct keys). */
  coalesced: number;
  /** Queries marked invalid. */
  invalidated: number;
  /** Active queries refetched. */
  refetches: number;
  /** Refetches per source (whoever first asked for the key, e.g. an event's log entry). */
  refetchesBySource: ReadonlyMap<S, number>;
  /** Queries whose first fetch was in flight: they refetch once it lands. */
  firstFetches: Query[];
  /** Time the flush took, in µs. */
  micros: number;
};

type Entry<S> = { key: QueryKey; exact: boolean; source: S | undefined };

/**
 * Invalidation requests queued by events and flushed together once per window: each distinct
 * key once. A window is `windowMs` after a quiet spell and stretches to `busyWindowMs` after
 * the previous flush while events keep coming, so a stream refetches each key a few times a
 * second, not twenty. Matching goes through `match` (the bridge's key buckets: a prefix is matched against
 * its bucket only, an exact key by hash), so a flush costs what it invalidates, not the size of
 * the cache. Inactive
 * matches are only marked stale; active ones refetch once.
 */
export class Coalescer<S = unknown> {
  readonly #pending = new Map<string, Entry<S>>();
  #requests = 0;
  #cancel: (() => void) | undefined;
  #lastFlushAt: number | undefined;

  constructor(
    private readonly options: {
      windowMs: number;
      /**
       * Under a stream of events the windows stretch to this: a flush is scheduled no sooner than
       * this long after the previous one. A lone event still waits only `windowMs`. Default: `windowMs`.
       */
      busyWindowMs?: number;
      schedule: Schedule;
      now: () => number;
      /** The cached queries a key matches (that key alone with `exact`, else every key under the prefix). */
      match: (key: QueryKey, exact: boolean) => Iterable<Query>;
      /** Runs first in every flush (the bridge writes its pending patches there). */
      beforeFlush?: () => void;
      onFlush: (report: FlushReport<S>) => void;
    },
  ) {}

  get pending(): number {
    return this.#pending.size;
  }

  add(key: QueryKey, exact: boolean, source?: S): void {
    this.#requests++;
    const id = (exact ? '=' : '~') + keyHash(key);
    if (!this.#pending.has(id)) this.#pending.set(id, { key, exact, source });
    this.#cancel ??= this.options.schedule(() => {
      this.#cancel = undefined;
      this.flush();
    }, this.#delay());
  }

  /** `windowMs`, or longer when the previous flush was less than `busyWindowMs` ago. */
  #delay(): number {
    const { windowMs, busyWindowMs = windowMs } = this.options;
    if (this.#lastFlushAt === undefined) return windowMs;
    return Math.max(windowMs, busyWindowMs - (this.options.now() - this.#lastFlushAt));
  }

  flush(): void {
    this.#cancel?.();
    this.#cancel = undefined;
    this.options.beforeFlush?.();
    if (this.#pending.size === 0) return;
    const start = this.options.now();
    this.#lastFlushAt = start;
    const entries = [...this.#pending.values()];
    const requests = this.#requests;
    this.#pending.clear();
    this.#requests = 0;

    const matched = new Map<Query, Entry<S>>();
    for (const entry of entries) {
      for (const query of this.options.match(entry.key, entry.exact))
        if (!matched.has(query)) matched.set(query, entry);
    }
    const refetchesBySource = new Map<S, number>();
    const firstFetches: Query[] = [];
    let refetches = 0;
    // What `invalidateQueries({ refetchType: 'active' })` does, over the matched queries only
    // (it would find them again with two scans of the whole cache).
    notifyManager.batch(() => {
      for (const query of matched.keys()) query.invalidate();
      for (const [query, entry] of matched) {
        if (query.state.fetchStatus !== 'idle' && query.state.data === undefined) {
          // A first fetch is reused, not restarted: the bridge refetches once it lands.
          firstFetches.push(query);
          continue;
        }
        if (!query.isActive() || query.isStatic()) continue;
        refetches++;
        if (entry.source !== undefined)
          refetchesBySource.set(entry.source, (refetchesBySource.get(entry.source) ?? 0) + 1);
        void query.fetch(undefined, { cancelRefetch: true }).catch(noop);
      }
    });
    this.options.onFlush({
      keys: entries.map((entry) => entry.key),
      coalesced: requests - entries.length,
      invalidated: matched.size,
      refetches,
      refetchesBySource,
      firstFetches,
      micros: Math.round((this.options.now() - start) * 10_000) / 10,
    });
  }

  /** Drop queued requests without running them. */
  clear(): void {
    this.#cancel?.();
    this.#cancel = undefined;
    this.#pending.clear();
    this.#requests = 0;
  }
}
