import { beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeEvent, exampleEvents } from '@/lib/protocol';
import { buildConnectUrl } from '../auth';
import { createRealtimeSocket, DEFAULTS } from '../socket';
import { socketSuite } from '../../__tests__/helpers/socket-harness';
import { frames, settle, until, type TestServer } from '../../__tests__/helpers/ws-server';

const suite = socketSuite();
const client = suite.client;
const live = suite.live;
let server: TestServer;
beforeEach(() => {
  server = suite.server;
});

describe('connecting', () => {
  it('connects with a fresh token and the tenant in the URL, and goes live', async () => {
    const c = client();
    expect(c.snap().state).toBe('connecting');
    c.socket.start();
    await live(c);
    expect(server.handshakes[0]).toMatchObject({ token: 'tok-1-secret-abcdef', tenant: 'acme', status: 101 });
    expect(c.snap()).toMatchObject({ attempt: 0, nextRetryAt: null, lastError: null, connectedAt: Date.now() });
    expect(c.snap().counters.connects).toBe(1);
    expect(c.socket.url).toBe(server.url);
  });

  it('builds the connect URL with both parameters, keeping an existing query', () => {
    const url = buildConnectUrl('wss://rt.example.test/ws?stage=prod', 'a b&c', 't1');
    expect(new URL(url).searchParams.get('access_token')).toBe('a b&c');
    expect(new URL(url).searchParams.get('tenant')).toBe('t1');
    expect(new URL(url).searchParams.get('stage')).toBe('prod');
  });

  it('refuses a URL that is not ws:// or wss://, saying which variable to fix', () => {
    const base = { tenantId: 't', getAccessToken: () => 'x', refreshToken: async () => {} };
    expect(() => createRealtimeSocket({ ...base, url: 'http://127.0.0.1:4010/realtime' })).toThrow(
      /not a ws:\/\/ or wss:\/\/ URL\. Set NEXT_PUBLIC_REALTIME_WS_URL/,
    );
    expect(() => createRealtimeSocket({ ...base, url: 'not a url?access_token=leak' })).toThrow(
      /access_token=\[redacted\]/,
    );
  });

  it('ignores invalid tunables and keeps the defaults', () => {
    const c = client({ watchdogMs: Number.NaN, keepAliveMs: Infinity });
    expect(DEFAULTS.watchdogMs).toBe(75_000);
    c.socket.start();
    return live(c);
  });

  it('start twice opens one connection; stop closes it and nothing reconnects', async () => {
    const c = client();
    c.socket.start();
    c.socket.start();
    await live(c);
    c.socket.stop();
    c.socket.stop();
    await until(() => server.openCount() === 0, 'server sees the close');
    await vi.advanceTimersByTimeAsync(120_000);
    await settle();
    expect(server.handshakes).toHaveLength(1);
    expect(c.snap().nextRetryAt).toBeNull();
    c.socket.reconnectNow();
    await settle();
    expect(server.handshakes).toHaveLength(1);
  });

  it('uses the real globals for browser signals when no env is given (none in Node)', async () => {
    const c = client({ env: undefined });
    c.socket.start();
    await live(c);
  });

  it('counts a token source that throws as a failed attempt and retries with backoff', async () => {
    let calls = 0;
    const c = client({
      getAccessToken: () => {
        if (++calls === 1) throw new Error('storage unavailable');
        return 'tok-1-secret-abcdef';
      },
    });
    c.socket.start();
    await until(() => c.snap().counters.handshakeFailures === 1, 'failed attempt');
    expect(c.logger.warn).toHaveBeenCalledWith(
      'Realtime: connecting failed unexpectedly (storage unavailable); will retry.',
    );
    await vi.advanceTimersByTimeAsync(1_000);
    await live(c);
  });

  it('stop before start, and reconnectNow before start, do nothing', async () => {
    const c = client();
    c.socket.reconnectNow();
    c.socket.stop();
    c.socket.start();
    await settle();
    expect(server.handshakes).toHaveLength(0);
  });
});

