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
