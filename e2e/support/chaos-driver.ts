import { get, rest, type Session } from './chaos-backend';

/**
 * The chaos driver: a seeded stream of random REST writes, each of a kind that the contract says
 * broadcasts an event (title edits and a goal's return to draft send none, so a screen could not
 * learn of them without polling: they are left out on purpose). Bounded in count and in time, and
 * paced so that the writes spread over `maxMs` (the run lasts as long as it was asked to).
 */
export const DRIVER_DEFAULTS = {
  writes: 300,
  maxMs: 45_000,
  concurrency: 6,
  /** Spread the writes evenly over maxMs instead of sending them as fast as REST answers. */
  paced: true,
  /** Share of writes that go to the second tenant. */
  otherTenantShare: 0.2,
};

export type DriverOptions = typeof DRIVER_DEFAULTS & { seed: number; sessions: Session[] };
export type DriverResult = {
  writes: number;
  ok: number;
  refused: number;
  failed: number;
  byKind: Record<string, number>;
  ms: number;
};

/** mulberry32: small, fast and seedable; the same seed gives the same writes. */
export function createRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(next() * items.length)] as T;
  };
  return { next, int, pick };
}
type Random = ReturnType<typeof createRandom>;

type World = { session: Session; goals: string[]; actions: string[]; people: string[] };
type Write = { kind: string; method: 'POST' | 'PATCH'; path: string; body: Record<string, unknown> };

const ACTION_STATUSES = ['not_started', 'in_progress', 'blocked', 'done'] as const;
const PRIORITIES = ['low', 'medium', 'high', 'critical'] as const;
const GOAL_STATUSES = ['active', 'completed', 'cancelled'] as const;

async function loadWorld(session: Session): Promise<World> {
  const [goals, actions, people] = await Promise.all([
    get<{ items: { id: string }[] }>(session, '/goals'),
    get<{ items: { id: string }[] }>(session, '/actions'),
    get<{ items: { id: string }[] }>(session, '/people'),
  ]);
  return {
    session,
    goals: goals.items.map((g) => g.id),
    actions: actions.items.map((a) => a.id),
    people: people.items.map((p) => p.id),
  };
}

function nextWrite(world: World, random: Random, n: number): Write {
  const roll = random.next();
  const action = () => `/actions/${encodeURIComponent(random.pick(world.actions))}`;
  const goal = () => random.pick(world.goals);
  if (roll < 0.2)
    return { kind: 'action.status', method: 'PATCH', path: action(), body: { status: random.pick(ACTION_STATUSES) } };
  if (roll < 0.35)
    return { kind: 'action.priority', method: 'PATCH', path: action(), body: { priority: random.pick(PRIORITIES) } };
  if (roll < 0.5)
    return {
      kind: 'action.assignee',
      method: 'PATCH',
      path: action(),
      body: { assignee_id: random.next() < 0.1 ? null : random.pick(world.people) },
    };
  if (roll < 0.7)
    return { kind: 'action.progress', method: 'PATCH', path: action(), body: { progress: random.int(0, 100) } };
  if (roll < 0.8)
    return {
      kind: 'goal.status',
      method: 'PATCH',
      path: `/goals/${goal()}`,
      body: { status: random.pick(GOAL_STATUSES) },
    };
  if (roll < 0.86) {
    const body = {
      goal_id: goal(),
      title: `Chaos action ${n}`,
      priority: random.pick(PRIORITIES),
      assignee_id: random.pick(world.people),
    };
    return { kind: 'action.create', method: 'POST', path: '/actions', body };
  }
  if (roll < 0.9) return { kind: 'goal.create', method: 'POST', path: '/goals', body: { title: `Chaos goal ${n}` } };
  return {
    kind: 'goal.comment',
    method: 'POST',
    path: `/goals/${goal()}/activity`,
    body: { message: `Chaos comment ${n}` },
  };
}

/** Runs random writes until the count or the time is used up; never throws on a refused write. */
export async function runDriver(
  options: Partial<DriverOptions> & Pick<DriverOptions, 'seed' | 'sessions'>,
): Promise<DriverResult> {
  const opts: DriverOptions = { ...DRIVER_DEFAULTS, ...options };
  const random = createRandom(opts.seed);
  const worlds = await Promise.all(opts.sessions.map(loadWorld));
  const [home, ...others] = worlds;
  if (!home) throw new Error('runDriver needs at least one session');
  const result: DriverResult = { writes: 0, ok: 0, refused: 0, failed: 0, byKind: {}, ms: 0 };
  const start = Date.now();
  let issued = 0;

  const worker = async () => {
    while (issued < opts.writes && Date.now() - start < opts.maxMs) {
      const n = ++issued;
      const due = start + ((n - 1) * opts.maxMs) / opts.writes;
      if (opts.paced && due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
      const world = others.length > 0 && random.next() < opts.otherTenantShare ? random.pick(others) : home;
      const write = nextWrite(world, random, n);
      result.byKind[write.kind] = (result.byKind[write.kind] ?? 0) + 1;
      try {
        const res = await rest<{ id?: string }>(world.session, write.method, write.path, write.body);
        if (res.status === 200 || res.status === 201) {
          result.ok++;
          if (write.kind === 'goal.create' && res.body.id) world.goals.push(res.body.id);
          if (write.kind === 'action.create' && res.body.id) world.actions.push(res.body.id);
        } else result.refused++;
      } catch {
        result.failed++;
      }
      result.writes++;
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  result.ms = Date.now() - start;
  return result;
}
