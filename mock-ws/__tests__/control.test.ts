import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeFrame } from '../../lib/protocol';
import type { MockServer } from '../mock-server';
import { api, connect, control, login, refusedStatus, socketUrl, startServer, tick, type TestSocket } from './helpers';

let server: MockServer;
beforeAll(async () => {
  server = await startServer();
});
beforeEach(async () => {
  await control(server, 'reset', {});
});
afterAll(() => server.close());

const goalCompleted = {
  goal_id: 'g-1',
  previous_status: 'active',
  status: 'completed',
  updated_at: '2026-11-27T10:00:00.000Z',
};

async function twoSockets(): Promise<[TestSocket, TestSocket, string]> {
  const { access_token } = await login(server);
  const acme = await connect(server, access_token, { tenant: 'acme' });
  const globex = await connect(server, (await login(server, 'dana@globex.test')).access_token, { tenant: 'globex' });
  return [acme, globex, access_token];
}

describe('POST /__control/emit', () => {
  it('sends a validated event to acme by default with the next per-tenant id', async () => {
    const [acme, globex] = await twoSockets();
    const res = await control(server, 'emit', { type: 'goal.completed', data: goalCompleted });
    expect(res).toMatchObject({ status: 200, body: { sent: 1, id: 'acme-000001' } });
    const [frame] = await acme.waitFor((f) => f.type === 'goal.completed');
    expect(frame).toMatchObject({ id: 'acme-000001', data: goalCompleted });
    expect(decodeFrame(acme.raw.at(-1)!.data).ok).toBe(true);
    const explicit = await control(server, 'emit', {
      type: 'goal.completed',
      data: goalCompleted,
      tenant: 'globex',
      id: 'custom-9',
    });
    expect(explicit.body).toEqual({ sent: 1, id: 'custom-9' });
    await globex.waitFor((f) => f.id === 'custom-9');
    expect(acme.events()).toHaveLength(1);
    await Promise.all([acme.close(), globex.close()]);
  });

  it('refuses an invalid payload, an unknown type and an unknown tenant with the reason', async () => {
    const bad = await control(server, 'emit', { type: 'goal.completed', data: { goal_id: 'g-1', status: 'finished' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/Invalid goal\.completed payload: .*status/);
    const unknown = await control(server, 'emit', { type: 'goal.exploded', data: {} });
    expect(unknown.body.error.message).toContain('Unknown event type "goal.exploded"');
    expect(
      (await control(server, 'emit', { type: 'goal.completed', data: goalCompleted, tenant: 'initech' })).body.error
        .message,
    ).toContain('Unknown tenant');
    // Rejected events do not use up ids.
    expect((await control(server, 'emit', { type: 'goal.completed', data: goalCompleted })).body.id).toBe(
      'acme-000001',
    );
  });
});

describe('POST /__control/send-raw', () => {
  it("sends text as-is and binary frames to a tenant's sockets, or to all", async () => {
    const [acme, globex] = await twoSockets();
    expect(
      (await control(server, 'send-raw', { frame: '{"type":"goal.completed","data":', tenant: 'acme' })).body,
    ).toEqual({ sent: 1 });
    await acme.waitForRaw(1);
    expect(acme.raw[0]).toEqual({ data: '{"type":"goal.completed","data":', binary: false });
    expect(
      (
        await control(server, 'send-raw', {
          frame: Buffer.from('hi').toString('base64'),
          binary: true,
          encoding: 'base64',
        })
      ).body,
    ).toEqual({ sent: 2 });
    await acme.waitForRaw(2);
    await globex.waitForRaw(1);
    expect(acme.raw[1]).toEqual({ data: 'hi', binary: true });
    expect(globex.raw).toEqual([{ data: 'hi', binary: true }]);
    await Promise.all([acme.close(), globex.close()]);
  });
});

describe('POST /__control/drop', () => {
  it('closes with the given code and reason', async () => {
    const [acme, globex] = await twoSockets();
    expect((await control(server, 'drop', { code: 4000, reason: 'bye', tenant: 'acme' })).body).toEqual({
      dropped: 1,
      code: 4000,
    });
    expect(await acme.closed).toEqual({ code: 4000, reason: 'bye' });
    expect(globex.ws.readyState).toBe(globex.ws.OPEN);
    await globex.close();
  });

  it('terminates abruptly without a code (the client sees 1006)', async () => {
    const [acme, globex] = await twoSockets();
    expect((await control(server, 'drop', {})).body.dropped).toBe(2);
    expect((await acme.closed).code).toBe(1006);
    expect((await globex.closed).code).toBe(1006);
  });

  it('rejects a code a server may not send', async () => {
    const res = await control(server, 'drop', { code: 1006 });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('code');
  });
});

describe('POST /__control/error', () => {
  it('sends RATE_LIMIT_EXCEEDED with retry_after_ms and keeps the socket open', async () => {
    const [acme, globex] = await twoSockets();
    expect(
      (await control(server, 'error', { code: 'RATE_LIMIT_EXCEEDED', retry_after_ms: 5000, tenant: 'acme' })).body,
    ).toEqual({ sent: 1 });
    const [frame] = await acme.waitFor((f) => f.type === 'error');
    expect(frame!.data).toEqual({
      code: 'RATE_LIMIT_EXCEEDED',
      message: 'Too many requests. Wait before reconnecting.',
      retry_after_ms: 5000,
    });
    expect(decodeFrame(acme.raw.at(-1)!.data).ok).toBe(true);
    expect(acme.ws.readyState).toBe(acme.ws.OPEN);
    await Promise.all([acme.close(), globex.close()]);
  });

  it('UNAUTHORIZED also closes the socket', async () => {
    const [acme, globex] = await twoSockets();
    await control(server, 'error', { code: 'UNAUTHORIZED', message: 'Session ended.' });
    expect((await acme.closed).code).toBe(4001);
    expect(acme.frames.find((f) => f.type === 'error')!.data).toEqual({
      code: 'UNAUTHORIZED',
      message: 'Session ended.',
    });
    expect((await globex.closed).code).toBe(4001);
  });

  it('rejects an unknown code', async () => {
    expect((await control(server, 'error', { code: 'TEAPOT' })).status).toBe(400);
  });
});

describe('POST /__control/expire-tokens', () => {
  it('invalidates access tokens, closes sockets with UNAUTHORIZED, and leaves refresh tokens working', async () => {
    const auth = await login(server);
    const socket = await connect(server, auth.access_token);
    expect((await control(server, 'expire-tokens', {})).body).toEqual({ expired: ['access'], closed: 1 });
    expect((await socket.closed).code).toBe(4001);
    expect(socket.frames.find((f) => f.type === 'error')!.data.code).toBe('UNAUTHORIZED');
    const rejected = await api(server, '/api/goals', { token: auth.access_token });
    expect(rejected.status).toBe(401);
    expect(rejected.body.error.message).toContain('revoked');
    expect(await refusedStatus(socketUrl(server, auth.access_token, 'acme'))).toBe(401);
    const refreshed = await api(server, '/api/auth/refresh', { body: { refresh_token: auth.refresh_token } });
    expect(refreshed.status).toBe(200);
    await (await connect(server, refreshed.body.access_token)).close();
  });

  it('with include_refresh, refresh tokens stop working too', async () => {
    const auth = await login(server);
    expect((await control(server, 'expire-tokens', { include_refresh: true })).body.expired).toEqual([
      'access',
      'refresh',
    ]);
    expect((await api(server, '/api/auth/refresh', { body: { refresh_token: auth.refresh_token } })).status).toBe(401);
    expect((await api(server, '/api/goals', { token: (await login(server)).access_token })).status).toBe(200);
  });
});

describe('POST /__control/rest-delay', () => {
  it('delays matching REST responses, which still carry the data of their time', async () => {
    const { access_token: token } = await login(server);
    expect((await control(server, 'rest-delay', { path_prefix: '/api/goals/g-1', ms: 150 })).body).toEqual({
      delays: { '/api/goals/g-1': 150 },
    });
    const started = Date.now();
    const slow = api(server, '/api/goals/g-1', { token });
    await tick(30);
    await api(server, '/api/goals/g-2', { token, method: 'PATCH', body: { status: 'completed' } });
    const fast = await api(server, '/api/goals/g-3', { token });
    expect(Date.now() - started).toBeLessThan(150);
    expect(fast.status).toBe(200);
    await api(server, '/api/actions/a-1', { token });
    const res = await slow;
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(res.body.status).toBe('active');
    expect((await control(server, 'rest-delay', { path_prefix: '/api/goals/g-1', ms: 0 })).body).toEqual({
      delays: {},
    });
  });

  it('rejects a prefix that is not a path', async () => {
    expect((await control(server, 'rest-delay', { path_prefix: 'api', ms: 10 })).body.error.message).toContain(
      'path_prefix',
    );
  });
});

describe('POST /__control/refuse-connections', () => {
  it('answers handshakes with the status for that long, and 0 clears it', async () => {
    const { access_token } = await login(server);
    const url = socketUrl(server, access_token, 'acme');
    expect((await control(server, 'refuse-connections', { status: 503, for_ms: 60_000 })).body).toMatchObject({
      refusing: true,
      status: 503,
    });
    expect(await refusedStatus(url)).toBe(503);
    await control(server, 'refuse-connections', { status: 429, for_ms: 60 });
    expect(await refusedStatus(url)).toBe(429);
    await tick(80);
    await (await connect(server, access_token)).close();
    await control(server, 'refuse-connections', { status: 503, for_ms: 60_000 });
    expect((await control(server, 'refuse-connections', { status: 503, for_ms: 0 })).body.refusing).toBe(false);
    await (await connect(server, access_token)).close();
    const reasons = (await control(server, 'connections')).body.handshakes.map((h: { status: number }) => h.status);
    expect(reasons.slice(-4)).toEqual([503, 429, 101, 101]);
  });

  it('rejects a status that is not an error', async () => {
    expect((await control(server, 'refuse-connections', { status: 200, for_ms: 10 })).status).toBe(400);
  });
});

describe('POST /__control/heartbeat and ping', () => {
  it('changes the ping interval for open sockets, and 0 stops pings', async () => {
    const socket = await connect(server, (await login(server)).access_token);
    expect((await control(server, 'heartbeat', { interval_ms: 20 })).body).toEqual({ interval_ms: 20 });
    await socket.waitFor((f) => f.type === 'ping', 2);
    await control(server, 'heartbeat', { interval_ms: 0 });
    const count = socket.frames.length;
    await tick(60);
    expect(socket.frames.length).toBe(count);
    expect((await control(server, 'ping', {})).body).toEqual({ sent: 1 });
    await socket.waitFor((f) => f.type === 'ping', count + 1);
    await socket.close();
  });

  it('rejects an interval that would flood', async () => {
    expect((await control(server, 'heartbeat', { interval_ms: 1 })).status).toBe(400);
  });
});

describe('GET /__control/log', () => {
  it('records REST, handshakes, frames both ways and closes, with increasing seq and no tokens', async () => {
    await control(server, 'log/clear', {});
    const auth = await login(server);
    await api(server, '/api/goals?status=active', { token: auth.access_token });
    const socket = await connect(server, auth.access_token);
    await control(server, 'emit', { type: 'goal.completed', data: goalCompleted });
    socket.send({ type: 'pong' });
    await socket.waitFor((f) => f.type === 'goal.completed');
    await socket.close();
    await tick(20);
    const { body } = await control(server, 'log');
    const kinds = body.entries.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['rest', 'handshake', 'ws_out', 'ws_in', 'close']));
    const seqs = body.entries.map((e: { seq: number }) => e.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(
      body.entries.find((e: { kind: string; path?: string }) => e.kind === 'rest' && e.path?.startsWith('/api/goals')),
    ).toMatchObject({
      method: 'GET',
      path: '/api/goals?status=active',
      status: 200,
      tenant: 'acme',
      at: expect.any(Number),
    });
    expect(body.entries.find((e: { kind: string }) => e.kind === 'ws_out')).toMatchObject({
      type: 'goal.completed',
      id: 'acme-000001',
      tenant: 'acme',
      size: expect.any(Number),
    });
    const handshake = body.entries.find((e: { kind: string }) => e.kind === 'handshake');
    expect(handshake.path).toBe('/realtime?access_token=[redacted]&tenant=acme');
    const text = JSON.stringify(body);
    for (const secret of [auth.access_token, auth.refresh_token, auth.access_token.split('.')[2]!])
      expect(text).not.toContain(secret);
    const later = (await control(server, `log?since=${seqs.at(-2)}`)).body.entries;
    expect(later.map((e: { seq: number }) => e.seq)).toEqual([seqs.at(-1)]);
    expect((await control(server, 'log?since=-1')).status).toBe(400);
  });
});

describe('other verbs', () => {
  it('GET state counts the data; GET connections lists sockets', async () => {
    const { body } = await control(server, 'state');
    expect(body.tenants.acme).toMatchObject({
      goals: 6,
      actions: 20,
      measures: 4,
      issues: 5,
      decisions: 3,
      last_event_seq: 0,
    });
    expect(body.connections).toBe(0);
  });

  it('answers an unknown verb with 404 and a wrong method with 405', async () => {
    const unknown = await control(server, 'explode', {});
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('reset');
    expect((await control(server, 'reset')).status).toBe(405);
    expect((await control(server, 'connections', {})).status).toBe(405);
    expect((await control(server, 'emit', undefined, 'POST')).status).toBe(400);
  });
});

describe('MOCK_WS_CONTROL=0', () => {
  it('turns every control verb into 404 while the API keeps working', async () => {
    const off = await startServer({ control: false });
    try {
      for (const verb of ['reset', 'emit', 'log', 'connections', 'chaos']) {
        const res = await control(off, verb, verb === 'log' || verb === 'connections' ? undefined : {});
        expect(res.status).toBe(404);
        expect(res.body.error.message).toContain('MOCK_WS_CONTROL=0');
      }
      expect((await api(off, '/api/goals', { token: (await login(off)).access_token })).status).toBe(200);
    } finally {
      await off.close();
    }
  });
});
