import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { MockServer } from '../mock-server';
import { api, connect, control, login, refusedStatus, socketUrl, startServer, tick } from './helpers';

/**
 * The fake backend's security edges that the other mock-ws tests leave out (they already cover: a
 * foreign Origin → 403, a token for another tenant → 401, GET of another tenant's entity → 404,
 * five control verbs → 404 with MOCK_WS_CONTROL=0, no token in the log). See docs/security.md.
 */
const APP = 'http://127.0.0.1:3110';
let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A raw HTTP request, so that the path reaches the server exactly as written (fetch would normalize `..`). */
function rawRequest(
  port: number,
  method: string,
  path: string,
  body?: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method, path, headers: body ? { 'content-type': 'application/json' } : {} },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('CSWSH: the handshake checks Origin before anything else', () => {
  it('refuses look-alike origins of the app, byte for byte', async () => {
    server = await startServer({ allowedOrigins: [APP] });
    const { access_token } = await login(server);
    const url = socketUrl(server, access_token, 'acme');
    for (const origin of [
      'null', // sandboxed iframes and file:// pages
      'http://127.0.0.1:3110.evil.test',
      'http://127.0.0.1:31100',
      'https://127.0.0.1:3110',
      'http://127.0.0.1:3110/',
      'http://localhost:3110',
      'HTTP://127.0.0.1:3110',
      'http://evil.test#http://127.0.0.1:3110',
    ]) {
      expect(await refusedStatus(url, origin), origin).toBe(403);
    }
    const { body } = await control(server, 'connections');
    expect(body.open).toEqual([]);
    expect(new Set(body.handshakes.map((h: { reason: string }) => h.reason))).toEqual(new Set(['origin_not_allowed']));
  });

  it('refuses a foreign origin even with a valid token, and without a token it never gets as far as the token check', async () => {
    server = await startServer({ allowedOrigins: [APP] });
    const { access_token } = await login(server);
    expect(await refusedStatus(socketUrl(server, access_token, 'acme'), 'http://evil.test')).toBe(403);
    expect(await refusedStatus(`${server.wsUrl}?tenant=acme`, 'http://evil.test')).toBe(403);
    const { body } = await control(server, 'connections');
    expect(body.handshakes.map((h: { status: number; reason: string }) => `${h.status} ${h.reason}`)).toEqual([
      '403 origin_not_allowed',
      '403 origin_not_allowed',
    ]);
  });
});

describe('MOCK_WS_CONTROL=0: no way into the control API', () => {
  const verbs: Array<[string, string, unknown?]> = [
    ['POST', 'reset', {}],
    ['POST', 'emit', { type: 'goal.completed', data: {} }],
    ['POST', 'send-raw', { frame: 'x' }],
    ['POST', 'drop', {}],
    ['POST', 'error', { code: 'UNAUTHORIZED' }],
    ['POST', 'expire-tokens', { include_refresh: true }],
    ['POST', 'rest-delay', { path_prefix: '/api', ms: 60_000 }],
    ['POST', 'refuse-connections', { status: 503, for_ms: 60_000 }],
    ['POST', 'heartbeat', { interval_ms: 0 }],
    ['POST', 'chaos', { drop_rate: 1, seed: 1 }],
    ['GET', 'chaos'],
    ['POST', 'ping', {}],
    ['GET', 'connections'],
    ['GET', 'log'],
    ['POST', 'log/clear', {}],
    ['GET', 'state'],
  ];

  it('answers every verb with 404 and changes nothing: the session, the socket and REST keep working', async () => {
    server = await startServer({ control: false });
    const auth = await login(server);
    const socket = await connect(server, auth.access_token);
    for (const [method, verb, body] of verbs) {
      const res = await rawRequest(
        server.port,
        method,
        `/__control/${verb}`,
        body === undefined ? undefined : JSON.stringify(body),
      );
      expect(res.status, `${method} ${verb}`).toBe(404);
      expect(res.body).toContain('MOCK_WS_CONTROL=0');
    }
    expect((await api(server, '/api/goals', { token: auth.access_token })).status).toBe(200);
    expect((await api(server, '/api/auth/refresh', { body: { refresh_token: auth.refresh_token } })).status).toBe(200);
    expect(socket.ws.readyState).toBe(socket.ws.OPEN);
    await socket.close();
  });

  it('cannot be reached through path tricks either', async () => {
    server = await startServer({ control: false });
    const auth = await login(server);
    for (const path of [
      '/api/../__control/expire-tokens',
      '/__control/../__control/expire-tokens',
      '//__control/expire-tokens',
      '/%5F%5Fcontrol/expire-tokens',
      '/__CONTROL/expire-tokens',
      '/__control/expire-tokens?include_refresh=true',
      '/__control/./expire-tokens',
    ]) {
      const res = await rawRequest(server.port, 'POST', path, '{"include_refresh":true}');
      expect(res.status, path).toBe(404);
    }
    expect((await api(server, '/api/goals', { token: auth.access_token })).status).toBe(200);
    expect(await refusedStatus(`${server.url.replace('http', 'ws')}/__control/state`)).toBe(404);
  });
});

