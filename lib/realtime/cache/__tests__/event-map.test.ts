import { describe, expect, it } from 'vitest';
import { hashKey, type QueryKey } from '@tanstack/query-core';
import { EVENT_TYPES, type EventType } from '@/lib/protocol';
import {
  actionKeys,
  attachmentKeys,
  dashboardKeys,
  decisionKeys,
  goalKeys,
  issueKeys,
  measureKeys,
} from '@/lib/api/keys';
import { createCacheBridge } from '../bridge';
import { coveredKeys, ENTITIES } from '../entities';
import { eventMap, resolveKey, type EventMap, type Rule } from '../event-map';
import {
  action1,
  action2,
  activity1,
  attachment1,
  decision1,
  diff,
  event,
  goal1,
  goal2,
  hashes,
  issue1,
  manualSchedule,
  measure1,
  measure2,
  newClient,
  reading1,
  seed,
  snapshot,
  T1,
} from '../../__tests__/helpers/bridge-fixtures';

/** The goal lists `seed` caches: goal progress is server-computed, so action events refetch them all. */
const seededGoalLists = [
  goalKeys.list({}),
  goalKeys.list({ status: 'active' }),
  goalKeys.list({ status: 'draft' }),
  goalKeys.list({ status: 'completed' }),
];

/** Seed the full cache, apply one event, flush, and report what changed. */
function run(evt: Parameters<ReturnType<typeof createCacheBridge>['receive']>[0]) {
  const client = newClient();
  seed(client);
  const bridge = createCacheBridge(client, { schedule: manualSchedule().schedule });
  const before = snapshot(client);
  const outcome = bridge.receive(evt);
  bridge.flush();
  const get = (key: QueryKey) => client.getQueryData(key);
  const previous = (key: QueryKey) => before.get(hashKey(key))?.data;
  return { outcome, ...diff(before, client), get, previous };
}

const items = (data: unknown) => (data as { items: { id: string }[] }).items;
const ids = (data: unknown) => items(data).map((item) => item.id);

