import { carryPositions, idOf, indexOfId, isRecord, type Item, type List } from './cache-updaters';
import { compareTimes } from './entity-versions';

const REMOVED = Symbol('removed');

/** Where an inserted item goes: by an ISO-time field, oldest first (`asc`) or newest first (`desc`). */
export type SortBy = { field: string; order: 'asc' | 'desc' };

/**
 * The changes a window of events makes to one cached list, made to one copy of its items: a list
 * of 1,650 items that 40 events patch is copied once, not 40 times, and written once.
 *
 * Items are found through the cached list's id → position map (see `indexOfId`), which stays
 * valid for the copy while items are only replaced, dropped (left as a hole until `build`),
 * appended, or put in front (a newest-first feed), and is handed on to the list it builds. An
 * insert in the middle (a sorted insert out of order) shifts positions; lookups then scan the
 * copy, which is fine for the short lists that get them.
 */
export class ListDraft {
  readonly #items: unknown[];
  /** Items added in front or at the end: id → position less `#prepended` (so a later prepend moves them all). */
  readonly #added = new Map<unknown, number>();
  /** Items put in front of the cached ones. */
  #prepended = 0;
  readonly #dropped = new Set<unknown>();
  #shifted = false;

  constructor(readonly base: List) {
    this.#items = base.items.slice();
  }

  /** The item with this id as the list will hold it, or undefined when it will not hold one. */
  get(id: unknown): Item | undefined {
    const at = this.#find(id);
    return at === -1 ? undefined : (this.#items[at] as Item);
  }

  /** Replace the item with this id (which `get` found), or drop it with `null`. */
  set(id: unknown, item: Item | null): void {
    const at = this.#find(id);
    if (at === -1) return;
    this.#items[at] = item ?? REMOVED;
    if (item === null) this.#dropped.add(id);
  }

  /** Add an item whose id the list does not hold (see `get`): at the end, or in `sortBy` order. */
  insert(item: Item, sortBy?: SortBy): void {
    const items = this.#items;
    const at = sortBy === undefined ? items.length : sortedPlace(items, item, sortBy);
    if (at === items.length) {
      items.push(item);
      if (!this.#shifted) this.#added.set(idOf(item), at - this.#prepended);
    } else if (at === 0 && !this.#shifted) {
      items.unshift(item);
      this.#prepended++;
      this.#added.set(idOf(item), -this.#prepended);
    } else {
      items.splice(at, 0, item);
      this.#shifted = true;
    }
  }

  /**
   * The list with every change applied; `publish` when it is about to be cached (its position map
   * is then handed over). `exact` is false when a dropped item's id is still in the list (the
   * cached list held that id twice): then the ids it holds are not just the cached ids plus and
   * minus the changes, and an index must re-read it.
   */
  build(publish = false): { list: List; exact: boolean } {
    // Only a published build hands out the draft's own array: any other (a dry run, a switch to
    // a pure updater) gets a copy, so no position map is ever cached for an array still changing.
    let items = publish ? this.#items : this.#items.slice();
    let exact = true;
    const front = this.#prepended;
    const live = (item: unknown) => item !== REMOVED;
    const prepended = this.#shifted ? [] : items.slice(0, front).filter(live);
    const appended = this.#shifted ? [] : items.slice(front + this.base.items.length).filter(live);
    if (this.#dropped.size > 0) {
      const kept: unknown[] = [];
      for (const item of items) {
        if (item === REMOVED) continue;
        if (this.#dropped.has(idOf(item))) exact = false;
        kept.push(item);
      }
      items = kept;
    }
    if (publish && !this.#shifted)
      carryPositions(this.base.items, items, appended, this.#items.length - items.length, prepended);
    return { list: { ...this.base, items }, exact };
  }

  #find(id: unknown): number {
    const items = this.#items;
    if (!this.#shifted) {
      const cached = indexOfId(this.base.items, id);
      if (cached === -1) {
        const added = this.#added.get(id);
        if (added === undefined) return -1;
        const at = added + this.#prepended;
        return items[at] === REMOVED ? -1 : at;
      }
      const at = cached + this.#prepended;
      if (items[at] !== REMOVED) return at;
    }
    // Positions moved, or that copy was dropped (a later copy with the same id may follow).
    for (let i = 0; i < items.length; i++) if (items[i] !== REMOVED && idOf(items[i]) === id) return i;
    return -1;
  }
}

/** Where `item` goes in `field` order; in-order arrivals (the usual case) compare with one neighbour. */
function sortedPlace(items: readonly unknown[], item: Item, { field, order }: SortBy): number {
  const time = item[field];
  if (order === 'asc') {
    let at = items.length;
    while (at > 0 && after(items[at - 1], field, time)) at--;
    return at;
  }
  let at = 0;
  while (at < items.length && after(items[at], field, time)) at++;
  return at;
}

/** `other` sorts after `time` (a dropped place is passed over). */
function after(other: unknown, field: string, time: unknown): boolean {
  return other === REMOVED || (isRecord(other) && compareTimes(other[field], time) > 0);
}
