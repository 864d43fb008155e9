/**
 * Where each id sits in a long cached list, so that patching one item of a list of 1,650 does not
 * scan it. A map is built once per items array and handed on to the array that replaces it.
 *
 * A handed-on map may be a little out of date: items dropped since it was built shift later
 * items left by up to `slack` places, and items appended since are kept in `extra`. A lookup
 * checks the few places an item can have moved to, and the map is rebuilt once the slack or the
 * extras grow past a bound, so a list that loses a few items per flush window is not re-read
 * from scratch every window.
 */

const LONG_LIST = 64;
const MAX_SLACK = 32;
const MAX_EXTRA = 256;

type Positions = {
  /** id → position when built: the true position is at most `slack` places lower. */
  map: ReadonlyMap<unknown, number>;
  /** Appended since: id → position when appended (the same bound applies). */
  extra: ReadonlyMap<unknown, number> | undefined;
  slack: number;
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
  const at = known.extra?.get(id) ?? known.map.get(id);
  if (at === undefined) return -1;
  if (known.slack === 0) return at;
  for (let i = Math.max(0, at - known.slack), last = Math.min(at, items.length - 1); i <= last; i++) {
    if (idOf(items[i]) === id) return i;
  }
  return -1;
}

/**
 * `next` holds `previous`'s items in the same order, less `dropped` of them, with `appended` at
 * the end (or in place of some: same-id replacements keep a position). Hand the position map on
 * instead of rebuilding it on the next lookup.
 */
export function carryPositions(previous: readonly unknown[], next: readonly unknown[], appended: readonly unknown[] = [], dropped = 0): void {
  const known = positions.get(previous);
  if (known === undefined) return;
  if (dropped === 0 && appended.length === 0) {
    positions.set(next, known);
    return;
  }
  const slack = known.slack + dropped;
  if (slack > MAX_SLACK || (known.extra?.size ?? 0) + appended.length > MAX_EXTRA) return;
  let extra = known.extra;
  if (appended.length > 0) {
    const grown = new Map(extra);
    let at = next.length - appended.length;
    for (const item of appended) grown.set(idOf(item), at++);
    extra = grown;
  }
  positions.set(next, { map: known.map, extra, slack });
}

function build(items: readonly unknown[]): Positions {
  const map = new Map<unknown, number>();
  for (let i = items.length - 1; i >= 0; i--) map.set(idOf(items[i]), i);
  return { map, extra: undefined, slack: 0 };
}

function idOf(item: unknown): unknown {
  return typeof item === 'object' && item !== null && !Array.isArray(item) ? (item as { id?: unknown }).id : undefined;
}
