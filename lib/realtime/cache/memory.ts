/**
 * What the bridge remembers of the events it has seen, bounded however long the socket lives:
 * event ids (for dedupe) and the newest version seen per entity (for ordering).
 */

/**
 * Map that forgets its least recently set entry past `capacity`, so per-event memory (seen ids,
 * entity versions) stays bounded however long the socket lives.
 *
 * Age is kept in a queue of keys beside the Map, not by the Map's insertion order: evicting with
 * `delete(keys().next().value)` makes every insert walk past the deleted slots V8 leaves at the
 * front of a Map (8-11 µs an insert once 10,000 ids were remembered; the queue costs ~0.3 µs).
 * Setting a key again appends it and leaves its old place behind; the queue is compacted when
 * it reaches twice the capacity, so that costs O(1) per set on average.
 */
export class BoundedMap<K, V> {
  readonly #entries = new Map<K, { value: V; at: number }>();
  #queue: (K | undefined)[] = [];
  /** Index of the oldest place in the queue that may still be live. */
  #head = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`BoundedMap capacity must be a positive integer, got ${capacity}.`);
    }
  }

  get size(): number {
    return this.#entries.size;
  }

  has(key: K): boolean {
    return this.#entries.has(key);
  }

  get(key: K): V | undefined {
    return this.#entries.get(key)?.value;
  }

  /** Sets the value and makes the key the newest entry. */
  set(key: K, value: V): void {
    const at = this.#queue.length;
    this.#queue.push(key);
    const entry = this.#entries.get(key);
    if (entry !== undefined) {
      entry.value = value;
      entry.at = at;
    } else {
      this.#entries.set(key, { value, at });
      if (this.#entries.size > this.capacity) this.#evictOldest();
    }
    if (this.#queue.length >= 2 * this.capacity + 16) this.#compact();
  }

  clear(): void {
    this.#entries.clear();
    this.#queue = [];
    this.#head = 0;
  }

  #evictOldest(): void {
    for (;;) {
      const at = this.#head++;
      const key = this.#queue[at] as K;
      this.#queue[at] = undefined;
      if (this.#entries.get(key)?.at === at) {
        this.#entries.delete(key);
        return;
      }
    }
  }

  #compact(): void {
    const live: K[] = [];
    for (let at = this.#head; at < this.#queue.length; at++) {
      const key = this.#queue[at] as K;
      const entry = this.#entries.get(key);
      if (entry?.at === at) {
        entry.at = live.length;
        live.push(key);
      }
    }
    this.#queue = live;
    this.#head = 0;
  }
}

/** A set of the most recent `capacity` values (e.g. event ids for dedupe). */
export class BoundedSet<T> {
  readonly #map: BoundedMap<T, true>;

  constructor(capacity: number) {
    this.#map = new BoundedMap(capacity);
  }

  get size(): number {
    return this.#map.size;
  }

  has(value: T): boolean {
    return this.#map.has(value);
  }

  add(value: T): void {
    this.#map.set(value, true);
  }

  clear(): void {
    this.#map.clear();
  }
}

/**
 * How an event's version relates to the newest event already seen for the same entity.
 * - `newer`: first or newest so far.
 * - `same`: same version (the same server write, told by two events or a duplicate).
 * - `older-covered`: older, and a newer event already set every field this one sets: nothing to add.
 * - `older-uncovered`: older, and it sets a field the newer event did not. Copies already patched
 *   with the newer event carry its version, so a version check would drop this change: the bridge
 *   refetches those copies instead.
 */
export type VersionOrder = 'newer' | 'same' | 'older-covered' | 'older-uncovered';

type Seen = { version: number; fields: readonly string[] };

/** Newest event version and fields seen per entity (`goal:g-1`), for the last `capacity` entities. */
export class EntityVersions {
  readonly #seen: BoundedMap<string, Seen>;

  constructor(capacity: number) {
    this.#seen = new BoundedMap(capacity);
  }

  observe(ref: string, version: number, fields: readonly string[]): VersionOrder {
    const prev = this.#seen.get(ref);
    const order = compare(prev, version, fields);
    if (order === 'newer' && !Number.isNaN(version)) {
      this.#seen.set(ref, { version, fields });
    } else if (order === 'same' && prev !== undefined) {
      const missing = fields.filter((field) => !prev.fields.includes(field));
      if (missing.length > 0) this.#seen.set(ref, { version, fields: [...prev.fields, ...missing] });
    }
    return order;
  }

  /** What `observe` would answer, without remembering anything. */
  peek(ref: string, version: number, fields: readonly string[]): VersionOrder {
    return compare(this.#seen.get(ref), version, fields);
  }

  clear(): void {
    this.#seen.clear();
  }
}

function compare(prev: Seen | undefined, version: number, fields: readonly string[]): VersionOrder {
  if (Number.isNaN(version) || prev === undefined || version > prev.version) return 'newer';
  if (version === prev.version) return 'same';
  return fields.every((field) => prev.fields.includes(field)) ? 'older-covered' : 'older-uncovered';
}

/** Milliseconds of an ISO timestamp, or NaN when it is not one (then it is never "newer"). */
export function versionOf(timestamp: unknown): number {
  return typeof timestamp === 'string' ? Date.parse(timestamp) : Number.NaN;
}
