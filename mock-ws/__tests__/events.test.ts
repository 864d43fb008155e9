import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeFrame } from '../../lib/protocol';
import type { MockServer } from '../mock-server';
import { api, connect, control, expectValidFrames, login, startServer, type Frame, type TestSocket } from './helpers';

let server: MockServer;
let token: string;
let acme: TestSocket;
let globex: TestSocket;
let globexToken: string;

beforeAll(async () => {
  server = await startServer();
  token = (await login(server)).access_token;
  globexToken = (await login(server, 'dana@globex.test')).access_token;
});
beforeEach(async () => {
  await control(server, 'reset', {});
  acme = await connect(server, token, { tenant: 'acme' });
  globex = await connect(server, globexToken, { tenant: 'globex' });
});
afterEach(async () => {
  await Promise.all([acme.close(), globex.close()]);
});
afterAll(() => server.close());

/** Perform a write, then return the events the acme socket got for it (up to and including `last`). */
async function eventsOf(write: () => Promise<{ status: number }>, expected: string[]): Promise<Frame[]> {
  const before = acme.events().length;
  const res = await write();
  expect(res.status).toBeLessThan(300);
  const deadline = Date.now() + 2_000;
  while (acme.events().length - before < expected.length && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 5));
  const got = acme.events().slice(before);
  expect(got.map((f) => f.type)).toEqual(expected);
  return got;
}

describe('every write broadcasts its event(s) to its own tenant only', () => {
  const cases: Array<[string, () => Promise<{ status: number }>, string[]]> = [
    ['create goal', () => api(server, '/api/goals', { token, body: { title: 'New' } }), ['goal.created']],
    [
      'activate goal',
      () => api(server, '/api/goals/g-6', { token, method: 'PATCH', body: { status: 'active' } }),
      ['goal.activated', 'goal.activity.created'],
    ],
    [
      'complete goal',
      () => api(server, '/api/goals/g-1', { token, method: 'PATCH', body: { status: 'completed' } }),
      ['goal.completed', 'goal.activity.created'],
    ],
    [
      'cancel goal',
      () => api(server, '/api/goals/g-2', { token, method: 'PATCH', body: { status: 'cancelled' } }),
      ['goal.cancelled', 'goal.activity.created'],
    ],
    [
      'goal back to draft',
      () => api(server, '/api/goals/g-3', { token, method: 'PATCH', body: { status: 'draft' } }),
      ['goal.activity.created'],
    ],
    [
      'comment',
      () => api(server, '/api/goals/g-1/activity', { token, body: { message: 'hi' } }),
      ['goal.activity.created'],
    ],
    [
      'create action',
      () => api(server, '/api/actions', { token, body: { goal_id: 'g-1', title: 'x' } }),
      ['action.created'],
    ],
    [
      'complete action',
      () => api(server, '/api/actions/a-3', { token, method: 'PATCH', body: { status: 'done' } }),
      ['action.completed', 'goal.activity.created'],
    ],
    [
      'block action',
      () => api(server, '/api/actions/a-3', { token, method: 'PATCH', body: { status: 'blocked' } }),
      ['action.status_changed'],
    ],
    [
      'reprioritise action',
      () => api(server, '/api/actions/a-3', { token, method: 'PATCH', body: { priority: 'low' } }),
      ['action.priority_changed'],
    ],
    [
      'reassign action',
      () => api(server, '/api/actions/a-3', { token, method: 'PATCH', body: { assignee_id: 'u-4' } }),
      ['action.reassigned'],
    ],
    [
      'progress action',
      () => api(server, '/api/actions/a-3', { token, method: 'PATCH', body: { progress: 75 } }),
      ['action.progress_updated'],
    ],
    [
      'record reading',
      () => api(server, '/api/measures/m-2/readings', { token, body: { value: 107 } }),
      ['measure.reading.created'],
    ],
    ['raise issue', () => api(server, '/api/issues', { token, body: { title: 'x' } }), ['issue.created']],
    [
      'move issue',
      () => api(server, '/api/issues/i-2', { token, method: 'PATCH', body: { status: 'in_progress' } }),
      ['issue.status_changed'],
    ],
    [
      'record decision',
      () => api(server, '/api/decisions', { token, body: { title: 'x', outcome: 'y' } }),
      ['decision.created'],
    ],
    [
      'attach file',
      () =>
        api(server, '/api/attachments', {
          token,
          body: { entity_type: 'goal', entity_id: 'g-1', file_name: 'a.pdf', size_bytes: 10 },
        }),
      ['attachment.created'],
    ],
  ];

  for (const [name, write, expected] of cases) {
    it(`${name} → ${expected.join(' + ')}`, async () => {
      await eventsOf(write, expected);
      expectValidFrames(acme.raw.filter((r) => !r.data.includes('"ping"')));
      // A later write in globex reaches globex: if the earlier one had leaked, it would be there first.
      await api(server, '/api/issues', { token: globexToken, body: { title: 'marker' } });
      const [first] = await globex.waitFor((f) => f.type === 'issue.created');
      expect(globex.events()).toEqual([first]);
      expect(first!.id).toBe('globex-000001');
    });
  }
});

