/**
 * Pure updaters over cached values: entities (camelCase, as in lib/api/types) and lists
 * (`{ items: Entity[] }`). Each returns its input unchanged (same reference) when there is nothing
 * to do, so callers can tell "patched" from "no-op" by identity and React sees no new object.
 * Cached values of an unexpected shape are left alone rather than thrown on.
 */

export type Changes = Readonly<Record<string, unknown>>;
export type Item = Record<string, unknown>;
export type List = { items: readonly unknown[] };

/** Where an inserted item goes: by an ISO-time field, oldest first (`asc`) or newest first (`desc`). */
export type SortBy = { field: string; order: 'asc' | 'desc' };

export function isRecord(value: unknown): value is Item {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isList(value: unknown): value is List {
  return isRecord(value) && Array.isArray(value.items);
}

/** The id of a cached item (every entity's id field is `id`, see ENTITIES). */
export function idOf(item: unknown): unknown {
  return isRecord(item) ? item.id : undefined;
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

/**
 * `changes` merged into `entity` (with its version field, `updatedAt` by default, set to `version`) when the entity is older than the
 * event. Equal versions mean the same server write: only fields that differ are taken, so a
 * duplicate is a no-op and two events told about one write (status_changed + completed) combine.
 */
export function mergeEntity<T>(entity: T, changes: Changes, version: string, versionField = 'updatedAt'): T {
  if (!isRecord(entity)) return entity;
  const order = compareTimes(entity[versionField], version);
  if (order > 0) return entity;
  if (order === 0 && Object.keys(changes).every((key) => Object.is(entity[key], changes[key]))) {
    return entity;
  }
  return { ...entity, ...changes, [versionField]: version } as T;
}

/** Merges one event's changes into cached copies of its entity: the same result for the same input object. */
export interface Merger {
  merge<T>(value: T): T;
}

/** `mergeEntity` with one event's changes, memoized per copy: copies that shared an object still share one after the patch. */
export class EntityMerge implements Merger {
  #lastIn: unknown;
  #lastOut: unknown;
  #more: Map<unknown, unknown> | undefined;

  constructor(
    readonly changes: Changes,
    readonly version: string,
    readonly versionField: string,
  ) {}

  merge<T>(item: T): T {
    // Most events meet one object (the detail and every list share it): a one-entry memo first.
    if (item === this.#lastIn && this.#lastIn !== undefined) return this.#lastOut as T;
    let out = this.#more?.get(item) as T | undefined;
    if (out === undefined) {
      out = mergeEntity(item, this.changes, this.version, this.versionField);
      if (this.#lastIn !== undefined) (this.#more ??= new Map()).set(this.#lastIn, this.#lastOut);
      this.#lastIn = item;
      this.#lastOut = out;
    }
    return out;
  }

  /**
   * Forget the memo once the event is applied: a window's pending ops keep the merger until the
   * window is written, and the memo would keep every replaced copy alive that long (work for the
   * garbage collector). A replay merges afresh.
   */
  release(): void {
    this.#lastIn = this.#lastOut = this.#more = undefined;
  }
}

const REMOVE = Symbol('remove');

/** The list with item `id` replaced by `update(item)`, or dropped when it returns `REMOVE`. */
function updateItem(list: unknown, id: string, update: (item: Item) => Item | typeof REMOVE): unknown {
  if (!isList(list)) return list;
  const index = indexOfId(list.items, id);
  if (index === -1) return list;
  const item = list.items[index] as Item;
  const next = update(item);
  if (next === item) return list;
  const items = list.items.slice();
  if (next === REMOVE) {
    items.splice(index, 1);
    carryPositions(list.items, items, [], 1);
  } else {
    items[index] = next;
    carryPositions(list.items, items);
  }
  return { ...list, items };
}

/**
 * Patch entity `id` inside a (possibly filtered) list (`merge` defaults to `mergeEntity`). A list whose filters name a field the
 * event changed, with a value the entity no longer has, loses the entity: that is exactly what
 * the server's filtered list now returns, so no refetch is needed for it.
 */
export function patchEntityInList(
  list: unknown,
  id: string,
  changes: Changes,
  version: string,
  filters: Changes | undefined,
  merge: <T>(item: T) => T = (item) => mergeEntity(item, changes, version),
): unknown {
  return updateItem(list, id, (item) => {
    const merged = merge(item);
    if (merged === item) return item;
    return filters !== undefined && leavesFilters(merged, changes, filters) ? REMOVE : merged;
  });
}

/** The entity no longer matches a filter whose field the event changed. */
export function leavesFilters(entity: Item, changes: Changes, filters: Changes): boolean {
  for (const key of Object.keys(filters)) {
    if (key in changes && !Object.is(entity[key], filters[key])) return true;
  }
  return false;
}

/** The list with `item` added at the start or end, unless an item with its id is there already. */
export function insertItem(list: unknown, item: Item, position: 'start' | 'end'): unknown {
  if (!isList(list) || indexOfId(list.items, item.id) !== -1) return list;
  const items = position === 'start' ? [item, ...list.items] : [...list.items, item];
  return { ...list, items };
}

/**
 * The list with `item` inserted in `field` order (ISO timestamps), unless an item with its id is
 * there already. Out-of-order events still land in the right place; in-order ones (the usual
 * case) are placed without comparing against the rest of the list.
 */
export function insertSorted(list: unknown, item: Item, field: string, order: 'asc' | 'desc'): unknown {
  if (!isList(list)) return list;
  const items = list.items;
  if (indexOfId(items, item.id) !== -1) return list;
  const newer = (other: unknown) => isRecord(other) && compareTimes(other[field], item[field]) > 0;
  let index: number;
  if (order === 'asc') {
    index = items.length;
    while (index > 0 && newer(items[index - 1])) index--;
  } else {
    index = 0;
    while (index < items.length && newer(items[index])) index++;
  }
  const next = items.slice();
  next.splice(index, 0, item);
  return { ...list, items: next };
}

/** `container[field]` (an array of entities) with entity `id` merged with `changes`. */
export function patchEntityInArray(
  container: unknown,
  field: string,
  id: string,
  changes: Changes,
  version: string,
): unknown {
  if (!isRecord(container)) return container;
  const array = container[field];
  if (!Array.isArray(array)) return container;
  const patched = updateItem({ items: array }, id, (item) => mergeEntity(item, changes, version));
  if (!isList(patched) || patched.items === array) return container;
  return { ...container, [field]: patched.items };
}

// Positions of ids in long lists -------------------------------------------------------------

/**
 * Where each id sits in a long cached list, so that patching one item of a list of 1,650 does not
 * scan it. A map is built once per items array and handed on to the array that replaces it.
 *
 * A handed-on map may be a little out of date: items dropped since it was built shift later
 * items left by up to `slack` places, items put in front since shift every item right by
 * `offset` places (a newest-first feed), and items added since are kept in `extra`. A lookup
 * checks the few places an item can have moved to, and the map is rebuilt once the slack or the
 * extras grow past a bound, so a list that loses a few items per flush window is not re-read
 * from scratch every window.
 */

const LONG_LIST = 64;
const MAX_SLACK = 32;
const MAX_EXTRA = 32;

type Positions = {
  /** id → position when built: the true position is `offset` places higher, then at most `slack` places lower. */
  map: ReadonlyMap<unknown, number>;
  /** Added since (appended or put in front): id → position as the map counts them (the same bounds apply). */
  extra: ReadonlyMap<unknown, number> | undefined;
  slack: number;
  offset: number;
};

const positions = new WeakMap<readonly unknown[], Positions>();

/** Position of the first item with this id, or -1. */
export function indexOfId(items: readonly unknown[], id: unknown): number {
  if (items.length < LONG_LIST) {
    for (let i = 0; i < items.length; i++) if (idOf(items[i]) === id) return i;
    return -1;
  }
  let known = positions.get(items);
  if (known === undefined) positions.set(items, (known = build(items)));
  const mapped = known.extra?.get(id) ?? known.map.get(id);
  if (mapped === undefined) return -1;
  const at = mapped + known.offset;
  if (known.slack === 0) return at;
  for (let i = Math.max(0, at - known.slack), last = Math.min(at, items.length - 1); i <= last; i++) {
    if (idOf(items[i]) === id) return i;
  }
  return -1;
}

/**
 * `next` holds `previous`'s items in the same order, less `dropped` of them, with `prepended` in
 * front and `appended` at the end (same-id replacements keep a position). Hand the position map
 * on instead of rebuilding it on the next lookup.
 */
export function carryPositions(
  previous: readonly unknown[],
  next: readonly unknown[],
  appended: readonly unknown[] = [],
  dropped = 0,
  prepended: readonly unknown[] = [],
): void {
  const known = positions.get(previous);
  if (known === undefined) return;
  if (dropped === 0 && appended.length === 0 && prepended.length === 0) {
    positions.set(next, known);
    return;
  }
  const slack = known.slack + dropped;
  const added = appended.length + prepended.length;
  if (slack > MAX_SLACK || (known.extra?.size ?? 0) + added > MAX_EXTRA) return;
  const offset = known.offset + prepended.length;
  let extra = known.extra;
  if (added > 0) {
    const grown = new Map(extra);
    // Stored as the map counts: true position minus offset.
    prepended.forEach((item, at) => grown.set(idOf(item), at - offset));
    let at = next.length - appended.length;
    for (const item of appended) grown.set(idOf(item), at++ - offset);
    extra = grown;
  }
  positions.set(next, { map: known.map, extra, slack, offset });
}

function build(items: readonly unknown[]): Positions {
  const map = new Map<unknown, number>();
  for (let i = items.length - 1; i >= 0; i--) map.set(idOf(items[i]), i);
  return { map, extra: undefined, slack: 0, offset: 0 };
}
