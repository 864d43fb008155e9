import { notifyManager, type Query, type QueryCacheNotifyEvent } from '@tanstack/query-core';
import { writePatch, type Updater } from './inflight-guard';
import {
  idOf,
  indexOfId,
  insertItem,
  insertSorted,
  isList,
  isRecord,
  leavesFilters,
  patchEntityInList,
  type Changes,
  type Item,
  carryPositions,
  compareTimes,
  type List,
  type Merger,
  type SortBy,
} from './list-updaters';

/** What the batch tells the list index (CacheIndex) about the lists it writes, so the index need not re-read them. */
export interface ListIndex {
  /** A pending write adds (or drops) `id` in `query`'s list. */
  noteVirtual(query: Query, id: string, added: boolean): void;
  /** The batch wrote over `previous` exactly the ids it noted: take the new data as indexed. */
  published(query: Query, previous: unknown): void;
  /** The batch wrote over `previous` with changes it did not note one by one: re-read its ids. */
  noteWrite(query: Query, previous: unknown): void;
}

/** One change one event makes to one cached value. */
export type Op =
  /** The entity's own copy (its detail): merged with the event. */
  | { kind: 'merge'; entity: Merger }
  /** The entity inside a list: merged, or dropped from a list whose filters (key part `depth`) it now fails. */
  | { kind: 'entity'; id: string; entity: Merger; changes: Changes; depth: number }
  /** An item added to a list (at the end, or in `sortBy` order) unless an item with its id is there. */
  | { kind: 'insert'; item: Item; sortBy: SortBy | undefined }
  /** Any other pure updater of the whole value. */
  | { kind: 'update'; update: Updater };

/** The op as a pure updater of the whole cached value (for the in-flight guard and for replays). */
export function updaterOf(op: Op, query: Query): Updater {
  switch (op.kind) {
    case 'merge':
      return (cached) => op.entity.merge(cached);
    case 'entity': {
      const filters = filtersOf(query, op.depth);
      return (cached) => patchEntityInList(cached, op.id, op.changes, '', filters, (item) => op.entity.merge(item));
    }
    case 'insert': {
      const { item, sortBy } = op;
      return sortBy === undefined
        ? (cached) => insertItem(cached, item, 'end')
        : (cached) => insertSorted(cached, item, sortBy.field, sortBy.order);
    }
    case 'update':
      return op.update;
  }
}

type Draft = {
  query: Query;
  /** The cached data the draft was opened on. */
  base: unknown;
  /** Every op taken, in order, to replay over the data if it is written from elsewhere first. */
  ops: Op[];
  /** One copy of a list that only got entity and insert ops, changed in place. */
  list: ListDraft | undefined;
  /** Otherwise the value after the ops, each applied as a pure updater. */
  value: unknown;
  /** A pure updater ran: which ids the list gained or lost is not known, the index re-reads it. */
  opaque: boolean;
};

/**
 * The patches of one flush window, written together: each affected query once, in one notify
 * batch, however many events changed it. Until then the batch answers for the cache as it will be
 * (`apply` evaluates each event against the pending value), so stale and duplicate checks stay per
 * event and synchronous.
 *
 * Data written from elsewhere before the window's write (a REST response, an optimistic update)
 * takes the pending changes on top of it at once: the ops are replayed over it. They are
 * version-guarded and idempotent, so a response newer than the events is left as it is.
 */
export class WriteBatch {
  readonly #drafts = new Map<Query, Draft>();
  #writing = false;

  constructor(private readonly index: ListIndex) {}

  /** Queries with a pending write. */
  get size(): number {
    return this.#drafts.size;
  }