describe('event content', () => {
  it('numbers events per tenant, zero-padded, with a timestamp', async () => {
    await api(server, '/api/goals', { token, body: { title: 'a' } });
    await api(server, '/api/goals', { token, body: { title: 'b' } });
    const frames = await acme.waitFor((f) => f.type === 'goal.created', 2);
    expect(frames.map((f) => f.id)).toEqual(['acme-000001', 'acme-000002']);
    expect(Number.isNaN(Date.parse(frames[0]!.timestamp))).toBe(false);
  });

  it("a goal status change carries previous and new status and the goal's new updated_at", async () => {
    const res = await api(server, '/api/goals/g-1', { token, method: 'PATCH', body: { status: 'completed' } });
    const [event] = await acme.waitFor((f) => f.type === 'goal.completed');
    expect(event!.data).toEqual({
      goal_id: 'g-1',
      previous_status: 'active',
      status: 'completed',
      updated_at: res.body.updated_at,
    });
    const [activity] = await acme.waitFor((f) => f.type === 'goal.activity.created');
    expect(activity!.data.activity).toMatchObject({
      goal_id: 'g-1',
      kind: 'status_changed',
      actor_id: 'u-1',
      message: 'Ava Adams marked the goal completed',
    });
  });

  it('one PATCH naming several fields sends one event per field, each with a later updated_at', async () => {
    let res: { status: number; body?: any } = { status: 0 }; // eslint-disable-line @typescript-eslint/no-explicit-any
    const events = await eventsOf(
      async () =>
        (res = await api(server, '/api/actions/a-4', {
          token,
          method: 'PATCH',
          body: { status: 'blocked', priority: 'critical', assignee_id: 'u-2', progress: 45 },
        })),
      ['action.status_changed', 'action.priority_changed', 'action.reassigned', 'action.progress_updated'],
    );
    const stamps = events.map((e) => e.data.updated_at as string);
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(4);
    expect(stamps.at(-1)).toBe(res.body.updated_at);
    expect(events[2]!.data).toMatchObject({
      action_id: 'a-4',
      goal_id: 'g-1',
      previous_assignee_id: 'u-3',
      assignee_id: 'u-2',
    });
  });

  it('completing an action sends action.completed and a feed item, and recomputes the goal', async () => {
    const goalBefore = (await api(server, '/api/goals/g-1', { token })).body;
    const res = await api(server, '/api/actions/a-3', {
      token,
      method: 'PATCH',
      body: { status: 'done', progress: 10 },
    });
    const [completed] = await acme.waitFor((f) => f.type === 'action.completed');
    expect(completed!.data).toEqual({
      action_id: 'a-3',
      goal_id: 'g-1',
      completed_at: res.body.updated_at,
      updated_at: res.body.updated_at,
    });
    const [feed] = await acme.waitFor((f) => f.type === 'goal.activity.created');
    expect(feed!.data.activity.message).toBe('Ava Adams completed "Build the in-app product tour"');
    const goalAfter = (await api(server, '/api/goals/g-1', { token })).body;
    expect(goalAfter.progress).toBe(68);
    expect(goalAfter.updated_at > goalBefore.updated_at).toBe(true);
    expect(acme.events().some((e) => e.type.startsWith('goal.') && e.type !== 'goal.activity.created')).toBe(false);
  });

  it('a reading event carries the reading', async () => {
    const res = await api(server, '/api/measures/m-1/readings', { token, body: { value: 4100 } });
    const [event] = await acme.waitFor((f) => f.type === 'measure.reading.created');
    expect(event!.data).toEqual({ measure_id: 'm-1', reading: res.body });
    const parsed = decodeFrame(acme.raw.find((r) => r.data.includes('measure.reading.created'))!.data);
    expect(parsed.ok && parsed.frame.type === 'measure.reading.created' && parsed.frame.data.reading.recordedBy).toBe(
      'u-1',
    );
  });

  it('a no-op PATCH sends nothing', async () => {
    await api(server, '/api/actions/a-3', { token, method: 'PATCH', body: { priority: 'high' } });
    await api(server, '/api/issues', { token, body: { title: 'marker' } });
    await acme.waitFor((f) => f.type === 'issue.created');
    expect(acme.events().map((e) => e.type)).toEqual(['issue.created']);
  });
});