describe('tenant isolation at the handshake', () => {
  it('refuses a member of both tenants whose acme token asks for globex, and a refresh token used as an access token', async () => {
    server = await startServer();
    const max = await login(server, 'max@acme.test');
    expect(max.tenant_id).toBe('acme');
    expect(await refusedStatus(socketUrl(server, max.access_token, 'globex'))).toBe(401);
    expect(await refusedStatus(socketUrl(server, max.refresh_token, 'acme'))).toBe(401);
    const { body } = await control(server, 'connections');
    expect(body.handshakes.map((h: { reason: string }) => h.reason)).toEqual([
      'wrong_tenant',
      expect.stringMatching(/^token_/),
    ]);
  });

  it("never delivers one tenant's events to the other's sockets", async () => {
    server = await startServer();
    const acme = await connect(server, (await login(server, 'ava@acme.test')).access_token);
    const globexAuth = await login(server, 'dana@globex.test');
    const globex = await connect(server, globexAuth.access_token, { tenant: 'globex' });
    await api(server, '/api/goals', { token: globexAuth.access_token, body: { title: 'Globex only' } });
    await globex.waitFor((f) => f.type === 'goal.created');
    await tick(50);
    expect(acme.events()).toEqual([]);
    expect(acme.raw.map((r) => r.data).join('')).not.toContain('Globex only');
    await acme.close();
    await globex.close();
  });
});

describe("tenant isolation in REST: another tenant's ids are 404 or a validation error, never data", () => {
  it('reads and writes of globex entities with an acme token reveal nothing and change nothing', async () => {
    server = await startServer();
    const acme = (await login(server, 'ava@acme.test')).access_token;
    const globex = (await login(server, 'dana@globex.test')).access_token;
    const before = await api(server, '/api/actions/a-21', { token: globex });
    const attempts: Array<[string, string, unknown?]> = [
      ['GET', '/api/goals/g-7'],
      ['GET', '/api/actions/a-21'],
      ['GET', '/api/measures/m-5/readings'],
      ['GET', '/api/issues/i-6'],
      ['PATCH', '/api/actions/a-21', { progress: 1 }],
      ['PATCH', '/api/issues/i-6', { status: 'closed' }],
      ['POST', '/api/measures/m-5/readings', { value: 1 }],
      ['POST', '/api/actions', { goal_id: 'g-7', title: 'Into globex' }],
      ['POST', '/api/actions', { goal_id: 'g-1', title: 'Assigned to a stranger', assignee_id: 'u-5' }],
      ['POST', '/api/decisions', { title: 'x', outcome: 'y', issue_id: 'i-6' }],
      ['POST', '/api/issues', { title: 'x', goal_id: 'g-7' }],
      ['POST', '/api/attachments', { entity_type: 'goal', entity_id: 'g-7', file_name: 'x.pdf', size_bytes: 1 }],
    ];
    for (const [method, path, body] of attempts) {
      const res = await api(server, path, { token: acme, method, body });
      expect([400, 404], `${method} ${path} → ${res.status}`).toContain(res.status);
      expect(JSON.stringify(res.body), `${method} ${path}`).not.toMatch(/Berlin|"title"|"items"/);
    }
    const listed = await api(server, '/api/attachments?entity_type=goal&entity_id=g-7', { token: acme });
    expect(listed.body).toEqual({ items: [] });
    expect((await api(server, '/api/actions/a-21', { token: globex })).body).toEqual(before.body);
  });
});

describe('tokens never reach the console output', () => {
  it('prints no access or refresh token for sign-in, REST, accepted and refused handshakes, or control verbs', async () => {
    const printed: string[] = [];
    server = await startServer({ allowedOrigins: [APP], print: (line) => printed.push(line) });
    const auth = await login(server);
    await api(server, '/api/goals', { token: auth.access_token });
    await api(server, `/api/goals?access_token=${auth.access_token}`, { token: auth.access_token });
    await api(server, '/api/auth/refresh', { body: { refresh_token: auth.refresh_token } });
    const socket = await connect(server, auth.access_token, { origin: APP });
    expect(await refusedStatus(socketUrl(server, auth.access_token, 'globex'))).toBe(401);
    expect(await refusedStatus(socketUrl(server, auth.access_token, 'acme'), 'http://evil.test')).toBe(403);
    await control(server, 'expire-tokens', {});
    await socket.closed;
    expect(await refusedStatus(socketUrl(server, auth.access_token, 'acme'))).toBe(401);
    const text = printed.join('\n');
    expect(printed.length).toBeGreaterThan(5);
    for (const secret of [
      auth.access_token,
      auth.refresh_token,
      auth.access_token.split('.')[2]!,
      auth.refresh_token.split('.')[2]!,
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('access_token=[redacted]');
  });
});

describe('tokens never reach the control log', () => {
  it('redacts an access_token smuggled into the type of a send-raw frame', async () => {
    server = await startServer();
    const auth = await login(server);
    const socket = await connect(server, auth.access_token);
    const frame = JSON.stringify({
      type: `x?access_token=${auth.access_token}`,
      timestamp: '2026-11-27T10:00:00.000Z',
    });
    expect((await control(server, 'send-raw', { frame })).status).toBe(200);
    await socket.waitForRaw(1);
    const log = JSON.stringify((await control(server, 'log')).body);
    expect(log).toContain('x?access_token=[redacted]');
    expect(log).not.toContain(auth.access_token.split('.')[2]!);
    await socket.close();
  });
});