  /**
   * Whether `op` changes what `query` will show once the window is written. With `record` the
   * change is kept for that write; without it nothing changes (a dry run).
   */
  apply(query: Query, op: Op, record: boolean): boolean {
    let draft = this.#drafts.get(query);
    if (draft !== undefined && draft.base !== query.state.data) {
      // Written from elsewhere and not yet caught by `handle` (a nested cache event).
      if (!record) return changes(replay(draft.ops, query, query.state.data), op, query);
      this.#write(draft);
      draft = undefined;
    }
    if (draft === undefined) {
      const data = query.state.data;
      if (data === undefined) return false;
      if (!record) return changes(data, op, query);
      const opened: Draft = { query, base: data, ops: [], list: undefined, value: data, opaque: false };
      if ((op.kind === 'entity' || op.kind === 'insert') && isList(data)) {
        // Copying a long list only to find the op changes nothing would be waste: look first.
        if (unchangedBy(data.items, op)) return false;
        opened.list = new ListDraft(data);
      }
      if (!this.#take(opened, op)) return false;
      this.#drafts.set(query, opened);
      return true;
    }
    if (!record) return changes(draft.list === undefined ? draft.value : draft.list.build().list, op, query);
    return this.#take(draft, op);
  }

  /** Write every pending change: each query once, in one notify batch. */
  commit(): void {
    if (this.#drafts.size === 0) return;
    const drafts = [...this.#drafts.values()];
    notifyManager.batch(() => {
      for (const draft of drafts) this.#write(draft);
    });
  }

  /** Feed every QueryCache event here. */
  handle(event: QueryCacheNotifyEvent): void {
    if (event.type === 'removed') {
      this.#drafts.delete(event.query);
      return;
    }
    if (event.type !== 'updated' || this.#writing) return;
    const draft = this.#drafts.get(event.query);
    if (draft !== undefined && event.query.state.data !== draft.base) this.#write(draft);
  }

  /** Apply `op` to the draft; false (and the draft unchanged) when it changes nothing. */
  #take(draft: Draft, op: Op): boolean {
    const { query } = draft;
    if (draft.list !== undefined && (op.kind === 'entity' || op.kind === 'insert')) {
      const list = draft.list;
      if (op.kind === 'insert') {
        if (list.get(idOf(op.item)) !== undefined) return false;
        list.insert(op.item, op.sortBy);
        this.#noteId(query, idOf(op.item), true);
      } else {
        const item = list.get(op.id);
        const merged = item === undefined ? item : op.entity.merge(item);
        if (merged === item || merged === undefined) return false;
        const drop = leaves(merged, op, query);
        list.set(op.id, drop ? null : merged);
        if (drop) this.#noteId(query, op.id, false);
      }
    } else {
      const current = draft.list === undefined ? draft.value : draft.list.build().list;
      const next = updaterOf(op, query)(current);
      if (next === current || next === undefined) return false;
      if (op.kind === 'insert') this.#noteId(query, idOf(op.item), true);
      else if (op.kind === 'entity' && isList(current) && isList(next) && next.items.length < current.items.length) {
        this.#noteId(query, op.id, false);
      } else if (op.kind === 'update') draft.opaque = true;
      draft.list = undefined;
      draft.value = next;
    }
    draft.ops.push(op);
    return true;
  }

  #noteId(query: Query, id: unknown, added: boolean): void {
    if (typeof id === 'string') this.index.noteVirtual(query, id, added);
  }

  #write(draft: Draft): void {
    const { query } = draft;
    this.#drafts.delete(query);
    const current = query.state.data;
    let next: unknown;
    let exact = !draft.opaque;
    if (current !== draft.base) {
      next = replay(draft.ops, query, current);
      exact = false;
    } else if (draft.list !== undefined) {
      const built = draft.list.build(true);
      next = built.list;
      exact &&= built.exact;
    } else {
      next = draft.value;
    }
    if (next === current || next === undefined) return;
    this.#writing = true;
    try {
      writePatch(query, next);
    } finally {
      this.#writing = false;
    }
    if (exact) this.index.published(query, current);
    else this.index.noteWrite(query, current);
  }
}

/** Whether `op` would change `value` (a dry run over a value nobody else holds a draft of). */
function changes(value: unknown, op: Op, query: Query): boolean {
  if (value === undefined) return false;
  const next = updaterOf(op, query)(value);
  return next !== value && next !== undefined;
}

function unchangedBy(items: readonly unknown[], op: Extract<Op, { kind: 'entity' | 'insert' }>): boolean {
  if (op.kind === 'insert') return indexOfId(items, idOf(op.item)) !== -1;
  const at = indexOfId(items, op.id);
  return at === -1 || op.entity.merge(items[at]) === items[at];
}

function replay(ops: readonly Op[], query: Query, data: unknown): unknown {
  let value = data;
  for (const op of ops) {
    const next = updaterOf(op, query)(value);
    if (next !== undefined) value = next;
  }
  return value;
}

function leaves(merged: Item, op: Extract<Op, { kind: 'entity' }>, query: Query): boolean {
  const filters = filtersOf(query, op.depth);
  return filters !== undefined && leavesFilters(merged, op.changes, filters);
}

function filtersOf(query: Query, depth: number): Changes | undefined {
  const part = query.queryKey[depth];
  return isRecord(part) ? part : undefined;
}

// One copy of a list per window ---------------------------------------------------------------

const REMOVED = Symbol('removed');

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
