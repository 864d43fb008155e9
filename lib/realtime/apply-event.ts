import { notifyManager, type Query, type QueryCache, type QueryKey } from '@tanstack/query-core';
import type { DomainEvent, EventType } from '@/lib/protocol';
import type { CacheIndex } from './cache-index';
import { isRecord, mergeEntity, patchEntityInList, type Changes } from './cache-updaters';
import { versionOf, type EntityVersions } from './entity-versions';
import type { InflightGuard, Updater } from './inflight-guard';
import { keyHash } from './key-hash';
import { writePatch } from './query-write';
import { resolveKey, type EntityTarget, type Rule } from './rule';

/** What applying a rule needs: the cache, the list index, the in-flight guard and ordering state. */
export interface ApplyContext {
  queryCache: QueryCache;
  index: CacheIndex;
  guard: InflightGuard;
  versions: EntityVersions;
}

export type Invalidation = { key: QueryKey; exact: boolean };

export type ApplyResult =
  | { status: 'applied'; entity?: string; patched: QueryKey[]; invalidations: Invalidation[] }
  | { status: 'stale'; entity?: string; detail: string };

type Entity = {
  ref: string;
  id: string;
  version: string;
  changes: Changes;
  fields: string[];
  target: EntityTarget<EventType>;
  /** `mergeEntity` with this event's changes, memoized by input: copies that shared an object still share one after the patch. */
  merge: <T>(item: T) => T;
};

type Run = {
  ctx: ApplyContext;
  /** Cached values the rule looked at (data present). */
  touched: number;
  patched: QueryKey[];
  /** Keys whose cached value holds the entity, refetched when the event arrived out of order. */
  homes: QueryKey[];
};

/**
 * Run one rule of the event map for one event, synchronously and with no scan of the cache:
 * exact keys are looked up by hash, lists holding the entity come from the index. All writes go
 * out in one notify batch. Invalidations are returned, not run: the bridge coalesces them.
 *
 * An event is `stale` when something it would patch is cached and every such copy is already as
 * new as the event: it then changes nothing, not even its invalidations.
 */
export function applyRule(rule: Rule, event: DomainEvent, ctx: ApplyContext): ApplyResult {
  const run: Run = { ctx, touched: 0, patched: [], homes: [] };
  const entity = rule.entity === undefined ? undefined : resolveEntity(rule.entity, event);
  const order = entity === undefined ? 'newer' : ctx.versions.observe(entity.ref, versionOf(entity.version), entity.fields);

  notifyManager.batch(() => {
    if (entity !== undefined) {
      patchKey(run, entity.target.detail(entity.id), entity.merge);
      patchLists(run, entity);
    }
    for (const target of rule.patch ?? []) {
      const key = resolveKey(target.key, event);
      if (key !== null) patchKey(run, key, (cached) => target.update(cached, event));
    }
  });

  // Copies already patched with a newer event carry its version, so this older event's other
  // fields cannot be merged by version: refetch them (see EntityVersions).
  const invalidations: Invalidation[] =
    order === 'older-uncovered' ? run.homes.map((key) => ({ key, exact: true })) : [];
  if (run.touched > 0 && run.patched.length === 0 && invalidations.length === 0) {
    return { status: 'stale', entity: entity?.ref, detail: staleDetail(entity) };
  }
  for (const target of rule.invalidate ?? []) {
    const key = resolveKey(target.key, event);
    if (key !== null) invalidations.push({ key, exact: target.exact === true });
  }
  return { status: 'applied', entity: entity?.ref, patched: run.patched, invalidations };
}

function resolveEntity(target: EntityTarget<EventType>, event: DomainEvent): Entity {
  const id = target.id(event);
  const changes = target.changes(event);
  const version = target.version(event);
  const merged = new Map<unknown, unknown>();
  const merge = <T>(item: T): T => {
    let out = merged.get(item) as T | undefined;
    if (out === undefined) merged.set(item, (out = mergeEntity(item, changes, version)));
    return out;
  };
  return { ref: `${target.kind}:${id}`, id, version, changes, fields: Object.keys(changes), target, merge };
}

function patchKey(run: Run, key: QueryKey, update: Updater): void {
  const query = run.ctx.queryCache.get(keyHash(key));
  if (query !== undefined) patchQuery(run, query, update);
}

function patchLists(run: Run, entity: Entity): void {
  const { index, guard } = run.ctx;
  const lists = entity.target.lists;
  const updaterFor = (query: Query): Updater => {
    const filters = query.queryKey[lists.length];
    const named = isRecord(filters) ? filters : undefined;
    return (cached) => patchEntityInList(cached, entity.id, entity.changes, entity.version, named, entity.merge);
  };
  const containing = [...index.listsContaining(lists, entity.id)];
  // patchEntityInList replaces the item in place or removes it: same length means same ids.
  for (const query of containing) patchQuery(run, query, updaterFor(query), true);
  // A list with a fetch in flight may hold the entity in the response even if not in its data now.
  for (const query of index.fetchingUnder(lists)) {
    if (!containing.includes(query)) guard.defer(query, updaterFor(query));
  }
}

function patchQuery(run: Run, query: Query, update: Updater, sameIdsIfSameLength = false): void {
  if (query.state.fetchStatus !== 'idle') run.ctx.guard.defer(query, update);
  const data = query.state.data;
  if (data === undefined) return;
  run.touched++;
  run.homes.push(query.queryKey);
  const next = update(data);
  if (next === data || next === undefined) return;
  writePatch(query, next);
  run.ctx.index.noteWrite(query, data, sameIdsIfSameLength);
  run.patched.push(query.queryKey);
}

function staleDetail(entity: Entity | undefined): string {
  return entity === undefined
    ? 'Already in every cached list it belongs to.'
    : `Every cached copy of ${entity.ref} is as new as this event (${entity.version}) or newer.`;
}
