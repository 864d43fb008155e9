import type { WireAction, WireGoal, WireIssue, WireMeasure, WirePerson } from '@/lib/protocol';
import { ACTION_STATUSES, GOAL_STATUSES, ISSUE_STATUSES, PRIORITIES } from '@/lib/protocol';
import { createRng } from './rng';

/**
 * The "hot" entities the event stream talks about, in their wire form, as the REST API served them
 * before the stream starts. The same world seeds the cache and drives the frame generator, so every
 * event refers to an entity the cache may hold, and every cached entity is older than every event.
 */
export type World = {
  goals: WireGoal[];
  actions: WireAction[];
  measures: WireMeasure[];
  issues: WireIssue[];
  people: WirePerson[];
};

export const WORLD_DEFAULTS = {
  seed: 7,
  /** Hot entities in all: 10% goals, 60% actions, 5% measures, 25% issues. */
  entities: 1_000,
  people: 20,
  /** Every seeded entity was last updated here; the stream starts later. */
  seededAt: '2026-01-01T00:00:00.000Z',
};

export type WorldOptions = Partial<typeof WORLD_DEFAULTS>;

export function createWorld(options: WorldOptions = {}): World {
  const { seed, entities, people: peopleCount, seededAt } = { ...WORLD_DEFAULTS, ...options };
  const rng = createRng(seed);
  const goalCount = Math.max(1, Math.round(entities * 0.1));
  const measureCount = Math.max(1, Math.round(entities * 0.05));
  const issueCount = Math.max(1, Math.round(entities * 0.25));
  const actionCount = Math.max(1, entities - goalCount - measureCount - issueCount);

  const people: WirePerson[] = range(peopleCount, (n) => ({
    id: `u-${n}`,
    name: `Person ${n}`,
    email: `person${n}@acme.test`,
  }));
  const personId = () => `u-${1 + rng.int(peopleCount)}`;
  const goals: WireGoal[] = range(goalCount, (n) => ({
    id: `g-${n}`,
    title: `Goal ${n}: grow the platform team`,
    description: `Seeded goal ${n} for the benchmark.`,
    status: rng.pick(GOAL_STATUSES),
    owner_id: personId(),
    progress: rng.int(101),
    created_at: seededAt,
    updated_at: seededAt,
  }));
  const actions: WireAction[] = range(actionCount, (n) => ({
    id: `a-${n}`,
    goal_id: `g-${1 + ((n - 1) % goalCount)}`,
    title: `Action ${n}: publish the job post`,
    status: rng.pick(ACTION_STATUSES),
    priority: rng.pick(PRIORITIES),
    assignee_id: rng.next() < 0.1 ? null : personId(),
    progress: rng.int(101),
    due_date: '2026-12-04',
    created_at: seededAt,
    updated_at: seededAt,
  }));
  const measures: WireMeasure[] = range(measureCount, (n) => ({
    id: `m-${n}`,
    name: `Measure ${n}`,
    unit: 'count',
    target: 100,
    current_value: rng.int(100),
    updated_at: seededAt,
  }));
  const issues: WireIssue[] = range(issueCount, (n) => ({
    id: `i-${n}`,
    title: `Issue ${n}: laptops arrive late`,
    status: rng.pick(ISSUE_STATUSES),
    priority: rng.pick(PRIORITIES),
    goal_id: rng.next() < 0.5 ? `g-${1 + rng.int(goalCount)}` : null,
    created_at: seededAt,
    updated_at: seededAt,
  }));
  return { goals, actions, measures, issues, people };
}

export function worldSize(world: World): number {
  return world.goals.length + world.actions.length + world.measures.length + world.issues.length;
}

function range<T>(count: number, make: (n: number) => T): T[] {
  const out: T[] = new Array<T>(count);
  for (let i = 0; i < count; i++) out[i] = make(i + 1);
  return out;
}
