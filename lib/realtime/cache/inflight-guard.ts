import { noop, type Query, type QueryCacheNotifyEvent } from '@tanstack/query-core';

/** A pure updater of one cached value: the same reference back when it changes nothing. */
export type Updater = (cached: unknown) => unknown;

/**
 * Write a patched value into a query, as `setQueryData` would, minus two things:
 * - The REST timestamp (`dataUpdatedAt`) is kept: a patch is not a fresh read, so `staleTime`
 *   still counts from the last fetch. An invalidated query stays invalidated.
 * - No structural sharing pass: the bridge's updaters already keep every unchanged item's
 *   reference, and TanStack's `replaceEqualDeep` would re-walk (and copy) whole lists on every
 *   event, which made a patch cost grow with the list's length several times over.
 */
export function writePatch(query: Query, next: unknown): void {
  const wasInvalidated = query.state.isInvalidated;
  const options = query.options as { structuralSharing?: unknown };
  const sharing = options.structuralSharing;
  options.structuralSharing = false;
  try {
    query.setData(next, { manual: true, updatedAt: query.state.dataUpdatedAt });
  } finally {
    // Put back, never `delete`d: deleting a property turns the options object into a slow
    // dictionary for the rest of the query's life. Absent and undefined mean the same to TanStack.
    options.structuralSharing = sharing;
  }
  if (wasInvalidated) query.invalidate();
}

/**
 * Promise 7, no lost update: a REST response that was in flight when an event arrived must not
 * leave the cache older than that event.
 *
 * Mechanism: re-apply, not cancel-and-refetch. Every patch that meets a query with a fetch in
 * flight (including a first fetch, with no data yet) is remembered against that query; when the
 * fetch's data lands, the remembered updaters run again over it, in arrival order. Updaters are
 * version-guarded, so a response that is newer than the event stays as it is, and one that is
 * older gets the event on top. Cancel-and-refetch would be simpler but, under a steady stream
 * of events for one entity, would cancel every response and never let a fetch finish; it also
 * costs a request per event.
 *
 * What cannot be re-applied is refetched once the fetch lands instead: invalidations that met a
 * first fetch (TanStack Query reuses that fetch rather than starting a fresh one), and queries
 * whose backlog of remembered updates overflowed.
 */
export class InflightGuard {
  readonly #pending = new Map<Query, Updater[]>();
  readonly #refetch = new Set<Query>();
  #reapplied = 0;

  constructor(private readonly maxPerQuery: number) {}

  /** Updates re-applied over landed responses so far. */
  get reapplied(): number {
    return this.#reapplied;
  }

  /** Remember `update` to run over `query`'s next landed response. */
  defer(query: Query, update: Updater): void {
    if (this.#refetch.has(query)) return;
    const list = this.#pending.get(query);
    if (list === undefined) {
      this.#pending.set(query, [update]);
    } else if (list.length < this.maxPerQuery) {
      list.push(update);
    } else {
      this.#pending.delete(query);
      this.#refetch.add(query);
    }
  }

  /** Refetch `query` once its in-flight fetch lands. */
  refetchWhenLanded(query: Query): void {
    this.#pending.delete(query);
    this.#refetch.add(query);
  }

  /** Feed every QueryCache event here. */
  handle(event: QueryCacheNotifyEvent): void {
    if (event.type === 'removed') {
      this.#forget(event.query);
      return;
    }
    if (event.type !== 'updated') return;
    const { query, action } = event;
    if (action.type === 'success' && action.manual !== true) {
      this.#landed(query);
    } else if (action.type === 'error' || (action.type === 'setState' && query.state.fetchStatus === 'idle')) {
      // The fetch failed or was cancelled and reverted: no stale response will land.
      this.#forget(query);
    }
  }

  clear(): void {
    this.#pending.clear();
    this.#refetch.clear();
  }

  #landed(query: Query): void {
    const updates = this.#pending.get(query);
    const refetch = this.#refetch.has(query);
    this.#forget(query);
    if (updates !== undefined) {
      const landed = query.state.data;
      let next = landed;
      for (const update of updates) next = update(next);
      if (next !== landed && next !== undefined) {
        writePatch(query, next);
        this.#reapplied += updates.length;
      }
    }
    if (refetch) {
      query.invalidate();
      if (query.isActive()) void query.fetch().catch(noop);
    }
  }

  #forget(query: Query): void {
    this.#pending.delete(query);
    this.#refetch.delete(query);
  }
}
