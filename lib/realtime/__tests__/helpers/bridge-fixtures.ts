import { hashKey, QueryClient, QueryObserver, type QueryKey } from '@tanstack/query-core';
import {
  encodeEvent,
  exampleAction,
  exampleEvents,
  exampleGoal,
  exampleIssue,
  normalize,
  decodeFrame,
  type DomainEvent,
  type EventType,
  type WireEventData,
} from '@/lib/protocol';
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
import type { Action, Activity, Attachment, Dashboard, Decision, Goal, Issue, Measure, Reading } from '@/lib/api/types';

export const T_OLD = '2026-11-27T09:00:00.000Z';
export const T0 = '2026-11-27T10:00:00.000Z';
export const T1 = '2026-11-27T10:05:00.000Z';
export const T2 = '2026-11-27T10:10:00.000Z';

/** A real domain event, through the real wire path: encodeEvent → JSON text → decodeFrame. */
export function event<T extends EventType>(
  type: T,
  patch: Partial<WireEventData<T>> = {},
  meta: { id?: string; timestamp?: string } = {},
): DomainEvent<T> {
  const data = { ...exampleEvents[type], ...patch } as WireEventData<T>;
  const result = decodeFrame(JSON.stringify(encodeEvent(type, data, { timestamp: T1, ...meta })));
  if (!result.ok) throw new Error(`fixture event ${type} was rejected: ${result.message}`);
  return result.frame as DomainEvent<T>;
}

/** A client with no retries and no GC timers, so tests control every fetch. */
export function newClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity, staleTime: 0 } } });
}

/** A flush scheduler the test runs by hand. */
export function manualSchedule() {
  const queue: { fn: () => void; ms: number; cancelled: boolean }[] = [];
  return {
    schedule: (fn: () => void, ms: number) => {
      const task = { fn, ms, cancelled: false };
      queue.push(task);
      return () => {
        task.cancelled = true;
      };
    },
    /** Timers scheduled and not cancelled or run. */
    get pending() {
      return queue.filter((task) => !task.cancelled).length;
    },
    get lastMs() {
      return queue.at(-1)?.ms;
    },
    run() {
      const due = queue.splice(0).filter((task) => !task.cancelled);
      for (const task of due) task.fn();
      return due.length;
    },
  };
}

/** A promise with its resolve handle, to hold a REST response. */
export function held<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Subscribe an observer so the query is active; counts its queryFn calls. */
export function observe<T>(client: QueryClient, queryKey: QueryKey, respond: () => T | Promise<T>) {
  let calls = 0;
  const observer = new QueryObserver(client, {
    queryKey,
    queryFn: async () => {
      calls++;
      return respond();
    },
  });
  const unsubscribe = observer.subscribe(() => {});
  return {
    get calls() {
      return calls;
    },
    reset() {
      calls = 0;
    },
    unsubscribe,
  };
}

/** Let pending promises (fetches, notify batches) settle. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
}

// Seed entities (camelCase, as the app caches them).
export const goal1: Goal = normalize(exampleGoal);
export const goal2: Goal = { ...goal1, id: 'g-2', title: 'Ship the beta', status: 'draft' };
export const action1: Action = normalize(exampleAction);
/** `action1` whose `updatedAt` throws `thrown` when read: a cached copy that makes any rule touching it fail. */
export function actionThatThrows(thrown: unknown): Action {
  const hostile = { ...action1 };
  Object.defineProperty(hostile, 'updatedAt', {
    enumerable: true,
    get: () => {
      throw thrown;
    },
  });
  return hostile;
}
export const action2: Action = { ...action1, id: 'a-2', title: 'Screen CVs', status: 'blocked', assigneeId: 'u-3' };
export const action3: Action = {
  ...action1,
  id: 'a-3',
  goalId: 'g-2',
  title: 'Write spec',
  status: 'done',
  progress: 100,
};
export const measure1: Measure = { id: 'm-1', name: 'NPS', unit: 'pts', target: 50, currentValue: 30, updatedAt: T0 };
export const measure2: Measure = { ...measure1, id: 'm-2', name: 'Churn', currentValue: 4 };
export const reading1: Reading = { id: 'r-1', measureId: 'm-1', value: 30, recordedAt: T0, recordedBy: 'u-1' };
export const issue1: Issue = normalize(exampleIssue);
export const activity1: Activity = {
  id: 'ac-1',
  goalId: 'g-1',
  kind: 'comment',
  message: 'Kickoff',
  actorId: 'u-1',
  createdAt: T0,
};
export const decision1: Decision = { id: 'd-1', title: 'Go remote', outcome: 'Yes', decidedBy: 'u-1', createdAt: T0 };
export const attachment1: Attachment = {
  id: 'at-1',
  entityType: 'goal',
  entityId: 'g-1',
  fileName: 'plan.pdf',
  sizeBytes: 10,
  url: '/files/at-1/plan.pdf',
  createdAt: T0,
};
export const dashboard: Dashboard = {
  activeGoals: 1,
  openIssues: 1,
  actionsDue: 2,
  recentActivity: [activity1],
  measures: [measure1, measure2],
};

