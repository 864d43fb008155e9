import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actionSchema,
  activitySchema,
  attachmentSchema,
  decisionSchema,
  goalSchema,
  issueSchema,
  measureSchema,
  readingSchema,
} from '../../lib/protocol';
import type { MockServer } from '../mock-server';
import { rowsOf } from '../db';
import { buildSeed } from '../seed';
import { api, control, login, SEED_DATE, startServer } from './helpers';

describe('seed', () => {
  const db = buildSeed(SEED_DATE);

  it('has two tenants with their members, max in both', () => {
    expect([...db.tenants.values()]).toEqual([
      { id: 'acme', name: 'Acme Corp' },
      { id: 'globex', name: 'Globex' },
    ]);
    const byEmail = new Map([...db.users.values()].map((u) => [u.email, u]));
    for (const email of ['ava@acme.test', 'ben@acme.test', 'cho@acme.test'])
      expect(byEmail.get(email)?.tenants).toEqual(['acme']);
    for (const email of ['dana@globex.test', 'eli@globex.test', 'fay@globex.test'])
      expect(byEmail.get(email)?.tenants).toEqual(['globex']);
    expect(byEmail.get('max@acme.test')?.tenants).toEqual(['acme', 'globex']);
    expect(byEmail.get('ava@acme.test')?.name).toBe('Ava Adams');
  });

  it('gives each tenant the planned amount of realistic data', () => {
    for (const tenant of ['acme', 'globex']) {
      expect(rowsOf(db.goals, tenant)).toHaveLength(6);
      expect(rowsOf(db.actions, tenant)).toHaveLength(20);
      expect(rowsOf(db.measures, tenant)).toHaveLength(4);
      expect(rowsOf(db.readings, tenant)).toHaveLength(32);
      expect(rowsOf(db.issues, tenant)).toHaveLength(5);
      expect(rowsOf(db.decisions, tenant)).toHaveLength(3);
      expect(rowsOf(db.attachments, tenant).length).toBeGreaterThanOrEqual(3);
      expect(rowsOf(db.activity, tenant).length).toBeGreaterThan(10);
      expect(new Set(rowsOf(db.goals, tenant).map((g) => g.status))).toEqual(
        new Set(['draft', 'active', 'completed', 'cancelled']),
      );
      const actions = rowsOf(db.actions, tenant);
      expect(new Set(actions.map((a) => a.status))).toEqual(new Set(['not_started', 'in_progress', 'blocked', 'done']));
      expect(new Set(actions.map((a) => a.priority))).toEqual(new Set(['low', 'medium', 'high', 'critical']));
      const weekAhead = new Date(Date.parse(SEED_DATE) + 7 * 86_400_000).toISOString().slice(0, 10);
      const dueSoon = actions.filter(
        (a) => a.status !== 'done' && a.due_date && a.due_date >= SEED_DATE.slice(0, 10) && a.due_date <= weekAhead,
      );
      expect(dueSoon.length).toBeGreaterThanOrEqual(3);
    }
    expect(db.goals.get('g-1')?.value.title).toBe('Launch v2 onboarding');
  });

  it('validates every entity against the wire schemas and keeps ids unique across tenants', () => {
    const pairs = [
      [db.goals, goalSchema],
      [db.actions, actionSchema],
      [db.measures, measureSchema],
      [db.readings, readingSchema],
      [db.issues, issueSchema],
      [db.decisions, decisionSchema],
      [db.activity, activitySchema],
      [db.attachments, attachmentSchema],
    ] as const;
    for (const [map, schema] of pairs) {
      for (const [id, row] of map) {
        expect(row.value.id).toBe(id);
        expect(() => (schema as { parse(v: unknown): unknown }).parse(row.value)).not.toThrow();
        expect(row.value).not.toHaveProperty('tenant');
      }
    }
    expect(db.goals.get('g-7')?.tenant).toBe('globex');
    expect(db.actions.get('a-21')?.tenant).toBe('globex');
  });

  it('keeps goal progress equal to the mean of its actions and every timestamp before the seed date', () => {
    for (const { tenant, value: goal } of db.goals.values()) {
      const actions = rowsOf(db.actions, tenant).filter((a) => a.goal_id === goal.id);
      expect(goal.progress).toBe(Math.round(actions.reduce((s, a) => s + a.progress, 0) / actions.length));
      expect(goal.updated_at < SEED_DATE).toBe(true);
    }
    for (const { value } of db.actions.values()) {
      expect(value.updated_at < SEED_DATE).toBe(true);
      expect(value.status === 'done' ? value.progress === 100 : value.progress < 100).toBe(true);
    }
    for (const { value } of db.activity.values()) expect(value.created_at < SEED_DATE).toBe(true);
  });

  it('is deterministic', () => {
    expect(JSON.stringify([...buildSeed(SEED_DATE).goals])).toBe(JSON.stringify([...db.goals]));
    expect(JSON.stringify([...buildSeed(SEED_DATE).activity])).toBe(JSON.stringify([...db.activity]));
  });
});

describe('POST /__control/reset', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  const snapshot = async (token: string) => {
    const paths = [
      '/api/goals',
      '/api/actions',
      '/api/measures',
      '/api/measures/m-1/readings',
      '/api/issues',
      '/api/decisions',
      '/api/attachments',
      '/api/goals/g-1/activity',
      '/api/people',
    ];
    return Promise.all(paths.map(async (p) => (await api(server, p, { token })).body));
  };

  it('restores the seed exactly, including id and event counters', async () => {
    const { access_token: token } = await login(server);
    const before = await snapshot(token);
    const firstGoal = await api(server, '/api/goals', { token, body: { title: 'One' } });
    expect(firstGoal.body.id).toBe('g-13');
    await api(server, '/api/actions/a-3', { token, method: 'PATCH', body: { status: 'done' } });
    await api(server, '/api/measures/m-1/readings', { token, body: { value: 1 } });
    expect(await snapshot(token)).not.toEqual(before);

    expect((await control(server, 'reset', {})).body).toEqual({ ok: true });
    expect(await snapshot(token)).toEqual(before);
    const again = await api(server, '/api/goals', { token, body: { title: 'One' } });
    expect(again.body.id).toBe('g-13');
    expect(server.state.store.db.eventSeq.acme).toBe(1);
  });
});
