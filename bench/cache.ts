import { notifyManager, QueryObserver, type QueryClient, type QueryKey } from '@tanstack/query-core';
import {
  actionKeys,
  attachmentKeys,
  dashboardKeys,
  decisionKeys,
  goalKeys,
  issueKeys,
  measureKeys,
  peopleKeys,
} from '@/lib/api/keys';
import type { Action, Activity, Dashboard, Goal, Issue, ListResponse, Measure, Reading } from '@/lib/api/types';
import { ACTION_STATUSES, GOAL_STATUSES, ISSUE_STATUSES, normalize } from '@/lib/protocol';
import { createRng } from './rng';
import type { World } from './world';

/**
 * Fills a QueryClient the way a long-lived tab fills it: first the screens' lists (unfiltered and
 * filtered), then the details the user opened, round-robin over entity types, up to `core` queries
 * about the hot entities the stream touches; then "cold" queries (details, readings, activity and
 * per-goal lists of entities the stream never mentions) up to Q. So per-event work is the same at
 * every Q ≥ `core`, and only the size of the cache changes between scaling runs.
 */
export const CACHE_DEFAULTS = {
  queries: 10_000,
  active: 200,
  /** Queries about hot entities; the rest of Q is cold. */
  core: 900,
  seed: 11,
  /** Cold entity ids start here, far from seeded (1..n) and created (100001..) ids. */
  coldIdBase: 1_000_000,
};

export type CacheOptions = Partial<typeof CACHE_DEFAULTS>;
type Entry = { key: QueryKey; data: unknown };

export type SeededCache = {
  /** Queries in the cache. */
  queries: number;
  /** Queries about hot entities (the rest are cold). */
  core: number;
  /** Keys with a subscribed observer, i.e. the active queries. */
  activeKeys: QueryKey[];
  /** Unsubscribe every observer. */
  unmount(): void;
};

export function seedCache(client: QueryClient, world: World, options: CacheOptions = {}): SeededCache {
  const opts = { ...CACHE_DEFAULTS, ...options };
  const screens = screenLists(world);
  const core = [...screens, ...otherLists(world), ...hotDetails(world, opts.core)].slice(
    0,
    Math.min(opts.core, opts.queries),
  );
  const entries = core.concat(coldEntries(world, opts.queries - core.length, opts.coldIdBase));
  notifyManager.batch(() => {
    for (const { key, data } of entries) client.setQueryData(key, data);
  });
  const activeKeys = chooseActive(screens, core, opts.active, opts.seed);
  const unsubscribes = activeKeys.map((queryKey) => new QueryObserver(client, { queryKey }).subscribe(() => {}));
  return {
    queries: client.getQueryCache().getAll().length,
    core: core.length,
    activeKeys,
    unmount: () => unsubscribes.forEach((u) => u()),
  };
}

/** What the open screens show: they are active first. */
function screenLists(world: World): Entry[] {
  const goals = world.goals.map((g) => normalize(g));
  const actions = world.actions.map((a) => normalize(a));
  const issues = world.issues.map((i) => normalize(i));
  const measures = world.measures.map((m) => normalize(m));
  const dashboard: Dashboard = {
    activeGoals: goals.filter((g) => g.status === 'active').length,
    openIssues: issues.filter((i) => i.status === 'open').length,
    actionsDue: actions.filter((a) => a.status !== 'done').length,
    recentActivity: [],
    measures,
  };
  return [
    { key: goalKeys.list(), data: list(goals) },
    { key: actionKeys.list(), data: list(actions) },
    { key: issueKeys.list(), data: list(issues) },
    { key: measureKeys.list(), data: list(measures) },
    { key: decisionKeys.list(), data: list([]) },
    { key: peopleKeys.list(), data: list(world.people.map((p) => normalize(p))) },
    { key: dashboardKeys.summary(), data: dashboard },
    ...GOAL_STATUSES.map((status) => ({
      key: goalKeys.list({ status }),
      data: list(goals.filter((g) => g.status === status)),
    })),
    ...ACTION_STATUSES.map((status) => ({
      key: actionKeys.list({ status }),
      data: list(actions.filter((a) => a.status === status)),
    })),
    ...ISSUE_STATUSES.map((status) => ({
      key: issueKeys.list({ status }),
      data: list(issues.filter((i) => i.status === status)),
    })),
  ];
}

function otherLists(world: World): Entry[] {
  const actions = world.actions.map((a) => normalize(a));
  return [
    ...world.people.map((p) => ({
      key: actionKeys.list({ assigneeId: p.id }),
      data: list(actions.filter((a) => a.assigneeId === p.id)),
    })),
    ...world.goals.map((g) => ({
      key: actionKeys.list({ goalId: g.id }),
      data: list(actions.filter((a) => a.goalId === g.id)),
    })),
  ];
}