describe('eventMap: what each event does to a seeded cache', () => {
  it('goal.created adds the goal to the unfiltered list; lists of its status and the dashboard refetch', () => {
    const r = run(event('goal.created'));
    expect(r.changed).toEqual(hashes(goalKeys.list({})));
    expect(ids(r.get(goalKeys.list({})))).toEqual(['g-1', 'g-2', 'g-100']);
    expect(items(r.get(goalKeys.list({})))[0]).toBe(goal1);
    expect(r.invalidated).toEqual(hashes(goalKeys.list({ status: 'draft' }), dashboardKeys.summary()));
  });

  it('goal.activated patches the goal, drops it from the draft list, refetches active lists and the dashboard', () => {
    const r = run(event('goal.activated', { goal_id: 'g-2' }));
    expect(r.changed).toEqual(hashes(goalKeys.detail('g-2'), goalKeys.list({}), goalKeys.list({ status: 'draft' })));
    expect(r.get(goalKeys.detail('g-2'))).toEqual({ ...goal2, status: 'active', updatedAt: T1 });
    expect(ids(r.get(goalKeys.list({ status: 'draft' })))).toEqual([]);
    expect(r.invalidated).toEqual(hashes(goalKeys.list({ status: 'active' }), dashboardKeys.summary()));
  });

  it('goal.completed patches the goal, drops it from the active list, refetches completed lists and the dashboard', () => {
    const r = run(event('goal.completed'));
    expect(r.changed).toEqual(hashes(goalKeys.detail('g-1'), goalKeys.list({}), goalKeys.list({ status: 'active' })));
    expect(items(r.get(goalKeys.list({})))).toEqual([{ ...goal1, status: 'completed', updatedAt: T1 }, goal2]);
    expect(items(r.get(goalKeys.list({})))[1]).toBe(goal2);
    expect(r.invalidated).toEqual(hashes(goalKeys.list({ status: 'completed' }), dashboardKeys.summary()));
  });

  it('goal.cancelled patches the goal everywhere; no cancelled list is cached, so only the dashboard refetches', () => {
    const r = run(event('goal.cancelled'));
    expect(r.changed).toEqual(hashes(goalKeys.detail('g-1'), goalKeys.list({}), goalKeys.list({ status: 'active' })));
    expect(r.get(goalKeys.detail('g-1'))).toMatchObject({ status: 'cancelled' });
    expect(r.invalidated).toEqual(hashes(dashboardKeys.summary()));
    expect(r.outcome).toMatchObject({
      status: 'applied',
      invalidated: [goalKeys.list({ status: 'cancelled' }), dashboardKeys.all],
    });
  });

  it('goal.activity.created prepends to the goal feed (newest first) and refetches the dashboard', () => {
    const r = run(event('goal.activity.created'));
    expect(r.changed).toEqual(hashes(goalKeys.activity('g-1')));
    expect(ids(r.get(goalKeys.activity('g-1')))).toEqual(['ac-100', 'ac-1']);
    expect(items(r.get(goalKeys.activity('g-1')))[1]).toBe(activity1);
    expect(r.invalidated).toEqual(hashes(dashboardKeys.summary()));
  });

  it("action.created adds it to the unfiltered and its goal's list; its status/assignee lists, goal and dashboard refetch", () => {
    const r = run(event('action.created'));
    expect(r.changed).toEqual(hashes(actionKeys.list({}), actionKeys.list({ goalId: 'g-1' })));
    expect(ids(r.get(actionKeys.list({})))).toEqual(['a-1', 'a-2', 'a-3', 'a-100']);
    expect(ids(r.get(actionKeys.list({ goalId: 'g-1' })))).toEqual(['a-1', 'a-2', 'a-100']);
    expect(r.invalidated).toEqual(
      hashes(
        actionKeys.list({ status: 'not_started' }),
        actionKeys.list({ assigneeId: 'u-2' }),
        goalKeys.detail('g-1'),
        ...seededGoalLists,
        dashboardKeys.summary(),
      ),
    );
  });

  it('action.status_changed patches it, drops it from in-progress lists, refetches blocked lists, goal and dashboard', () => {
    const r = run(event('action.status_changed'));
    expect(r.changed).toEqual(
      hashes(
        actionKeys.detail('a-1'),
        actionKeys.list({}),
        actionKeys.list({ goalId: 'g-1' }),
        actionKeys.list({ assigneeId: 'u-2' }),
        actionKeys.list({ status: 'in_progress' }),
        actionKeys.list({ goalId: 'g-1', status: 'in_progress' }),
      ),
    );
    expect(r.get(actionKeys.detail('a-1'))).toEqual({ ...action1, status: 'blocked', updatedAt: T1 });
    expect(ids(r.get(actionKeys.list({ status: 'in_progress' })))).toEqual([]);
    expect(items(r.get(actionKeys.list({ goalId: 'g-1' })))).toEqual([
      { ...action1, status: 'blocked', updatedAt: T1 },
      action2,
    ]);
    expect(items(r.get(actionKeys.list({ goalId: 'g-1' })))[1]).toBe(action2);
    expect(r.invalidated).toEqual(
      hashes(
        actionKeys.list({ status: 'blocked' }),
        goalKeys.detail('g-1'),
        ...seededGoalLists,
        dashboardKeys.summary(),
      ),
    );
  });

  it('action.completed sets status done and progress 100 everywhere; done lists, goal and dashboard refetch', () => {
    const r = run(event('action.completed'));
    const done = { ...action1, status: 'done', progress: 100, updatedAt: T1 };
    expect(r.get(actionKeys.detail('a-1'))).toEqual(done);
    expect(items(r.get(actionKeys.list({ assigneeId: 'u-2' })))).toEqual([done]);
    expect(ids(r.get(actionKeys.list({ goalId: 'g-1', status: 'in_progress' })))).toEqual([]);
    expect(r.changed).toHaveLength(6);
    expect(r.invalidated).toEqual(
      hashes(actionKeys.list({ status: 'done' }), goalKeys.detail('g-1'), ...seededGoalLists, dashboardKeys.summary()),
    );
  });

  it('action.priority_changed patches it in its detail and in every list holding it', () => {
    const r = run(event('action.priority_changed'));
    const holding = [
      actionKeys.list({}),
      actionKeys.list({ goalId: 'g-1' }),
      actionKeys.list({ status: 'in_progress' }),
      actionKeys.list({ assigneeId: 'u-2' }),
      actionKeys.list({ goalId: 'g-1', status: 'in_progress' }),
    ];
    expect(r.changed).toEqual(hashes(actionKeys.detail('a-1'), ...holding));
    for (const key of holding)
      expect(items(r.get(key)).find((a) => a.id === 'a-1')).toMatchObject({ priority: 'critical' });
    expect(r.invalidated).toEqual(hashes(goalKeys.detail('g-1'), ...seededGoalLists, dashboardKeys.summary()));
  });

  it("action.reassigned patches it, drops it from u-2's list, refetches u-3's lists, goal and dashboard", () => {
    const r = run(event('action.reassigned'));
    expect(r.get(actionKeys.detail('a-1'))).toMatchObject({ assigneeId: 'u-3', updatedAt: T1 });
    expect(ids(r.get(actionKeys.list({ assigneeId: 'u-2' })))).toEqual([]);
    expect(r.previous(actionKeys.list({ assigneeId: 'u-3' }))).toBe(r.get(actionKeys.list({ assigneeId: 'u-3' })));
    expect(r.changed).toHaveLength(6);
    expect(r.invalidated).toEqual(
      hashes(
        actionKeys.list({ assigneeId: 'u-3' }),
        goalKeys.detail('g-1'),
        ...seededGoalLists,
        dashboardKeys.summary(),
      ),
    );
  });

  it("action.progress_updated patches it everywhere; the goal's progress and the dashboard refetch", () => {
    const r = run(event('action.progress_updated'));
    expect(r.get(actionKeys.detail('a-1'))).toEqual({ ...action1, progress: 70, updatedAt: T1 });
    expect(r.changed).toHaveLength(6);
    expect(r.invalidated).toEqual(hashes(goalKeys.detail('g-1'), ...seededGoalLists, dashboardKeys.summary()));
    expect(r.outcome).toMatchObject({
      status: 'applied',
      invalidated: [goalKeys.detail('g-1'), goalKeys.lists(), dashboardKeys.all],
    });
  });

  it('measure.reading.created appends the reading and patches currentValue in detail, list and dashboard', () => {
    const r = run(event('measure.reading.created'));
    const patched = { ...measure1, currentValue: 42, updatedAt: T1 };
    expect(r.changed).toEqual(
      hashes(measureKeys.readings('m-1'), measureKeys.detail('m-1'), measureKeys.list(), dashboardKeys.summary()),
    );
    expect(items(r.get(measureKeys.readings('m-1')))).toEqual([
      reading1,
      { id: 'r-100', measureId: 'm-1', value: 42, recordedAt: T1, recordedBy: 'u-2' },
    ]);
    expect(r.get(measureKeys.detail('m-1'))).toEqual(patched);
    expect(items(r.get(measureKeys.list()))).toEqual([patched, measure2]);
    expect(r.get(dashboardKeys.summary())).toMatchObject({ measures: [patched, measure2], activeGoals: 1 });
    expect(r.invalidated).toEqual([]);
  });

  it('issue.created adds it to the unfiltered list; open lists and the dashboard refetch', () => {
    const r = run(event('issue.created'));
    expect(r.changed).toEqual(hashes(issueKeys.list({})));
    expect(ids(r.get(issueKeys.list({})))).toEqual(['i-1', 'i-100']);
    expect(r.invalidated).toEqual(hashes(issueKeys.list({ status: 'open' }), dashboardKeys.summary()));
  });

  it('issue.status_changed patches it, drops it from open lists, refetches in-progress lists and the dashboard', () => {
    const r = run(event('issue.status_changed'));
    expect(r.changed).toEqual(hashes(issueKeys.detail('i-1'), issueKeys.list({}), issueKeys.list({ status: 'open' })));
    expect(r.get(issueKeys.detail('i-1'))).toEqual({ ...issue1, status: 'in_progress', updatedAt: T1 });
    expect(r.invalidated).toEqual(hashes(issueKeys.list({ status: 'in_progress' }), dashboardKeys.summary()));
  });

  it('decision.created adds it to the decision list and invalidates nothing', () => {
    const r = run(event('decision.created'));
    expect(r.changed).toEqual(hashes(decisionKeys.list()));
    expect(items(r.get(decisionKeys.list()))[0]).toBe(decision1);
    expect(ids(r.get(decisionKeys.list()))).toEqual(['d-1', 'd-100']);
    expect(r.invalidated).toEqual([]);
  });

  it('attachment.created adds it to the list of the goal it is attached to, and no other', () => {
    const r = run(event('attachment.created'));
    expect(r.changed).toEqual(hashes(attachmentKeys.list('goal', 'g-1')));
    expect(items(r.get(attachmentKeys.list('goal', 'g-1')))).toEqual([
      attachment1,
      expect.objectContaining({ id: 'at-100', fileName: 'job-description.pdf' }),
    ]);
    expect(r.invalidated).toEqual([]);
  });

  it('never creates a cache entry that did not exist', () => {
    const client = newClient();
    const bridge = createCacheBridge(client, { schedule: manualSchedule().schedule });
    for (const type of EVENT_TYPES) bridge.receive(event(type));
    bridge.flush();
    expect(client.getQueryCache().getAll()).toHaveLength(0);
  });
});

