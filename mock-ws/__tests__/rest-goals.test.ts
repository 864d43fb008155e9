import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { restSchemas } from '../../lib/protocol';
import type { MockServer } from '../mock-server';
import { api, control, login, startServer } from './helpers';

let server: MockServer;
let token: string;
let globexToken: string;
beforeAll(async () => {
  server = await startServer();
  token = (await login(server)).access_token;
  globexToken = (await login(server, 'dana@globex.test')).access_token;
});
beforeEach(async () => {
  await control(server, 'reset', {});
});
afterAll(() => server.close());

describe('/api/goals', () => {
  it("lists the tenant's goals, filtered by status", async () => {
    const all = await api(server, '/api/goals', { token });
    expect(all.status).toBe(200);
    expect(restSchemas.goals.parse(all.body).items.map((g) => g.id)).toEqual([
      'g-1',
      'g-2',
      'g-3',
      'g-4',
      'g-5',
      'g-6',
    ]);
    const active = restSchemas.goals.parse((await api(server, '/api/goals?status=active', { token })).body);
    expect(active.items.map((g) => g.status)).toEqual(['active', 'active', 'active']);
    const globex = restSchemas.goals.parse((await api(server, '/api/goals', { token: globexToken })).body);
    expect(globex.items[0]!.id).toBe('g-7');
  });

  it('rejects an unknown status filter, naming the field', async () => {
    const res = await api(server, '/api/goals?status=paused', { token });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.message).toMatch(/^Invalid query: status:/);
  });

  it('creates a draft goal owned by the caller', async () => {
    const res = await api(server, '/api/goals', { token, body: { title: '  Q3 hiring  ' } });
    expect(res.status).toBe(201);
    expect(restSchemas.goal.parse(res.body)).toMatchObject({
      id: 'g-13',
      title: 'Q3 hiring',
      description: '',
      status: 'draft',
      owner_id: 'u-1',
      progress: 0,
    });
    expect((await api(server, '/api/goals/g-13', { token })).body.title).toBe('Q3 hiring');
  });

  it('rejects a goal without a title', async () => {
    const res = await api(server, '/api/goals', { token, body: { title: 7 } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('title');
    expect((await api(server, '/api/goals', { token, body: { title: '   ' } })).body.error.message).toContain(
      'title: must not be empty',
    );
  });

  it('shows a goal only to its own tenant', async () => {
    const own = await api(server, '/api/goals/g-1', { token });
    expect(restSchemas.goal.parse(own.body).title).toBe('Launch v2 onboarding');
    const other = await api(server, '/api/goals/g-7', { token });
    expect(other.status).toBe(404);
    expect(other.body.error).toEqual({ code: 'not_found', message: 'Goal "g-7" was not found in this tenant.' });
  });

  it('updates the named fields and bumps updated_at', async () => {
    const before = (await api(server, '/api/goals/g-6', { token })).body;
    const res = await api(server, '/api/goals/g-6', {
      token,
      method: 'PATCH',
      body: { status: 'active', title: 'Plan the Q1 offsite (Lisbon)' },
    });
    expect(res.status).toBe(200);
    const goal = restSchemas.goal.parse(res.body);
    expect(goal).toMatchObject({
      status: 'active',
      title: 'Plan the Q1 offsite (Lisbon)',
      description: before.description,
    });
    expect(goal.updated_at > before.updated_at).toBe(true);
  });

  it('rejects an empty PATCH and an unknown status', async () => {
    const empty = await api(server, '/api/goals/g-1', { token, method: 'PATCH', body: { colour: 'red' } });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toContain('status, title, description');
    const bad = await api(server, '/api/goals/g-1', { token, method: 'PATCH', body: { status: 'done' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('status');
    expect((await api(server, '/api/goals/g-7', { token, method: 'PATCH', body: { status: 'active' } })).status).toBe(
      404,
    );
  });
});

describe('/api/goals/:id/activity', () => {
  it('lists the feed newest first and adds comments by the caller', async () => {
    const feed = restSchemas.activities.parse((await api(server, '/api/goals/g-1/activity', { token })).body).items;
    expect(feed.length).toBeGreaterThan(2);
    expect(feed.every((a) => a.goal_id === 'g-1')).toBe(true);
    expect(feed.map((a) => a.created_at)).toEqual([...feed.map((a) => a.created_at)].sort().reverse());
    const res = await api(server, '/api/goals/g-1/activity', { token, body: { message: 'Looks good' } });
    expect(res.status).toBe(201);
    expect(restSchemas.activity.parse(res.body)).toMatchObject({
      kind: 'comment',
      message: 'Looks good',
      actor_id: 'u-1',
      goal_id: 'g-1',
    });
    expect((await api(server, '/api/goals/g-1/activity', { token })).body.items[0].id).toBe(res.body.id);
  });

  it('rejects an empty comment and an unknown goal', async () => {
    expect((await api(server, '/api/goals/g-1/activity', { token, body: { message: '' } })).status).toBe(400);
    expect((await api(server, '/api/goals/g-99/activity', { token })).status).toBe(404);
    expect((await api(server, '/api/goals/g-7/activity', { token, body: { message: 'hi' } })).status).toBe(404);
  });
});

describe('/api/actions', () => {
  it('lists actions, filtered by status, goal and assignee', async () => {
    const all = restSchemas.actions.parse((await api(server, '/api/actions', { token })).body).items;
    expect(all).toHaveLength(20);
    const filtered = restSchemas.actions.parse(
      (await api(server, '/api/actions?goal_id=g-1&status=in_progress&assignee_id=u-2', { token })).body,
    ).items;
    expect(filtered.map((a) => a.title)).toEqual(['Build the in-app product tour']);
  });

  it('rejects an unknown status filter', async () => {
    const res = await api(server, '/api/actions?status=finished', { token });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('status');
  });

  it('creates an action and validates its references', async () => {
    const res = await api(server, '/api/actions', {
      token,
      body: {
        goal_id: 'g-1',
        title: 'Record a demo video',
        priority: 'high',
        assignee_id: 'u-3',
        due_date: '2026-12-01',
      },
    });
    expect(res.status).toBe(201);
    expect(restSchemas.action.parse(res.body)).toMatchObject({
      id: 'a-41',
      status: 'not_started',
      progress: 0,
      priority: 'high',
      assignee_id: 'u-3',
      due_date: '2026-12-01',
    });
    const defaults = await api(server, '/api/actions', { token, body: { goal_id: 'g-2', title: 'Plain' } });
    expect(defaults.body).toMatchObject({ priority: 'medium', assignee_id: null, due_date: null });
    const foreignGoal = await api(server, '/api/actions', { token, body: { goal_id: 'g-7', title: 'x' } });
    expect(foreignGoal.status).toBe(400);
    expect(foreignGoal.body.error.message).toContain('goal_id');
    const foreignUser = await api(server, '/api/actions', {
      token,
      body: { goal_id: 'g-1', title: 'x', assignee_id: 'u-5' },
    });
    expect(foreignUser.body.error.message).toContain('assignee_id');
    expect(
      (await api(server, '/api/actions', { token, body: { goal_id: 'g-1', title: 'x', due_date: 'tomorrow' } })).body
        .error.message,
    ).toContain('due_date');
  });

  it("shows and updates an action; done sets progress 100 and moves the goal's progress", async () => {
    expect(restSchemas.action.parse((await api(server, '/api/actions/a-3', { token })).body).progress).toBe(60);
    expect((await api(server, '/api/actions/a-21', { token })).status).toBe(404);
    const res = await api(server, '/api/actions/a-3', { token, method: 'PATCH', body: { status: 'done' } });
    expect(restSchemas.action.parse(res.body)).toMatchObject({ status: 'done', progress: 100 });
    const goal = (await api(server, '/api/goals/g-1', { token })).body;
    expect(goal.progress).toBe(Math.round((100 + 100 + 100 + 40 + 0) / 5));
    const many = await api(server, '/api/actions/a-4', {
      token,
      method: 'PATCH',
      body: { priority: 'critical', assignee_id: null, progress: 55, title: 'Emails' },
    });
    expect(many.body).toMatchObject({ priority: 'critical', assignee_id: null, progress: 55, title: 'Emails' });
  });

  it('rejects out-of-range progress', async () => {
    const res = await api(server, '/api/actions/a-3', { token, method: 'PATCH', body: { progress: 140 } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('progress');
  });
});
