import { compareTimes } from './entity-versions';
import { carryPositions, indexOfId } from './item-positions';

export { carryPositions, indexOfId } from './item-positions';

/**
 * Pure updaters over cached values: entities (camelCase, as in lib/api/types) and lists
 * (`{ items: Entity[] }`). Each returns its input unchanged (same reference) when there is nothing
 * to do, so callers can tell "patched" from "no-op" by identity and React sees no new object.
 * Cached values of an unexpected shape are left alone rather than thrown on.
 */

export type Changes = Readonly<Record<string, unknown>>;
export type Item = Record<string, unknown>;
export type List = { items: readonly unknown[] };

export function isRecord(value: unknown): value is Item {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isList(value: unknown): value is List {
  return isRecord(value) && Array.isArray(value.items);
}

export function idOf(item: unknown): unknown {
  return isRecord(item) ? item.id : undefined;
}

/**
 * `changes` merged into `entity` (with `updatedAt: version`) when the entity is older than the
 * event. Equal versions mean the same server write: only fields that differ are taken, so a
 * duplicate is a no-op and two events told about one write (status_changed + completed) combine.
 */
export function mergeEntity<T>(entity: T, changes: Changes, version: string): T {
  if (!isRecord(entity)) return entity;
  const order = compareTimes(entity.updatedAt, version);
  if (order > 0) return entity;
  if (order === 0 && Object.keys(changes).every((key) => Object.is(entity[key], changes[key]))) {
    return entity;
  }
  return { ...entity, ...changes, updatedAt: version } as T;
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
