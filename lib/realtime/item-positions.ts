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

function idOf(item: unknown): unknown {
  return typeof item === 'object' && item !== null && !Array.isArray(item) ? (item as { id?: unknown }).id : undefined;
}

/** Whether `items` has a position map (built or handed on), i.e. the next lookup will not build one. */
export function knowsPositions(items: readonly unknown[]): boolean {
  return positions.has(items);
}
