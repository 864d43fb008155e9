import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { restSchemas } from '../../lib/protocol';
import type { MockServer } from '../mock-server';
import { api, control, login, startServer } from './helpers';

let server: MockServer;
let token: string;
beforeAll(async () => {
  server = await startServer();
  token = (await login(server)).access_token;
});
beforeEach(async () => {
  await control(server, 'reset', {});
});
afterAll(() => server.close());

describe('/api/measures', () => {
  it('lists measures and shows one', async () => {
    const list = restSchemas.measures.parse((await api(server, '/api/measures', { token })).body).items;
    expect(list.map((m) => m.name)).toEqual([
      'Weekly active users',
      'Net revenue retention',
      'Median first response time',
      'Deploys per week',
    ]);
    expect(restSchemas.measure.parse((await api(server, '/api/measures/m-1', { token })).body).current_value).toBe(
      3940,
    );
    expect((await api(server, '/api/measures/m-5', { token })).status).toBe(404);
  });

  it('lists readings oldest first and records a new one as the current value', async () => {
    const readings = restSchemas.readings.parse(
      (await api(server, '/api/measures/m-1/readings', { token })).body,
    ).items;
    expect(readings).toHaveLength(8);
    expect(readings.map((r) => r.value)).toEqual([3120, 3260, 3310, 3480, 3620, 3590, 3790, 3940]);
    const res = await api(server, '/api/measures/m-1/readings', { token, body: { value: 4010 } });
    expect(res.status).toBe(201);
    const reading = restSchemas.reading.parse(res.body);
    expect(reading).toMatchObject({ measure_id: 'm-1', value: 4010, recorded_by: 'u-1' });
    const measure = (await api(server, '/api/measures/m-1', { token })).body;
    expect(measure).toMatchObject({ current_value: 4010, updated_at: reading.recorded_at });
    expect((await api(server, '/api/measures/m-1/readings', { token })).body.items.at(-1).id).toBe(reading.id);
  });

  it('rejects a reading that is not a number', async () => {
    const res = await api(server, '/api/measures/m-1/readings', { token, body: { value: '12' } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('value');
  });
});

describe('/api/issues', () => {
  it('lists, filters, creates, shows and updates issues', async () => {
    expect(restSchemas.issues.parse((await api(server, '/api/issues', { token })).body).items).toHaveLength(5);
    expect((await api(server, '/api/issues?status=open', { token })).body.items).toHaveLength(2);
    const created = await api(server, '/api/issues', {
      token,
      body: { title: 'Login is slow', priority: 'high', goal_id: 'g-1' },
    });
    expect(created.status).toBe(201);
    expect(restSchemas.issue.parse(created.body)).toMatchObject({
      id: 'i-11',
      status: 'open',
      priority: 'high',
      goal_id: 'g-1',
    });
    expect((await api(server, '/api/issues/i-11', { token })).body.title).toBe('Login is slow');
    const patched = await api(server, '/api/issues/i-11', {
      token,
      method: 'PATCH',
      body: { status: 'resolved', priority: 'low' },
    });
    expect(restSchemas.issue.parse(patched.body)).toMatchObject({ status: 'resolved', priority: 'low' });
    expect((await api(server, '/api/issues/i-6', { token })).status).toBe(404);
  });

  it('rejects a bad priority and a bad status filter', async () => {
    expect(
      (await api(server, '/api/issues', { token, body: { title: 'x', priority: 'urgent' } })).body.error.message,
    ).toContain('priority');
    expect((await api(server, '/api/issues?status=fixed', { token })).status).toBe(400);
  });
});

describe('/api/decisions', () => {
  it('lists and records decisions by the caller', async () => {
    expect(restSchemas.decisions.parse((await api(server, '/api/decisions', { token })).body).items).toHaveLength(3);
    const res = await api(server, '/api/decisions', {
      token,
      body: { title: 'Go with Postgres', outcome: 'Approved', issue_id: 'i-1', goal_id: 'g-1' },
    });
    expect(res.status).toBe(201);
    expect(restSchemas.decision.parse(res.body)).toMatchObject({
      id: 'd-7',
      decided_by: 'u-1',
      issue_id: 'i-1',
      goal_id: 'g-1',
    });
  });

  it('rejects a decision without an outcome or with a foreign issue', async () => {
    expect((await api(server, '/api/decisions', { token, body: { title: 'x' } })).body.error.message).toContain(
      'outcome',
    );
    expect(
      (await api(server, '/api/decisions', { token, body: { title: 'x', outcome: 'y', issue_id: 'i-6' } })).body.error
        .message,
    ).toContain('issue_id');
  });
});

describe('/api/attachments', () => {
  it('lists by entity and adds attachments with a file URL', async () => {
    const all = restSchemas.attachments.parse((await api(server, '/api/attachments', { token })).body).items;
    expect(all).toHaveLength(4);
    const onGoal = (await api(server, '/api/attachments?entity_type=goal&entity_id=g-1', { token })).body.items;
    expect(onGoal.map((a: { file_name: string }) => a.file_name)).toEqual(['onboarding-flow-v2.pdf']);
    const res = await api(server, '/api/attachments', {
      token,
      body: { entity_type: 'action', entity_id: 'a-3', file_name: 'tour draft.png', size_bytes: 2048 },
    });
    expect(res.status).toBe(201);
    expect(restSchemas.attachment.parse(res.body)).toMatchObject({
      id: 'at-9',
      url: '/files/at-9/tour%20draft.png',
      entity_id: 'a-3',
    });
  });

  it('rejects a path in the file name, a bad entity type and a foreign entity', async () => {
    const base = { entity_type: 'goal', entity_id: 'g-1', file_name: 'a.pdf', size_bytes: 1 };
    expect(
      (await api(server, '/api/attachments', { token, body: { ...base, file_name: '../etc/passwd' } })).body.error
        .message,
    ).toContain('file_name');
    expect((await api(server, '/api/attachments?entity_type=page', { token })).status).toBe(400);
    expect(
      (await api(server, '/api/attachments', { token, body: { ...base, entity_id: 'g-7' } })).body.error.message,
    ).toContain('entity_id');
  });
});

describe('/api/people and /api/dashboard', () => {
  it("lists the tenant's members", async () => {
    const people = restSchemas.people.parse((await api(server, '/api/people', { token })).body).items;
    expect(people.map((p) => p.email)).toEqual(['ava@acme.test', 'ben@acme.test', 'cho@acme.test', 'max@acme.test']);
    expect(people[0]).toEqual({ id: 'u-1', name: 'Ava Adams', email: 'ava@acme.test' });
  });

  it('summarises goals, issues, due actions, recent activity and measures', async () => {
    const res = await api(server, '/api/dashboard', { token });
    const dashboard = restSchemas.dashboard.parse(res.body);
    expect(dashboard.active_goals).toBe(3);
    expect(dashboard.open_issues).toBe(3);
    expect(dashboard.recent_activity).toHaveLength(10);
    expect(dashboard.recent_activity[0]!.message).toBe('Two strong candidates already in the pipeline.');
    expect(dashboard.measures).toHaveLength(4);
    const dueBy = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const actions = (await api(server, '/api/actions', { token })).body.items as Array<{
      status: string;
      due_date: string | null;
    }>;
    expect(dashboard.actions_due).toBe(
      actions.filter((a) => a.status !== 'done' && a.due_date && a.due_date <= dueBy).length,
    );
    expect(dashboard.actions_due).toBeGreaterThan(0);
  });
});
