import { BoundedMap } from './bounded';

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

/**
 * Compare two ISO timestamps: negative, 0 or positive, or NaN when either is not a timestamp.
 * UTC strings of the same shape compare as text, which is exact and avoids parsing on the hot path.
 */
export function compareTimes(a: unknown, b: unknown): number {
  if (typeof a !== 'string' || typeof b !== 'string') return Number.NaN;
  if (a.length === b.length && a[10] === 'T' && b[10] === 'T' && a.endsWith('Z') && b.endsWith('Z')) {
    return a < b ? -1 : a > b ? 1 : 0;
  }
  return Date.parse(a) - Date.parse(b);
}