/** Details of hot entities, round-robin over kinds so any cut keeps a mix. */
function hotDetails(world: World, limit: number): Entry[] {
  const kinds: Array<(i: number) => Entry | undefined> = [
    (i) => at(world.goals, i, (g) => ({ key: goalKeys.detail(g.id), data: normalize(g) })),
    (i) => at(world.actions, i, (a) => ({ key: actionKeys.detail(a.id), data: normalize(a) })),
    (i) => at(world.issues, i, (x) => ({ key: issueKeys.detail(x.id), data: normalize(x) })),
    (i) => at(world.measures, i, (m) => ({ key: measureKeys.detail(m.id), data: normalize(m) })),
    (i) =>
      at(world.measures, i, (m) => ({ key: measureKeys.readings(m.id), data: list(readings(m.id, m.updated_at)) })),
    (i) => at(world.goals, i, (g) => ({ key: goalKeys.activity(g.id), data: list(activity(g.id, g.updated_at)) })),
    (i) => at(world.actions, i, (a) => ({ key: attachmentKeys.list('action', a.id), data: list([]) })),
  ];
  const out: Entry[] = [];
  for (let i = 0; out.length < limit; i++) {
    let any = false;
    for (const kind of kinds) {
      const entry = kind(i);
      if (entry) {
        out.push(entry);
        any = true;
      }
    }
    if (!any) break;
  }
  return out;
}

function coldEntries(world: World, count: number, base: number): Entry[] {
  const at0 = world.goals[0]?.updated_at ?? '2026-01-01T00:00:00.000Z';
  const goal = (n: number): Goal => ({
    id: `g-${n}`,
    title: `Archived goal ${n}`,
    description: '',
    status: 'completed',
    ownerId: 'u-1',
    progress: 100,
    createdAt: at0,
    updatedAt: at0,
  });
  const action = (n: number, goalId: string): Action => ({
    id: `a-${n}`,
    goalId,
    title: `Archived action ${n}`,
    status: 'done',
    priority: 'low',
    assigneeId: 'u-1',
    progress: 100,
    dueDate: null,
    createdAt: at0,
    updatedAt: at0,
  });
  const issue = (n: number): Issue => ({
    id: `i-${n}`,
    title: `Old issue ${n}`,
    status: 'closed',
    priority: 'low',
    goalId: null,
    createdAt: at0,
    updatedAt: at0,
  });
  const measure = (n: number): Measure => ({
    id: `m-${n}`,
    name: `Old measure ${n}`,
    unit: 'count',
    target: 10,
    currentValue: 10,
    updatedAt: at0,
  });
  const kinds: Array<(n: number) => Entry> = [
    (n) => ({ key: goalKeys.detail(`g-${n}`), data: goal(n) }),
    (n) => ({ key: actionKeys.detail(`a-${n}`), data: action(n, `g-${n}`) }),
    (n) => ({ key: issueKeys.detail(`i-${n}`), data: issue(n) }),
    (n) => ({ key: measureKeys.detail(`m-${n}`), data: measure(n) }),
    (n) => ({ key: measureKeys.readings(`m-${n}`), data: list(readings(`m-${n}`, at0)) }),
    (n) => ({ key: goalKeys.activity(`g-${n}`), data: list(activity(`g-${n}`, at0)) }),
    (n) => ({ key: actionKeys.list({ goalId: `g-${n}` }), data: list([action(n, `g-${n}`), action(n + 1, `g-${n}`)]) }),
    (n) => ({ key: attachmentKeys.list('action', `a-${n}`), data: list([]) }),
  ];
  const out: Entry[] = [];
  for (let i = 0; i < count; i++) out.push(kinds[i % kinds.length]!(base + Math.floor(i / kinds.length)));
  return out;
}

/** The open screens' lists, then a seeded sample of the other hot queries (details the user has open). */
function chooseActive(screens: Entry[], core: Entry[], count: number, seed: number): QueryKey[] {
  const rng = createRng(seed);
  const chosen = screens
    .filter((s) => core.includes(s))
    .slice(0, count)
    .map((s) => s.key);
  const rest = core.filter((e) => !screens.includes(e));
  for (let i = rest.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [rest[i], rest[j]] = [rest[j]!, rest[i]!];
  }
  for (const entry of rest) {
    if (chosen.length >= count) break;
    chosen.push(entry.key);
  }
  return chosen;
}

function list<T>(items: T[]): ListResponse<T> {
  return { items };
}

function readings(measureId: string, at: string): Reading[] {
  return [1, 2, 3].map((n) => ({
    id: `r-${measureId}-${n}`,
    measureId,
    value: n * 10,
    recordedAt: at,
    recordedBy: 'u-1',
  }));
}

function activity(goalId: string, at: string): Activity[] {
  return [{ id: `ac-${goalId}-1`, goalId, kind: 'comment', message: 'Kick-off done.', actorId: 'u-1', createdAt: at }];
}

function at<T>(items: readonly T[], i: number, make: (item: T) => Entry): Entry | undefined {
  const item = items[i];
  return item === undefined ? undefined : make(item);
}
