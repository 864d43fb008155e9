import {
  partialMatchKey,
  type Query,
  type QueryCache,
  type QueryCacheNotifyEvent,
  type QueryKey,
} from '@tanstack/query-core';
import { KEY_SEP as SEP } from './key-buckets';
import { idOf, isList, isRecord } from './list-updaters';

type Entry = { data: unknown; ids: Set<string> };

/**
 * Which cached lists hold which entity, kept current from the QueryCache's own events, so that
 * an event finds "every cached action list containing a-7" without scanning the cache: the cost
 * per event does not grow with the number of cached queries.
 *
 * Only `{ items }` queries under the given list prefixes (`['actions', 'list']`, ...) are indexed.
 * The bridge's own changes update the index in place (`noteVirtual` as soon as a change is
 * pending, `published` or `noteWrite` once written); data from anywhere else (a REST response)
 * marks the list dirty, and it is re-indexed on the next lookup, by difference.
 */
export class CacheIndex {
  readonly #prefixes: ReadonlySet<string>;
  readonly #byEntity = new Map<string, Set<Query>>();
  readonly #indexed = new Map<Query, Entry>();
  readonly #dirty = new Set<Query>();
  readonly #fetching = new Set<Query>();

  constructor(queryCache: QueryCache, listPrefixes: readonly QueryKey[]) {
    this.#prefixes = new Set(listPrefixes.map((prefix) => String(prefix[0]) + SEP + String(prefix[1])));
    for (const query of queryCache.getAll()) this.#track(query);
  }

  /** Feed every QueryCache event here. */
  handle(event: QueryCacheNotifyEvent): void {
    const { query } = event;
    if (event.type === 'removed') {
      this.#reindex(query, undefined);
      this.#indexed.delete(query);
      this.#dirty.delete(query);
      this.#fetching.delete(query);
    } else if (event.type === 'added' || event.type === 'updated') {
      this.#track(query);
    }
  }

  /** Cached lists under `prefix` (`[kind, 'list']`) whose data holds the entity `id`. */
  listsContaining(prefix: QueryKey, id: string): ReadonlySet<Query> {
    if (this.#dirty.size > 0) {
      for (const query of this.#dirty) this.#reindex(query, query.state.data);
      this.#dirty.clear();
    }
    return this.#byEntity.get(ref(prefix[0], prefix[1], id)) ?? EMPTY;
  }

  /** Lists under `prefix` with a fetch in flight (their data may not be indexed yet, or at all). */
  fetchingUnder(prefix: QueryKey): Query[] {
    const out: Query[] = [];
    if (this.#fetching.size === 0) return out;
    for (const query of this.#fetching) if (partialMatchKey(query.queryKey, prefix)) out.push(query);
    return out;
  }

  /**
   * The bridge wrote `query`'s data, which was `previous`: when the items differ by at most one
   * insertion or removal (what its updaters do), update the index in place instead of re-indexing.
   * `sameIdsIfSameLength`: the writer only replaces items by same-id items (skips the check).
   */
  noteWrite(query: Query, previous: unknown, sameIdsIfSameLength = false): void {
    const entry = this.#indexed.get(query);
    const next = query.state.data;
    if (entry === undefined || entry.data !== previous || !isList(previous) || !isList(next)) return;
    const sameLength = previous.items.length === next.items.length;
    const change = sameLength && sameIdsIfSameLength ? 'none' : singleChange(previous.items, next.items);
    if (change === 'other') return;
    if (change !== 'none') {
      const [kind, sub] = query.queryKey;
      const key = ref(kind, sub, change.id);
      if (change.added) {
        entry.ids.add(change.id);
        this.#add(key, query);
      } else {
        entry.ids.delete(change.id);
        this.#remove(key, query);
      }
    }
    entry.data = next;
    this.#dirty.delete(query);
  }

  /**
   * A write the bridge has pending (not yet in the cache) adds entity `id` to `query`'s list or
   * removes it, so that the index answers for the cache as it will be once the window is written.
   */
  noteVirtual(query: Query, id: string, added: boolean): void {
    const [kind, sub] = query.queryKey;
    if (!this.#prefixes.has(String(kind) + SEP + String(sub))) return;
    if (this.#dirty.has(query) || !this.#indexed.has(query)) {
      this.#reindex(query, query.state.data);
      this.#dirty.delete(query);
    }
    const entry = this.#indexed.get(query)!;
    const key = ref(kind, sub, id);
    if (added) {
      entry.ids.add(id);
      this.#add(key, query);
    } else {
      entry.ids.delete(id);
      this.#remove(key, query);
    }
  }

  /** The bridge wrote over `previous` exactly the ids it noted with `noteVirtual`: take the new data as indexed. */
  published(query: Query, previous: unknown): void {
    const entry = this.#indexed.get(query);
    if (entry === undefined || entry.data !== previous) return;
    entry.data = query.state.data;
    this.#dirty.delete(query);
  }

  #track(query: Query): void {
    const key = query.queryKey;
    if (!this.#prefixes.has(String(key[0]) + SEP + String(key[1]))) return;
    if (query.state.fetchStatus === 'idle') this.#fetching.delete(query);
    else this.#fetching.add(query);
    const entry = this.#indexed.get(query);
    if (entry === undefined || entry.data !== query.state.data) this.#dirty.add(query);
  }

  /** Bring the entity sets in line with `data`, touching only the ids that changed. */
  #reindex(query: Query, data: unknown): void {
    const [kind, sub] = query.queryKey;
    const old = this.#indexed.get(query)?.ids ?? new Set<string>();
    const ids = new Set<string>();
    if (isList(data)) {
      for (const item of data.items) {
        if (!isRecord(item) || typeof item.id !== 'string') continue;
        ids.add(item.id);
        if (!old.has(item.id)) this.#add(ref(kind, sub, item.id), query);
      }
    }
    for (const id of old) if (!ids.has(id)) this.#remove(ref(kind, sub, id), query);
    this.#indexed.set(query, { data, ids });
  }

  #add(key: string, query: Query): void {
    let set = this.#byEntity.get(key);
    if (set === undefined) this.#byEntity.set(key, (set = new Set()));
    set.add(query);
  }

  #remove(key: string, query: Query): void {
    const set = this.#byEntity.get(key);
    set?.delete(query);
    if (set?.size === 0) this.#byEntity.delete(key);
  }
}

const EMPTY: ReadonlySet<Query> = new Set();

function ref(kind: unknown, sub: unknown, id: string): string {
  return String(kind) + SEP + String(sub) + SEP + id;
}

type Change = 'none' | 'other' | { added: boolean; id: string };

/** How `next` differs from `previous` by reference: nothing but in-place replacements of same-id items, one insertion or one removal. */
function singleChange(previous: readonly unknown[], next: readonly unknown[]): Change {
  const delta = next.length - previous.length;
  if (delta === 0) {
    for (let i = 0; i < next.length; i++) {
      if (previous[i] !== next[i] && idOf(previous[i]) !== idOf(next[i])) return 'other';
    }
    return 'none';
  }
  if (delta !== 1 && delta !== -1) return 'other';
  const [long, short] = delta === 1 ? [next, previous] : [previous, next];
  let at = 0;
  while (at < short.length && short[at] === long[at]) at++;
  for (let i = at; i < short.length; i++) if (short[i] !== long[i + 1]) return 'other';
  const id = idOf(long[at]);
  if (typeof id !== 'string') return 'other';
  // A duplicate id elsewhere in the list would make "one entity in or out" wrong: re-index instead.
  for (const item of short) if (idOf(item) === id) return 'other';
  return { added: delta === 1, id };
}
