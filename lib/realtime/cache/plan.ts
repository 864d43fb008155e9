import type { Query, QueryCache, QueryKey } from '@tanstack/query-core';
import { eventEntity, redact, type DomainEvent, type EventType } from '@/lib/protocol';
import type { CacheIndex } from './cache-index';
import { coveredKeys, ENTITIES, type EntityInfo, type EntityKind } from './entities';
import { eventMap, resolveKey, type EntityTarget, type PatchTarget, type Rule } from './event-map';
import type { InflightGuard } from './inflight-guard';
import { keyHash } from './key-buckets';
import { EntityMerge, type Changes } from './list-updaters';
import { versionOf, type EntityVersions } from './memory';
import { updaterOf, type Op, type WriteBatch } from './write-batch';

/**
 * Steps 2 and 3 of an event's trip, decode → plan → apply → flush (docs/architecture.md).
 *
 * Plan: what the event's rule targets in the cache right now. Synchronous and with no scan of the
 * cache: exact keys are looked up by hash, lists holding the entity come from the index. Planning
 * changes nothing; `applyPlan` does.
 */

/** The cache as planning and applying see it: the queries, the list index, the in-flight guard, ordering memory and the window's writes. */
export interface CacheContext {
  queryCache: QueryCache;
  index: CacheIndex;
  guard: InflightGuard;
  versions: EntityVersions;
  writes: WriteBatch;
}

export type Invalidation = { key: QueryKey; exact: boolean };

/** The one entity an event changes, resolved: `ref` names it in logs and ordering memory (`action:a-1`). */
export type PlannedEntity = {
  kind: EntityKind;
  ref: string;
  id: string;
  version: string;
  changes: Changes;
  fields: string[];
  info: EntityInfo;
  /** Merges the event's changes into cached copies (memoized per copy). */
  merge: EntityMerge;
};

/** One cached query and the change the event makes to it. */
export type Target = { query: Query; op: Op };

export type Plan = {
  event: DomainEvent;
  /** The rule's note, for the devtools. */
  note: string;
  entity: PlannedEntity | undefined;
  /** Cached queries to patch, in order: the entity's detail, every list holding it, then the rule's other keys. */
  targets: Target[];
  /** Lists under the entity's prefix with a fetch in flight that do not hold it now (their response may), with the entity's op. */
  fetching: Target[];
  /** What the rule invalidates (queued only when the event is not stale). */
  invalidations: Invalidation[];
  /** Set when the rule threw: the plan then only refetches the event's families. */
  error?: string;
};

/** Look up the event's rule and resolve it against the cache; never throws (a failing rule falls back to refetching). */
export function planEvent(
  event: DomainEvent,
  cache: CacheContext,
  rule: Rule | undefined = eventMap[event.type] as Rule | undefined,
  entities: Readonly<Record<EntityKind, EntityInfo>> = ENTITIES,
): Plan {
  try {
    if (rule === undefined) throw new Error('no rule in the event map');
    const entity = rule.entity === undefined ? undefined : resolveEntity(rule.entity, event, entities);
    const targets: Target[] = [];
    const fetching: Target[] = [];
    if (entity !== undefined) {
      if (entity.info.detail !== null)
        target(cache, targets, entity.info.detail(entity.id), { kind: 'merge', entity: entity.merge });
      // A copy of the index's set: applying may drop the entity from a list, and so the list from the set.
      const op: Op = {
        kind: 'entity',
        id: entity.id,
        entity: entity.merge,
        changes: entity.changes,
        depth: entity.info.lists.length,
      };
      for (const query of cache.index.listsContaining(entity.info.lists, entity.id)) targets.push({ query, op });
      for (const query of cache.index.fetchingUnder(entity.info.lists)) {
        if (!targets.some((t) => t.query === query)) fetching.push({ query, op });
      }
    }
    for (const patch of rule.patch ?? []) {
      const key = resolveKey(patch.key, event);
      if (key !== null) target(cache, targets, key, opOf(patch, event));
    }
    const invalidations: Invalidation[] = [];
    for (const invalidate of rule.invalidate ?? []) {
      const key = resolveKey(invalidate.key, event);
      if (key !== null) invalidations.push({ key, exact: invalidate.exact === true });
    }
    return { event, note: rule.note, entity, targets, fetching, invalidations };
  } catch (thrown) {
    return { ...fallback(event, thrown), note: rule?.note ?? NO_RULE };
  }
}

const NO_RULE = 'No rule for this event type: everything the map covers is refetched.';

/**
 * Never throw into the socket handler: a rule that throws (a bug, or a cached value of an
 * unexpected shape) refetches what the event may touch instead: its kind's families.
 */
export function fallback(event: DomainEvent, thrown: unknown): Omit<Plan, 'note'> {
  const detail = thrown instanceof Error ? thrown.message : String(thrown);
  const error = redact(`Applying ${event.type} failed (${detail}); its family is refetched instead.`);
  const row = (ENTITIES as Partial<Record<string, EntityInfo>>)[eventEntity(event.type)];
  const keys = row === undefined ? coveredKeys : row.families;
  return {
    event,
    entity: undefined,
    targets: [],
    fetching: [],
    invalidations: keys.map((key) => ({ key, exact: false })),
    error,
  };
}

