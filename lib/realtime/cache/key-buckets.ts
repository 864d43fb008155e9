import {
  hashKey,
  partialMatchKey,
  type Query,
  type QueryCache,
  type QueryCacheNotifyEvent,
  type QueryKey,
} from '@tanstack/query-core';

/** Joins key parts into one bucket id: a character no key part the factories build contains. */
export const KEY_SEP = '\u0000';

/**
 * Every cached query filed by the head of its key, kept current from the QueryCache's events,
 * so a flush matches an invalidation prefix against a handful of candidates rather than the
 * whole cache (whose size then does not change what a flush costs):
 * - `['actions']` → the `actions` family;
 * - `['actions', 'list']` → that pair;
 * - `['actions', 'list', { status: 'done' }]` → the lists whose filters have `status: 'done'`;
 * - `['actions', 'detail', 'a-1']` → the queries whose third element is `'a-1'`.
 * Candidates are a superset: callers still run `partialMatchKey` on each.
 */
export class KeyBuckets {
  readonly #buckets = new Map<string, Set<Query>>();

  constructor(private readonly queryCache: QueryCache) {
    for (const query of queryCache.getAll()) this.#file(query, true);
  }

  /** Feed every QueryCache event here. */
  handle(event: QueryCacheNotifyEvent): void {
    if (event.type === 'added') this.#file(event.query, true);
    else if (event.type === 'removed') this.#file(event.query, false);
  }

  /** The cached queries a key matches: that one key with `exact`, else every key it is a prefix of. */
  match(key: QueryKey, exact: boolean): Query[] {
    if (exact) {
      const query = this.queryCache.get(keyHash(key));
      return query === undefined ? [] : [query];
    }
    const out: Query[] = [];
    for (const query of this.candidates(key)) if (partialMatchKey(query.queryKey, key)) out.push(query);
    return out;
  }

  candidates(prefix: QueryKey): Iterable<Query> {
    const [first, second, third] = prefix;
    if (!isPart(first)) return this.queryCache.getAll();
    const family = part(first);
    if (prefix.length === 1 || !isPart(second)) return this.#get(family);
    const pair = family + KEY_SEP + part(second);
    if (prefix.length === 2) return this.#get(pair);
    if (isPart(third)) return this.#get(pair + KEY_SEP + part(third));
    let best: Set<Query> | undefined;
    if (isPlainObject(third)) {
      for (const [field, value] of Object.entries(third)) {
        if (!isPart(value)) continue;
        const set = this.#get(filterId(pair, field, value));
        if (best === undefined || set.size < best.size) best = set;
      }
    }
    return best ?? this.#get(pair);
  }

  #get(id: string): Set<Query> {
    return this.#buckets.get(id) ?? EMPTY;
  }

  #file(query: Query, add: boolean): void {
    const [first, second, third] = query.queryKey;
    if (!isPart(first)) return;
    const ids = [part(first)];
    if (query.queryKey.length > 1) {
      const pair = ids[0] + KEY_SEP + (isPart(second) ? part(second) : '?');
      ids.push(pair);
      if (isPart(third)) ids.push(pair + KEY_SEP + part(third));
      else if (isPlainObject(third)) {
        for (const [field, value] of Object.entries(third)) if (isPart(value)) ids.push(filterId(pair, field, value));
      }
    }
    for (const id of ids) {
      let set = this.#buckets.get(id);
      if (add) {
        if (set === undefined) this.#buckets.set(id, (set = new Set()));
        set.add(query);
      } else if (set !== undefined) {
        set.delete(query);
        if (set.size === 0) this.#buckets.delete(id);
      }
    }
  }
}

const EMPTY: Set<Query> = new Set();

type Part = string | number | boolean;

function isPart(value: unknown): value is Part {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** Typed, so `1` and `'1'` (which never partially match) land in different buckets. */
function part(value: Part): string {
  return typeof value === 'string' ? value : `${typeof value}:${String(value)}`;
}

function filterId(pair: string, field: string, value: Part): string {
  return `${pair}${KEY_SEP}${field}=${part(value)}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * The same string as TanStack Query's `hashKey` (so it finds `queryCache.get(hash)`), faster for
 * the keys the factories build: `hashKey` runs a replacer over every value to print object keys
 * sorted, which `JSON.stringify` already does for a flat object whose keys are in sorted order
 * (`cleanFilters` builds filters that way). Anything else goes to `hashKey`.
 */
export function keyHash(key: QueryKey): string {
  for (const part of key) {
    if (typeof part === 'object' && part !== null && !printsSorted(part)) return hashKey(key);
  }
  return JSON.stringify(key);
}

function printsSorted(part: object): boolean {
  if (Object.getPrototypeOf(part) !== Object.prototype) return false;
  let previous = '';
  for (const name of Object.keys(part)) {
    // hashKey's sorted copy assigns `__proto__` (setting a prototype, not a key): leave that to it.
    if (name < previous || name === '__proto__') return false;
    const value = (part as Record<string, unknown>)[name];
    if (typeof value === 'object' && value !== null) return false;
    previous = name;
  }
  return true;
}
