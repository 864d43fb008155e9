import { partialMatchKey, type Query, type QueryClient, type QueryKey } from '@tanstack/query-core';
import { keyHash } from './key-hash';

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
 * key once, by one pass over the cache (the only place the bridge scans it). Inactive matches
 * are only marked stale; active ones refetch once.
 */
export class Coalescer<S = unknown> {
  readonly #pending = new Map<string, Entry<S>>();
  #requests = 0;
  #cancel: (() => void) | undefined;

  constructor(
    private readonly client: QueryClient,
    private readonly options: {
      windowMs: number;
      schedule: Schedule;
      now: () => number;
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
    }, this.options.windowMs);
  }

  flush(): void {
    this.#cancel?.();
    this.#cancel = undefined;
    if (this.#pending.size === 0) return;
    const start = this.options.now();
    const entries = [...this.#pending.values()];
    const requests = this.#requests;
    this.#pending.clear();
    this.#requests = 0;

    const exact = new Map<string, Entry<S>>();
    const prefixes: Entry<S>[] = [];
    for (const entry of entries) {
      if (entry.exact) exact.set(keyHash(entry.key), entry);
      else prefixes.push(entry);
    }
    const matched = new Set<Query>();
    const refetchesBySource = new Map<S, number>();
    const firstFetches: Query[] = [];
    let refetches = 0;
    for (const query of this.client.getQueryCache().getAll()) {
      const entry = exact.get(query.queryHash) ?? prefixes.find((p) => partialMatchKey(query.queryKey, p.key));
      if (entry === undefined) continue;
      matched.add(query);
      if (query.state.fetchStatus !== 'idle' && query.state.data === undefined) {
        firstFetches.push(query);
      } else if (query.isActive() && !query.isStatic()) {
        refetches++;
        if (entry.source !== undefined) refetchesBySource.set(entry.source, (refetchesBySource.get(entry.source) ?? 0) + 1);
      }
    }
    if (matched.size > 0) {
      void this.client.invalidateQueries({ predicate: (query) => matched.has(query), refetchType: 'active' });
    }
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
