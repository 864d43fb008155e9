import type { Query, QueryCache, QueryKey } from '@tanstack/query-core';
import type { DomainEvent, EventType } from '@/lib/protocol';
import type { CacheIndex } from './cache-index';
import { mergeEntity, type Changes } from './cache-updaters';
import { versionOf, type EntityVersions } from './entity-versions';
import type { InflightGuard } from './inflight-guard';
import { keyHash } from './key-hash';
import { resolveKey, type EntityTarget, type PatchTarget, type Rule } from './rule';
import { updaterOf, type Merger, type Op, type WriteBatch } from './write-batch';

/** What applying a rule needs: the cache, the list index, the in-flight guard, ordering state and the window's writes. */
export interface ApplyContext {
  queryCache: QueryCache;
  index: CacheIndex;
  guard: InflightGuard;
  versions: EntityVersions;
  writes: WriteBatch;
}

export type Invalidation = { key: QueryKey; exact: boolean };

export type ApplyResult =
  | { status: 'applied'; entity?: string; patched: QueryKey[]; invalidations: Invalidation[] }
  | { status: 'stale'; entity?: string; detail: string };

/** `apply` records the event; `plan` only says what it would do, changing no state at all. */
export type ApplyMode = 'apply' | 'plan';

/** The one entity an event changes, and its changes merged into cached copies (memoized per input object). */
class Entity implements Merger {
  readonly ref: string;
  readonly fields: string[];
  #lastIn: unknown;
  #lastOut: unknown;
  #more: Map<unknown, unknown> | undefined;

  constructor(
    readonly target: EntityTarget<EventType>,
    readonly id: string,
    readonly version: string,
    readonly changes: Changes,
  ) {
    this.ref = `${target.kind}:${id}`;
    this.fields = Object.keys(changes);
  }

  /** `mergeEntity` with this event's changes; copies that shared an object still share one after the patch. */
  merge<T>(item: T): T {
    // Most events meet one object (the detail and every list share it): a one-entry memo first.
    if (item === this.#lastIn && this.#lastIn !== undefined) return this.#lastOut as T;
    let out = this.#more?.get(item) as T | undefined;
    if (out === undefined) {
      out = mergeEntity(item, this.changes, this.version);
      if (this.#lastIn !== undefined) (this.#more ??= new Map()).set(this.#lastIn, this.#lastOut);
      this.#lastIn = item;
      this.#lastOut = out;
    }
    return out;
  }

  /**
   * Forget the memo once the event is applied: a window's pending ops keep the entity until the
   * window is written, and the memo would keep every replaced copy alive that long (work for the
   * garbage collector). A replay merges afresh.
   */
  release(): void {
    this.#lastIn = this.#lastOut = this.#more = undefined;
  }
}

type Run = {
  ctx: ApplyContext;
  record: boolean;
  /** Cached values the rule looked at (data present). */
  touched: number;
  patched: QueryKey[];
  /** Keys whose cached value holds the entity, refetched when the event arrived out of order (kept only then). */
  homes: QueryKey[] | undefined;
};

/**
 * Run one rule of the event map for one event, synchronously and with no scan of the cache:
 * exact keys are looked up by hash, lists holding the entity come from the index. Patches go to
 * the window's write batch (written once per window, see WriteBatch), evaluated against the
 * cache as that batch will leave it. Invalidations are returned, not run: the bridge coalesces them.
 *
 * An event is `stale` when something it would patch is cached and every such copy is already as
 * new as the event: it then changes nothing, not even its invalidations.
 */
export function applyRule(rule: Rule, event: DomainEvent, ctx: ApplyContext, mode: ApplyMode = 'apply'): ApplyResult {
  const run: Run = { ctx, record: mode === 'apply', touched: 0, patched: [], homes: undefined };
  const entity = rule.entity === undefined ? undefined : resolveEntity(rule.entity, event);
  let order = 'newer';
  if (entity !== undefined) {
    const version = versionOf(entity.version);
    order = run.record
      ? ctx.versions.observe(entity.ref, version, entity.fields)
      : ctx.versions.peek(entity.ref, version, entity.fields);
    if (order === 'older-uncovered') run.homes = [];
    patchKey(run, entity.target.detail(entity.id), { kind: 'merge', entity });
    patchLists(run, entity);
  }
  for (const target of rule.patch ?? []) {
    const key = resolveKey(target.key, event);
    if (key !== null) patchKey(run, key, opOf(target, event));
  }

  entity?.release();

  // Copies already patched with a newer event carry its version, so this older event's other
  // fields cannot be merged by version: refetch them (see EntityVersions).
  const invalidations: Invalidation[] = run.homes === undefined ? [] : run.homes.map((key) => ({ key, exact: true }));
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
  return new Entity(target, target.id(event), target.version(event), target.changes(event));
}

function opOf(target: PatchTarget<EventType>, event: DomainEvent): Op {
  if ('insert' in target) return { kind: 'insert', item: target.insert(event), sortBy: target.sortBy };
  return { kind: 'update', update: (cached) => target.update(cached, event) };
}

function patchKey(run: Run, key: QueryKey, op: Op): void {
  const query = run.ctx.queryCache.get(keyHash(key));
  if (query !== undefined) patchQuery(run, query, op);
}

function patchLists(run: Run, entity: Entity): void {
  const { index, guard } = run.ctx;
  const lists = entity.target.lists;
  const op: Op = { kind: 'entity', id: entity.id, entity, changes: entity.changes, depth: lists.length };
  // A copy: patching may drop the entity from a list, and so the list from this set.
  const containing = [...index.listsContaining(lists, entity.id)];
  for (const query of containing) patchQuery(run, query, op);
  // A list with a fetch in flight may hold the entity in the response even if not in its data now.
  if (!run.record) return;
  for (const query of index.fetchingUnder(lists)) {
    if (!containing.includes(query)) guard.defer(query, updaterOf(op, query));
  }
}

function patchQuery(run: Run, query: Query, op: Op): void {
  if (run.record && query.state.fetchStatus !== 'idle') run.ctx.guard.defer(query, updaterOf(op, query));
  if (query.state.data === undefined) return;
  run.touched++;
  run.homes?.push(query.queryKey);
  if (run.ctx.writes.apply(query, op, run.record)) run.patched.push(query.queryKey);
}

function staleDetail(entity: Entity | undefined): string {
  return entity === undefined
    ? 'Already in every cached list it belongs to.'
    : `Every cached copy of ${entity.ref} is as new as this event (${entity.version}) or newer.`;
}