function resolveEntity(
  target: EntityTarget<EventType>,
  event: DomainEvent,
  entities: Readonly<Record<EntityKind, EntityInfo>>,
): PlannedEntity {
  const id = target.id(event);
  const version = target.version(event);
  const changes = target.changes(event);
  const info = entities[target.kind];
  return {
    kind: target.kind,
    ref: `${target.kind}:${id}`,
    id,
    version,
    changes,
    fields: Object.keys(changes),
    info,
    merge: new EntityMerge(changes, version, info.versionField),
  };
}

function target(cache: CacheContext, targets: Target[], key: QueryKey, op: Op): void {
  const query = cache.queryCache.get(keyHash(key));
  if (query !== undefined) targets.push({ query, op });
}

function opOf(target: PatchTarget<EventType>, event: DomainEvent): Op {
  if ('insert' in target) return { kind: 'insert', item: target.insert(event), sortBy: target.sortBy };
  return { kind: 'update', update: (cached) => target.update(cached, event) };
}

// Step 3: apply ---------------------------------------------------------------------------------

/**
 * Apply: the plan's patches go into the
 * window's write batch (written once per frame, see WriteBatch), each evaluated against the cache
 * as that batch will leave it; lists with a fetch in flight get the patch remembered by the
 * in-flight guard. Invalidations are returned, not run: the bridge queues them for the flush.
 *
 * An event is `stale` when something it would patch is cached and every such copy is already as
 * new as the event: it then changes nothing, not even its invalidations.
 */

export type Applied =
  | {
      status: 'applied';
      entity?: string;
      patched: QueryKey[];
      invalidations: Invalidation[];
      note: string;
      error?: string;
    }
  | { status: 'stale'; entity?: string; detail: string; note: string };

/** `apply` records the event; `dry-run` only says what it would do, changing no state at all. */
export type ApplyMode = 'apply' | 'dry-run';

/** Apply a plan; never throws (a rule that throws while merging falls back to refetching, as in planning). */
export function applyPlan(plan: Plan, cache: CacheContext, mode: ApplyMode = 'apply'): Applied {
  if (plan.error !== undefined) return applied(plan, plan.invalidations, [], plan.error);
  try {
    return run(plan, cache, mode === 'apply');
  } catch (thrown) {
    const failed = fallback(plan.event, thrown);
    return applied({ ...plan, entity: undefined }, failed.invalidations, [], failed.error);
  } finally {
    plan.entity?.merge.release();
  }
}

function run(plan: Plan, cache: CacheContext, record: boolean): Applied {
  const { entity } = plan;
  let touched = 0;
  const patched: QueryKey[] = [];
  // Copies already patched with a newer event carry its version, so this older event's other
  // fields cannot be merged by version: refetch them (see EntityVersions).
  const homes: QueryKey[] | undefined =
    entity !== undefined && isOlderUncovered(entity, cache, record) ? [] : undefined;
  for (const { query, op } of plan.targets) {
    if (record && query.state.fetchStatus !== 'idle') cache.guard.defer(query, updaterOf(op, query));
    if (query.state.data === undefined) continue;
    touched++;
    homes?.push(query.queryKey);
    if (cache.writes.apply(query, op, record)) patched.push(query.queryKey);
  }
  // A list with a fetch in flight may hold the entity in its response even if not in its data now.
  if (record) for (const { query, op } of plan.fetching) cache.guard.defer(query, updaterOf(op, query));
  const invalidations: Invalidation[] = homes === undefined ? [] : homes.map((key) => ({ key, exact: true }));
  if (touched > 0 && patched.length === 0 && invalidations.length === 0) {
    return { status: 'stale', entity: entity?.ref, detail: staleDetail(entity), note: plan.note };
  }
  invalidations.push(...plan.invalidations);
  return applied(plan, invalidations, patched);
}

function isOlderUncovered(entity: PlannedEntity, cache: CacheContext, record: boolean): boolean {
  const version = versionOf(entity.version);
  const order = record
    ? cache.versions.observe(entity.ref, version, entity.fields)
    : cache.versions.peek(entity.ref, version, entity.fields);
  return order === 'older-uncovered';
}

function applied(plan: Plan, invalidations: Invalidation[], patched: QueryKey[], error?: string): Applied {
  const out: Applied = { status: 'applied', entity: plan.entity?.ref, patched, invalidations, note: plan.note };
  if (error !== undefined) out.error = error;
  return out;
}

function staleDetail(entity: PlannedEntity | undefined): string {
  return entity === undefined
    ? 'Already in every cached list it belongs to.'
    : `Every cached copy of ${entity.ref} is as new as this event (${entity.version}) or newer.`;
}
