import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, decodeFrame, type DomainEvent } from '@/lib/protocol';
import { frameId, generateFrames, UPDATE_MIX } from '../frames';
import { createWorld, WORLD_DEFAULTS, worldSize } from '../world';

const world = createWorld();

function parseAll(frames: readonly string[]): DomainEvent[] {
  return frames.map((text) => {
    const parsed = decodeFrame(text);
    if (!parsed.ok) throw new Error(`frame rejected (${parsed.reason}): ${parsed.message}`);
    return parsed.frame as DomainEvent;
  });
}

/** The entity an update event changes, with the time it carries. */
function touched(e: DomainEvent): { ref: string; at: string } | undefined {
  const d = e.data as Record<string, unknown>;
  if (typeof d.updatedAt !== 'string') return undefined;
  const id = d.actionId ?? d.goalId ?? d.issueId;
  return typeof id === 'string' ? { ref: `${e.type.split('.')[0]}:${id}`, at: d.updatedAt } : undefined;
}

describe('createWorld', () => {
  it('makes the default 1,000 hot entities, split 10/60/5/25 %', () => {
    expect(worldSize(world)).toBe(WORLD_DEFAULTS.entities);
    expect([world.goals.length, world.actions.length, world.measures.length, world.issues.length]).toEqual([
      100, 600, 50, 250,
    ]);
  });
});

describe('generateFrames', () => {
  const frames = generateFrames(world, { events: 5_000 });
  const events = parseAll(frames);

  it('is deterministic for a seed and differs across seeds', () => {
    expect(generateFrames(world, { events: 200 })).toEqual(frames.slice(0, 200));
    expect(generateFrames(world, { events: 200, seed: 7 })).not.toEqual(frames.slice(0, 200));
  });

  it('produces only frames that decodeFrame accepts, covering all 16 event types', () => {
    expect(events).toHaveLength(5_000);
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(EVENT_TYPES));
  });

  it('numbers frames with increasing ids', () => {
    expect(events[0]!.id).toBe(frameId(1));
    for (let i = 1; i < events.length; i++) expect(events[i]!.id! > events[i - 1]!.id!).toBe(true);
  });

  it("moves every entity's updatedAt forward, past the seeded data, so no event is stale", () => {
    const last = new Map<string, string>();
    for (const e of events) {
      const t = touched(e);
      if (!t) continue;
      expect(t.at > (last.get(t.ref) ?? WORLD_DEFAULTS.seededAt)).toBe(true);
      last.set(t.ref, t.at);
    }
    expect(last.size).toBeGreaterThan(500);
  });

  it('reports the real previous status of a goal, as the backend would', () => {
    const status = new Map(world.goals.map((g) => [g.id, g.status as string]));
    let checked = 0;
    for (const e of events) {
      if (e.type !== 'goal.activated' && e.type !== 'goal.completed' && e.type !== 'goal.cancelled') continue;
      expect(e.data.previousStatus).toBe(status.get(e.data.goalId));
      status.set(e.data.goalId, e.data.status);
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('with a pool and the update mix, touches only the pooled entities and creates nothing', () => {
    const pool = {
      ...world,
      goals: world.goals.slice(0, 2),
      actions: world.actions.slice(0, 3),
      measures: world.measures.slice(0, 1),
      issues: world.issues.slice(0, 1),
    };
    const ids = new Set([...pool.goals, ...pool.actions, ...pool.measures, ...pool.issues].map((x) => x.id));
    const burst = parseAll(generateFrames(world, { pool, mix: UPDATE_MIX, events: 300 }));
    for (const e of burst) {
      expect(e.type in UPDATE_MIX).toBe(true);
      const d = e.data as Record<string, unknown>;
      const activity = d.activity as { goalId: string } | undefined;
      const id = d.actionId ?? d.issueId ?? d.measureId ?? activity?.goalId ?? d.goalId;
      expect(ids.has(id as string)).toBe(true);
    }
  });

  it('refuses a mix with no positive weight', () => {
    expect(() => generateFrames(world, { events: 1, mix: {} })).toThrow(/no positive weight/);
  });
});