const list = <T>(...items: T[]) => ({ items });

/** Every key the per-type tests seed, with its data. */
export function seedData(): [QueryKey, unknown][] {
  return [
    [goalKeys.list({}), list(goal1, goal2)],
    [goalKeys.list({ status: 'active' }), list(goal1)],
    [goalKeys.list({ status: 'draft' }), list(goal2)],
    [goalKeys.list({ status: 'completed' }), list()],
    [goalKeys.detail('g-1'), goal1],
    [goalKeys.detail('g-2'), goal2],
    [goalKeys.activity('g-1'), list(activity1)],
    [goalKeys.activity('g-2'), list()],
    [actionKeys.list({}), list(action1, action2, action3)],
    [actionKeys.list({ goalId: 'g-1' }), list(action1, action2)],
    [actionKeys.list({ goalId: 'g-2' }), list(action3)],
    [actionKeys.list({ status: 'in_progress' }), list(action1)],
    [actionKeys.list({ status: 'blocked' }), list(action2)],
    [actionKeys.list({ status: 'done' }), list(action3)],
    [actionKeys.list({ status: 'not_started' }), list()],
    [actionKeys.list({ assigneeId: 'u-2' }), list(action1)],
    [actionKeys.list({ assigneeId: 'u-3' }), list(action2)],
    [actionKeys.list({ goalId: 'g-1', status: 'in_progress' }), list(action1)],
    [actionKeys.detail('a-1'), action1],
    [actionKeys.detail('a-2'), action2],
    [measureKeys.list(), list(measure1, measure2)],
    [measureKeys.detail('m-1'), measure1],
    [measureKeys.readings('m-1'), list(reading1)],
    [issueKeys.list({}), list(issue1)],
    [issueKeys.list({ status: 'open' }), list(issue1)],
    [issueKeys.list({ status: 'in_progress' }), list()],
    [issueKeys.detail('i-1'), issue1],
    [decisionKeys.list(), list(decision1)],
    [attachmentKeys.list('goal', 'g-1'), list(attachment1)],
    [attachmentKeys.list('goal', 'g-2'), list()],
    [dashboardKeys.summary(), dashboard],
    [peopleKeys.list(), list({ id: 'u-1', name: 'Ava', email: 'ava@acme.test' })],
  ];
}

export function seed(client: QueryClient, entries: [QueryKey, unknown][] = seedData()): void {
  for (const [key, data] of entries) client.setQueryData(key, data);
}

type CacheState = Map<string, { key: QueryKey; data: unknown; invalidated: boolean }>;

export function snapshot(client: QueryClient): CacheState {
  const out: CacheState = new Map();
  for (const query of client.getQueryCache().getAll()) {
    out.set(query.queryHash, { key: query.queryKey, data: query.state.data, invalidated: query.state.isInvalidated });
  }
  return out;
}

/** Hashes of the keys whose data reference changed, and of the keys newly invalidated, sorted. */
export function diff(before: CacheState, client: QueryClient) {
  const changed: string[] = [];
  const invalidated: string[] = [];
  for (const [hash, now] of snapshot(client)) {
    const then = before.get(hash);
    if (then === undefined || then.data !== now.data) changed.push(hash);
    if (now.invalidated && !then?.invalidated) invalidated.push(hash);
  }
  return { changed: changed.sort(), invalidated: invalidated.sort() };
}

/** Sorted hashes of keys, to compare with `diff`. */
export const hashes = (...keys: QueryKey[]) => keys.map((key) => hashKey(key)).sort();