describe('eventMap: the table itself', () => {
  it('has a rule with a one-line note for every event type and nothing else', () => {
    expect(Object.keys(eventMap).sort()).toEqual([...EVENT_TYPES].sort());
    for (const rule of Object.values(eventMap) as Rule[]) {
      expect(rule.note.length).toBeGreaterThan(20);
      expect(rule.note).not.toContain('\n');
    }
  });

  it('only touches keys under the families a resync covers', () => {
    const covered = (key: QueryKey) => coveredKeys.some((family) => family[0] === key[0]);
    for (const type of EVENT_TYPES) {
      const rule = eventMap[type] as Rule;
      const evt = event(type);
      const keys: QueryKey[] = [];
      if (rule.entity) {
        const { detail, lists } = ENTITIES[rule.entity.kind];
        keys.push(lists);
        if (detail !== null) keys.push(detail(rule.entity.id(evt)));
      }
      for (const target of [...(rule.patch ?? []), ...(rule.invalidate ?? [])]) {
        const key = resolveKey(target.key, evt);
        if (key) keys.push(key);
      }
      expect(keys.length, type).toBeGreaterThan(0);
      for (const key of keys) expect(covered(key), `${type} → ${JSON.stringify(key)}`).toBe(true);
    }
  });

  it('never invalidates with an empty filter (that would match every list)', () => {
    const unassigned = event('action.reassigned', { assignee_id: null });
    const rule = eventMap['action.reassigned'];
    const keys = rule.invalidate.map((target) => resolveKey(target.key, unassigned));
    expect(keys).toEqual([null, goalKeys.detail('g-1'), goalKeys.lists(), dashboardKeys.all]);
  });

  it('is exhaustive at compile time: a missing or unknown event type is a type error', () => {
    const { 'goal.created': _dropped, ...missingOne } = eventMap;
    // @ts-expect-error a rule is missing
    const incomplete: EventMap = missingOne;
    // @ts-expect-error a rule for an event type that does not exist
    const extra = { ...eventMap, 'goal.deleted': { note: 'no such event' } } satisfies EventMap;
    const complete: EventMap = eventMap;
    expect([incomplete, extra, complete].every(Boolean)).toBe(true);
    const types: EventType[] = Object.keys(complete) as EventType[];
    expect(types).toHaveLength(16);
  });
});