describe('frames', () => {
  it('hands domain events and rejections up, and counts frames', async () => {
    const c = client();
    c.socket.start();
    await live(c);
    server.send(encodeEvent('goal.completed', exampleEvents['goal.completed'], { id: 'acme-1' }));
    server.send('{not json');
    server.send({ type: 'pong', timestamp: new Date().toISOString() });
    await until(() => c.snap().counters.framesReceived === 3, 'three frames');
    expect(c.events).toHaveLength(1);
    expect(c.events[0]).toMatchObject({ type: 'goal.completed', id: 'acme-1', data: { goalId: expect.any(String) } });
    expect(c.rejections).toEqual([expect.objectContaining({ reason: 'bad_json' })]);
  });

  it('keeps the connection when a handler throws', async () => {
    const c = client({
      onEvent: () => {
        throw new Error('handler blew up');
      },
      onRejection: () => {
        throw new Error('rejection handler blew up');
      },
    });
    c.socket.start();
    await live(c);
    server.send(encodeEvent('goal.completed', exampleEvents['goal.completed']));
    server.send('[]');
    await until(() => c.logger.warn.mock.calls.length === 2, 'two warnings');
    expect(String(c.logger.warn.mock.calls[0]?.[0])).toMatch(
      /event handler threw \(handler blew up\); the connection stays up/,
    );
    expect(c.snap().state).toBe('live');
    expect(server.openCount()).toBe(1);
  });

  it('answers a server ping with a pong', async () => {
    const c = client();
    c.socket.start();
    await live(c);
    server.send(frames.ping());
    await until(() => server.received.length === 1, 'pong');
    expect(JSON.parse(server.received[0]!.text)).toMatchObject({ type: 'pong', timestamp: expect.any(String) });
    expect(c.snap().counters.pongsSent).toBe(1);
  });

  it('sends a keep-alive ping every 5 minutes while open', async () => {
    const c = client({ watchdogMs: 60 * 60_000 });
    c.socket.start();
    await live(c);
    await vi.advanceTimersByTimeAsync(DEFAULTS.keepAliveMs - 1);
    await settle();
    expect(server.received).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    await until(() => server.received.length === 1, 'keep-alive ping');
    expect(JSON.parse(server.received[0]!.text)).toMatchObject({ type: 'ping', timestamp: expect.any(String) });
    expect(c.snap().counters.pingsSent).toBe(1);
  });

  it('queues nothing while closed: no keep-alive or pong is flushed when the next connection opens', async () => {
    const down = 2 * DEFAULTS.keepAliveMs + 60_000;
    const c = client({ watchdogMs: 60 * 60_000, initialDelayMs: down, maxDelayMs: down });
    c.socket.start();
    await live(c);
    // A ping that arrives as the connection dies, then a long outage spanning two keep-alive periods.
    server.send(frames.ping());
    server.last().terminate();
    await until(() => c.snap().state === 'reconnecting', 'drop noticed');
    await vi.advanceTimersByTimeAsync(2 * DEFAULTS.keepAliveMs);
    expect(server.handshakes).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(60_000);
    await live(c, 2);
    await settle(50);
    expect(server.received.filter((r) => r.socket === 1)).toEqual([]);
    expect(c.snap().counters.pingsSent).toBe(0);
  });
});

describe('watchdog', () => {
  it('replaces a connection that has been silent for longer than the limit', async () => {
    const c = client();
    c.socket.start();
    await live(c);
    await vi.advanceTimersByTimeAsync(60_000);
    server.send(frames.ping());
    await until(() => c.snap().counters.framesReceived === 1, 'ping arrives');
    await vi.advanceTimersByTimeAsync(74_000);
    await settle();
    expect(c.snap().counters.watchdogReplacements).toBe(0);
    await vi.advanceTimersByTimeAsync(1_000);
    await live(c, 2);
    expect(c.snap().counters.watchdogReplacements).toBe(1);
    expect(c.logger.warn).toHaveBeenCalledWith(expect.stringMatching(/No message from the realtime server for 75 s/));
    await until(() => server.sockets[0]!.readyState === server.sockets[0]!.CLOSED, 'old socket closed');
    expect(c.onResync).toHaveBeenCalledTimes(1);
  });

  it('checks silence when the tab becomes visible (timers sleep with the laptop)', async () => {
    const c = client({ watchdogMs: 75_000 });
    c.socket.start();
    await live(c);
    vi.setSystemTime(Date.now() + 80_000); // the clock moved on, but no timer ran
    c.env.document.dispatchEvent(new Event('visibilitychange'));
    await live(c, 2);
    expect(c.snap().counters.watchdogReplacements).toBe(1);
  });
});

describe('resync', () => {
  it('asks for a resync after a reconnect, not after the first connect', async () => {
    const c = client();
    c.socket.start();
    await live(c);
    expect(c.onResync).not.toHaveBeenCalled();
    server.last().terminate();
    await until(() => c.snap().state === 'reconnecting', 'drop noticed');
    expect(c.snap().lastError).toMatch(/^Connection lost \(code 1006\)\. Retrying in 1 s\.$/);
    await vi.advanceTimersByTimeAsync(1_000);
    await live(c, 2);
    expect(c.onResync).toHaveBeenCalledTimes(1);
    expect(c.snap().counters).toMatchObject({ connects: 2, reconnects: 1 });
  });

  it('replaces a live connection on reconnectNow (and resyncs)', async () => {
    const c = client();
    c.socket.start();
    await live(c);
    c.socket.reconnectNow();
    await live(c, 2);
    expect(c.onResync).toHaveBeenCalledTimes(1);
    await until(() => server.openCount() === 1, 'one open socket');
  });
});
