import { partialMatchKey, type Query, type QueryCache, type QueryCacheNotifyEvent, type QueryKey } from '@tanstack/query-core';
import { isList, isRecord } from './cache-updaters';

const SEP = '\u0000';

/**
 * Which cached lists hold which entity, kept current from the QueryCache's own events, so that
 * an event finds "every cached action list containing a-7" without scanning the cache: the cost
 * per event does not grow with the number of cached queries.
 *
 * Only queries under the given list prefixes (`['actions', 'list']`, ...) are indexed. A list
 * whose data changed is re-indexed lazily, on the next lookup, so a burst of REST responses
 * costs one pass per list rather than one per response and event.
 */
export class CacheIndex {
  readonly #prefixes: ReadonlySet<string>;
  readonly #byEntity = new Map<string, Set<Query>>();
  readonly #indexed = new Map<Query, { data: unknown; refs: string[] }>();
  readonly #dirty = new Set<Query>();
  readonly #fetching = new Set<Query>();

  constructor(queryCache: QueryCache, listPrefixes: readonly QueryKey[]) {
    this.#prefixes = new Set(listPrefixes.map((prefix) => prefixId(prefix[0], prefix[1])));
    for (const query of queryCache.getAll()) this.#track(query);
  }

  /** Feed every QueryCache event here. */
  handle(event: QueryCacheNotifyEvent): void {
    const { query } = event;
    if (event.type === 'removed') {
      this.#unindex(query);
      this.#dirty.delete(query);
      this.#fetching.delete(query);
    } else if (event.type === 'added' || event.type === 'updated') {
      this.#track(query);
    }
  }

  /** Cached lists under `prefix` (`[kind, 'list']`) whose data holds the entity `id`. */
  listsContaining(prefix: QueryKey, id: string): ReadonlySet<Query> {
    if (this.#dirty.size > 0) this.#reindexDirty();
    return this.#byEntity.get(entityRef(prefix[0], prefix[1], id)) ?? EMPTY;
  }

  /** Lists under `prefix` with a fetch in flight (their data may not be indexed yet, or at all). */
  *fetchingUnder(prefix: QueryKey): Iterable<Query> {
    for (const query of this.#fetching) if (partialMatchKey(query.queryKey, prefix)) yield query;
  }

  /**
   * Tell the index that `query`'s data went from `previous` to its current data with the same
   * entities in it (an item patched in place): skips a pointless re-index.
   */
  sameMembers(query: Query, previous: unknown): void {
    const entry = this.#indexed.get(query);
    if (entry === undefined || entry.data !== previous) return;
    entry.data = query.state.data;
    this.#dirty.delete(query);
  }

  #track(query: Query): void {
    const key = query.queryKey;
    if (!this.#prefixes.has(prefixId(key[0], key[1]))) return;
    if (query.state.fetchStatus === 'idle') this.#fetching.delete(query);
    else this.#fetching.add(query);
    if (this.#indexed.get(query)?.data !== query.state.data || !this.#indexed.has(query)) this.#dirty.add(query);
  }

  #reindexDirty(): void {
    for (const query of this.#dirty) {
      this.#unindex(query);
      const data = query.state.data;
      const refs: string[] = [];
      if (isList(data)) {
        const [kind, sub] = query.queryKey;
        for (const item of data.items) {
          if (!isRecord(item) || typeof item.id !== 'string') continue;
          const ref = entityRef(kind, sub, item.id);
          let set = this.#byEntity.get(ref);
          if (set === undefined) this.#byEntity.set(ref, (set = new Set()));
          set.add(query);
          refs.push(ref);
        }
      }
      this.#indexed.set(query, { data, refs });
    }
    this.#dirty.clear();
  }

  #unindex(query: Query): void {
    const entry = this.#indexed.get(query);
    if (entry === undefined) return;
    for (const ref of entry.refs) {
      const set = this.#byEntity.get(ref);
      set?.delete(query);
      if (set?.size === 0) this.#byEntity.delete(ref);
    }
    this.#indexed.delete(query);
  }
}

const EMPTY: ReadonlySet<Query> = new Set();

function prefixId(kind: unknown, sub: unknown): string {
  return `${String(kind)}${SEP}${String(sub)}`;
}

function entityRef(kind: unknown, sub: unknown, id: string): string {
  return `${String(kind)}${SEP}${String(sub)}${SEP}${id}`;
}
