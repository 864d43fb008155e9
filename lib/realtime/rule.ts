import type { QueryKey } from '@tanstack/query-core';
import type { DomainEvent, EventType } from '@/lib/protocol';
import type { Changes } from './cache-updaters';
import type { SortBy } from './list-draft';

/**
 * The shape of one event-map rule. Functions are declared as methods on purpose: method
 * parameters are bivariant, so a `Rule<'goal.created'>` can be handled as a `Rule` by the
 * generic apply code while each rule in the table is still checked against its own payload.
 */

/** A key computed from the event, or `null` when the event does not name one (e.g. no assignee). */
export type EventKey<T extends EventType> = QueryKey | ((event: DomainEvent<T>) => QueryKey | null);

/** The one entity an event changes, wherever it is cached: its detail and every list holding it. */
export interface EntityTarget<T extends EventType> {
  /** Entity kind, for logs and ordering state (`action` → `action:a-1`). */
  kind: 'goal' | 'action' | 'measure' | 'issue';
  id(event: DomainEvent<T>): string;
  /** The server time of the change: copies with a newer `updatedAt` are left alone. */
  version(event: DomainEvent<T>): string;
  /** Fields the event sets (camelCase entity fields). */
  changes(event: DomainEvent<T>): Changes;
  /** Its detail key, patched when cached. */
  detail(id: string): QueryKey;
  /** Prefix of its lists (`[kind, 'list']`): every cached list under it that holds the entity is patched. */
  lists: QueryKey;
}

/**
 * An exact key whose cached value the event rewrites: either a pure updater (same reference when
 * unchanged), or `insert`, an item added to the cached list unless an item with its id is there
 * (declared rather than written as an updater, so that a window of events adds to one copy of the
 * list instead of copying it per event). Neither ever creates a cache entry.
 */
export type PatchTarget<T extends EventType> = UpdateTarget<T> | InsertTarget<T>;

export interface UpdateTarget<T extends EventType> {
  key: EventKey<T>;
  update(cached: unknown, event: DomainEvent<T>): unknown;
}

export interface InsertTarget<T extends EventType> {
  key: EventKey<T>;
  insert(event: DomainEvent<T>): Changes;
  /** Placed by this ISO-time field, oldest first (`asc`) or newest first (`desc`); default: at the end. */
  sortBy?: SortBy;
}

/** A key to invalidate: a prefix (partial match, as TanStack Query matches keys) or, with `exact`, one key. */
export interface InvalidateTarget<T extends EventType> {
  key: EventKey<T>;
  exact?: boolean;
}

export interface Rule<T extends EventType = EventType> {
  /** Why the rule does what it does, in one line (printed by the map report and the devtools). */
  note: string;
  entity?: EntityTarget<T>;
  patch?: readonly PatchTarget<T>[];
  invalidate?: readonly InvalidateTarget<T>[];
}

/** The whole table: exactly one rule per event type. */
export type EventMap = { readonly [K in EventType]: Rule<K> };

export function resolveKey<T extends EventType>(key: EventKey<T>, event: DomainEvent<T>): QueryKey | null {
  return typeof key === 'function' ? key(event) : key;
}
