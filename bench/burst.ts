import { hashKey, type QueryClient, type QueryKey } from '@tanstack/query-core';
import { decodeFrame, type DomainEvent } from '@/lib/protocol';
import { generateFrames, UPDATE_MIX } from './frames';
import { createRng } from './rng';
import type { World } from './world';

/**
 * The burst scenario: many events on a few entities inside one flush window, e.g. a bulk edit or
 * an import. The bridge should refetch each affected active key once; the naive handler refetches
 * on every event.
 */
export const BURST_DEFAULTS = { events: 1_000, entities: 20, seed: 99 };
export type BurstOptions = Partial<typeof BURST_DEFAULTS>;

/** `entities` hot entities, split across kinds like the world is, picked by seed. */
export function burstPool(world: World, options: BurstOptions = {}): World {
  const { entities, seed } = { ...BURST_DEFAULTS, ...options };
  const rng = createRng(seed);
  const total = world.goals.length + world.actions.length + world.measures.length + world.issues.length;
  const share = (n: number) => Math.max(1, Math.round((entities * n) / total));
  const goals = sample(world.goals, share(world.goals.length), rng);
  const measures = sample(world.measures, share(world.measures.length), rng);
  const issues = sample(world.issues, share(world.issues.length), rng);
  const actions = sample(world.actions, Math.max(1, entities - goals.length - measures.length - issues.length), rng);
  return { goals, actions, measures, issues, people: world.people };
}

export function burstFrames(world: World, options: BurstOptions = {}): string[] {
  const { events, seed } = { ...BURST_DEFAULTS, ...options };
  return generateFrames(world, { pool: burstPool(world, options), mix: UPDATE_MIX, events, seed });
}

/** The key prefixes (with `exact` when a rule names one key) that the event map invalidates for an event. */
export type InvalidationTarget = { queryKey: QueryKey; exact?: boolean };
export type InvalidationsOf = (event: DomainEvent, client: QueryClient) => readonly InvalidationTarget[];

/**
 * The fewest refetches any correct bridge can do for these frames: the distinct ACTIVE queries that
 * the map's rules invalidate, read from the rules and the cache as it is before the burst.
 */
export function minimumRefetches(
  client: QueryClient,
  frames: readonly string[],
  invalidationsOf: InvalidationsOf,
): number {
  const targets = new Map<string, InvalidationTarget>();
  for (const text of frames) {
    const parsed = decodeFrame(text);
    if (!parsed.ok || !isDomainEvent(parsed.frame)) continue;
    for (const target of invalidationsOf(parsed.frame, client)) {
      targets.set(`${target.exact ? '=' : '~'}${hashKey(target.queryKey)}`, target);
    }
  }
  const hashes = new Set<string>();
  for (const target of targets.values()) {
    for (const query of client
      .getQueryCache()
      .findAll({ queryKey: target.queryKey, exact: target.exact ?? false, type: 'active' })) {
      hashes.add(query.queryHash);
    }
  }
  return hashes.size;
}

function isDomainEvent(frame: { type: string }): frame is DomainEvent {
  return frame.type !== 'ping' && frame.type !== 'pong' && frame.type !== 'error';
}

function sample<T>(items: readonly T[], count: number, rng: ReturnType<typeof createRng>): T[] {
  const pool = items.slice();
  const out: T[] = [];
  while (out.length < count && pool.length > 0) out.push(pool.splice(rng.int(pool.length), 1)[0]!);
  return out;
}
