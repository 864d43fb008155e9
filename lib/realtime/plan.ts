import type { Query, QueryKey } from '@tanstack/query-core';
import type { DomainEvent } from '@/lib/protocol';
import type { ApplyContext } from './apply-event';
import { runRule } from './run-rule';

/** A cached query an event's invalidations match, and whether it would refetch (active) or only be marked stale. */
export type PlannedInvalidation = { queryKey: QueryKey; active: boolean };

/** What an event would do to the cache right now (`CacheBridge.plan`). */
export type EventPlan =
  | {
      status: 'would-apply';
      /** Cached keys it would write. */
      patched: QueryKey[];
      /** Cached queries its invalidations match. */
      invalidated: PlannedInvalidation[];
      /** The rule's note (and, when the rule would fail, why and what happens instead). */
      notes: string;
    }
  | { status: 'would-ignore'; reason: 'stale' | 'duplicate'; detail: string };

export type PlanDeps = {
  ctx: ApplyContext;
  /** The bridge already applied an event with this id. */
  seen: (id: string) => boolean;
  /** The cached queries a key matches (one key with `exact`, else every key under the prefix). */
  match: (key: QueryKey, exact: boolean) => Iterable<Query>;
};

/**
 * A dry run of one event against the cache as the bridge will leave it (pending patches
 * included): the same rule code as `applyEvent` in its `plan` mode, which remembers nothing,
 * writes nothing and counts nothing.
 */
export function planEvent(event: DomainEvent, deps: PlanDeps): EventPlan {
  if (event.id !== undefined && deps.seen(event.id)) {
    return { status: 'would-ignore', reason: 'duplicate', detail: `Event id ${event.id} was already applied.` };
  }
  const { result, note, error } = runRule(event, deps.ctx, 'plan');
  if (result.status === 'stale') return { status: 'would-ignore', reason: 'stale', detail: result.detail };
  const invalidated = new Map<Query, PlannedInvalidation>();
  for (const { key, exact } of result.invalidations) {
    for (const query of deps.match(key, exact)) {
      if (!invalidated.has(query)) invalidated.set(query, { queryKey: query.queryKey, active: query.isActive() });
    }
  }
  return {
    status: 'would-apply',
    patched: result.patched,
    invalidated: [...invalidated.values()],
    notes: error === undefined ? note : `${note} ${error}`,
  };
}
