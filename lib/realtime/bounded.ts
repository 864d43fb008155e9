/**
 * Insertion-ordered map that forgets its oldest entry past `capacity`, so per-event memory
 * (seen ids, entity versions) stays bounded however long the socket lives.
 */
export class BoundedMap<K, V> {
  readonly #entries = new Map<K, V>();

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
    return this.#entries.get(key);
  }

  /** Sets the value and makes the key the newest entry. */
  set(key: K, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.capacity) this.#entries.delete(this.#entries.keys().next().value as K);
  }

  clear(): void {
    this.#entries.clear();
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
