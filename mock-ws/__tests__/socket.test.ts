import { WebSocket } from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_FRAME_BYTES, decodeFrame } from '../../lib/protocol';
import type { MockServer } from '../mock-server';
import { connect, control, login, refusedStatus, socketUrl, startServer, tick } from './helpers';

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('handshake', () => {
  it('accepts a valid token for its tenant and records the handshake', async () => {
    server = await startServer();
    const { access_token } = await login(server);
    const socket = await connect(server, access_token, { tenant: 'acme', origin: 'http://127.0.0.1:3000' });
    const { body } = await control(server, 'connections');
    expect(body.open).toEqual([
      { id: 'c-1', tenant: 'acme', user_id: 'u-1', origin: 'http://127.0.0.1:3000', opened_at: expect.any(Number) },
    ]);
    expect(body.handshakes.at(-1)).toMatchObject({ outcome: 'accepted', status: 101, tenant: 'acme' });
    await socket.close();
  });

  it('refuses a bad token, a token for another tenant and a missing token with HTTP 401', async () => {
    server = await startServer();
    const { access_token } = await login(server);
    expect(await refusedStatus(socketUrl(server, 'not.a.token', 'acme'))).toBe(401);
    expect(await refusedStatus(socketUrl(server, access_token, 'globex'))).toBe(401);
    expect(await refusedStatus(`${server.wsUrl}?tenant=acme`)).toBe(401);
    const { body } = await control(server, 'connections');
    expect(body.handshakes.map((h: { reason: string }) => h.reason)).toEqual([
      'token_bad_signature',
      'wrong_tenant',
      'token_missing',
    ]);
    expect(
      body.handshakes.every((h: { outcome: string; status: number }) => h.outcome === 'refused' && h.status === 401),
    ).toBe(true);
    expect(body.open).toEqual([]);
  });

  it('refuses an expired token with HTTP 401', async () => {
    server = await startServer({ accessTtlS: 1 });
    const { access_token } = await login(server);
    await tick(1_050 - (Date.now() % 1000));
    expect(await refusedStatus(socketUrl(server, access_token, 'acme'))).toBe(401);
    expect((await control(server, 'connections')).body.handshakes[0].reason).toBe('token_expired');
  });

  it('checks Origin: a foreign one gets 403, an allowed one or none gets in', async () => {
    server = await startServer({ allowedOrigins: ['http://127.0.0.1:3110'] });
    const { access_token } = await login(server);
    expect(await refusedStatus(socketUrl(server, access_token, 'acme'), 'http://evil.test')).toBe(403);
    expect(await refusedStatus(socketUrl(server, access_token, 'acme'), 'http://127.0.0.1:3000')).toBe(403);
    await (await connect(server, access_token, { origin: 'http://127.0.0.1:3110' })).close();
    await (await connect(server, access_token)).close();
  });

  it('answers upgrades on other paths with 404', async () => {
    server = await startServer();
    const { access_token } = await login(server);
    expect(await refusedStatus(`${server.url.replace('http', 'ws')}/socket?access_token=${access_token}`)).toBe(404);
  });
});

describe('heartbeat', () => {
  it('sends a server ping every MOCK_WS_PING_MS', async () => {
    server = await startServer({ pingMs: 40 });
    const socket = await connect(server, (await login(server)).access_token);
    const pings = await socket.waitFor((f) => f.type === 'ping', 2);
    for (const ping of pings)
      expect(decodeFrame(JSON.stringify(ping))).toMatchObject({ ok: true, frame: { type: 'ping' } });
    await socket.close();
  });

  it('answers a client ping with pong and logs client pongs', async () => {
    server = await startServer();
    const socket = await connect(server, (await login(server)).access_token);
    socket.send({ type: 'ping' });
    const [pong] = await socket.waitFor((f) => f.type === 'pong');
    expect(decodeFrame(JSON.stringify(pong)).ok).toBe(true);
    socket.send({ type: 'pong', timestamp: new Date().toISOString() });
    await tick(30);
    const entries = (await control(server, 'log?kind=ws_in')).body.entries;
    expect(entries.map((e: { type: string }) => e.type)).toEqual(['ping', 'pong']);
    expect(entries[0]).toMatchObject({
      kind: 'ws_in',
      connection_id: 'c-1',
      seq: expect.any(Number),
      at: expect.any(Number),
    });
    await socket.close();
  });
});

describe('client frames', () => {
  it('logs and ignores a malformed client frame without closing', async () => {
    server = await startServer();
    const socket = await connect(server, (await login(server)).access_token);
    socket.send('{not json');
    socket.send({ type: 'subscribe' });
    socket.send(Buffer.from([1, 2, 3]));
    socket.send({ type: 'ping' });
    await socket.waitFor((f) => f.type === 'pong');
    const invalid = (await control(server, 'log?kind=ws_in')).body.entries.filter(
      (e: { type: string }) => e.type === 'invalid',
    );
    expect(invalid.map((e: { reason: string }) => e.reason)).toEqual([
      'Frame is not valid JSON.',
      'Unknown client frame type.',
      'Binary frames are not accepted.',
    ]);
    expect(socket.ws.readyState).toBe(WebSocket.OPEN);
    await socket.close();
  });

  it('closes with 1009 when a client message is over 128 KB', async () => {
    server = await startServer();
    const socket = await connect(server, (await login(server)).access_token);
    socket.send('x'.repeat(MAX_FRAME_BYTES + 1));
    expect((await socket.closed).code).toBe(1009);
    await tick(20);
    const closes = (await control(server, 'log?kind=close')).body.entries;
    expect(closes[0]).toMatchObject({ kind: 'close', code: 1009, connection_id: 'c-1', tenant: 'acme' });
  });

  it('accepts a message of exactly 128 KB', async () => {
    server = await startServer();
    const socket = await connect(server, (await login(server)).access_token);
    socket.send('x'.repeat(MAX_FRAME_BYTES));
    socket.send({ type: 'ping' });
    await socket.waitFor((f) => f.type === 'pong');
    await socket.close();
  });
});

describe('token expiry on a live socket', () => {
  it('sends error UNAUTHORIZED, then closes with 4001', async () => {
    server = await startServer({ accessTtlS: 1 });
    const socket = await connect(server, (await login(server)).access_token);
    const { code } = await socket.closed;
    expect(code).toBe(4001);
    const [error] = socket.frames.filter((f) => f.type === 'error');
    expect(error!.data).toEqual({
      code: 'UNAUTHORIZED',
      message: 'Your access token expired. Refresh it and reconnect.',
    });
  });
});
