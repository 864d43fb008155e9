import { describe, expect, it, vi } from 'vitest';
import { socketSuite, type Client } from '../../__tests__/helpers/socket-harness';
import { frames, settle, until } from '../../__tests__/helpers/ws-server';

const suite = socketSuite();
const { client, live } = suite;
const TOKEN_1 = 'tok-1-secret-abcdef';

function expectNoTokenPrinted(c: Client) {
  for (const text of c.printed()) {
    expect(text).not.toContain('tok-1-secret');
    expect(text).not.toContain('tok-2-secret');
  }
}

describe('UNAUTHORIZED from the server', () => {
  it('refreshes the token once and reconnects with the new one (a reconnect, so it resyncs)', async () => {
    const c = client();
    c.socket.start();
    await live(c);
    suite.server.send(frames.error('UNAUTHORIZED', 'Token expired'));
    suite.server.last().close(4001, 'unauthorized');
    await live(c, 2);
    expect(c.refreshToken).toHaveBeenCalledTimes(1);
    expect(suite.server.handshakes.map((h) => h.token)).toEqual([TOKEN_1, 'tok-2-secret-abcdef']);
    expect(c.snap().counters).toMatchObject({ tokenRefreshes: 1, errors: { UNAUTHORIZED: 1 }, reconnects: 1 });
    expect(c.onResync).toHaveBeenCalledTimes(1);
  });

  it('answers each UNAUTHORIZED with one refresh, backs off on repeats, and gives up after three in a row', async () => {
    const c = client();
    c.socket.start();
    await live(c);
    suite.server.send(frames.error('UNAUTHORIZED', 'Token expired'));
    await live(c, 2); // the first one reconnects at once
    for (const [n, delay] of [
      [2, 1_000],
      [3, 2_000],
    ] as const) {
      suite.server.send(frames.error('UNAUTHORIZED', 'Token revoked'));
      await until(() => c.snap().counters.errors.UNAUTHORIZED === n, `UNAUTHORIZED #${n}`);
      expect(c.lastDelay()).toBe(delay);
      expect(c.snap().lastError).toBe(
        `The realtime server ended the session because the token expired or was revoked. Renewing it; retrying in ${delay / 1000} s.`,
      );
      await vi.advanceTimersByTimeAsync(delay);
      await live(c, n + 1);
    }
    expect(c.refreshToken).toHaveBeenCalledTimes(3);
    suite.server.send(frames.error('UNAUTHORIZED', 'Token revoked'));
    await until(() => c.snap().state === 'unauthorized', 'unauthorized');
    expect(c.snap().lastError).toBe(
      'The realtime server rejected the session 4 times in a row, even with renewed tokens. Sign in again to get live updates.',
    );
    await until(() => suite.server.openCount() === 0, 'closed');
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    await settle();
    expect(suite.server.handshakes).toHaveLength(4);
    expect(c.refreshToken).toHaveBeenCalledTimes(3);
  });

  it('forgets earlier UNAUTHORIZED frames once a connection has been stable', async () => {
    const c = client({ unauthorizedBeforeGivingUp: 1 });
    c.socket.start();
    await live(c);
    for (let n = 1; n <= 3; n++) {
      suite.server.send(frames.error('UNAUTHORIZED', 'Token expired'));
      await live(c, n + 1);
      await vi.advanceTimersByTimeAsync(5_000);
    }
    expect(c.snap().state).toBe('live');
    expect(c.refreshToken).toHaveBeenCalledTimes(3);
  });
});

describe('refused handshakes', () => {
  it('refreshes before retrying when the token is expired: the old token is never offered again', async () => {
    suite.server.state.refuse = (_req, token) => (token === TOKEN_1 ? 401 : null);
    const c = client();
    c.auth.token = 'tok-0-secret-abcdef';
    c.socket.start();
    await until(() => suite.server.handshakes.length === 1, 'first handshake');
    // accepted (not TOKEN_1) — now expire the token locally and drop the connection
    await live(c);
    c.auth.token = TOKEN_1;
    c.auth.expiry = Date.now() - 1;
    suite.server.last().terminate();
    await until(() => c.snap().state === 'reconnecting', 'drop');
    await vi.advanceTimersByTimeAsync(1_000);
    await live(c, 2);
    expect(suite.server.handshakes.map((h) => h.token)).toEqual(['tok-0-secret-abcdef', 'tok-2-secret-abcdef']);
    expect(c.refreshToken).toHaveBeenCalledTimes(1);
  });

  it('refreshes a token about to expire before the first connect', async () => {
    const c = client();
    c.auth.expiry = Date.now() + 10_000; // within the 30 s margin
    c.socket.start();
    await live(c);
    expect(c.refreshToken).toHaveBeenCalledTimes(1);
    expect(suite.server.handshakes.map((h) => h.token)).toEqual(['tok-2-secret-abcdef']);
  });

  it('refreshes after two refused handshakes in a row when expiry is unknown, once per streak', async () => {
    suite.server.state.refuse = () => 401;
    const c = client();
    c.socket.start();
    for (let i = 1; i <= 2; i++) {
      await until(() => c.snap().counters.handshakeFailures === i, `refusal ${i}`);
      await vi.advanceTimersByTimeAsync(c.snap().nextRetryAt! - Date.now());
    }
    await until(() => suite.server.handshakes.length === 3, 'third handshake');
    expect(c.refreshToken).toHaveBeenCalledTimes(1);
    expect(suite.server.handshakes.map((h) => h.token)).toEqual([TOKEN_1, TOKEN_1, 'tok-2-secret-abcdef']);
    for (let i = 3; i <= 5; i++) {
      await until(() => c.snap().counters.handshakeFailures === i, `refusal ${i}`);
      await vi.advanceTimersByTimeAsync(c.snap().nextRetryAt! - Date.now());
    }
    expect(c.refreshToken).toHaveBeenCalledTimes(1);
    suite.server.state.refuse = () => null;
    await live(c);
    expect(c.snap().attempt).toBe(5);
  });

  it('goes unauthorized and stops for good when the refresh fails, printing no token', async () => {
    const c = client();
    c.refreshToken.mockRejectedValue(new Error(`refresh rejected for ${TOKEN_1} (401)`));
    c.auth.expiry = Date.now() - 1;
    c.socket.start();
    await until(() => c.snap().state === 'unauthorized', 'unauthorized');
    expect(c.snap().lastError).toBe(
      'Your session expired and could not be renewed (refresh rejected for [redacted] (401)). Sign in again to get live updates.',
    );
    expect(c.snap().nextRetryAt).toBeNull();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    await settle();
    expect(suite.server.handshakes).toHaveLength(0);
    expect(c.refreshToken).toHaveBeenCalledTimes(1);
    expectNoTokenPrinted(c);

    // A person signs in again and presses retry: the socket tries once more.
    c.refreshToken.mockReset();
    c.auth.token = 'tok-9-secret-abcdef';
    c.auth.expiry = Date.now() + 3_600_000;
    c.socket.reconnectNow();
    await live(c);
    expect(c.refreshToken).not.toHaveBeenCalled();
  });

  it('goes unauthorized when there is still no token after a refresh', async () => {
    const c = client({ getAccessToken: () => null });
    c.socket.start();
    await until(() => c.snap().state === 'unauthorized', 'unauthorized');
    expect(c.snap().lastError).toBe('There is no access token to connect with. Sign in again to get live updates.');
    expect(c.refreshToken).toHaveBeenCalledTimes(1);
  });

  it('does not connect when stopped while a refresh is in flight', async () => {
    let release!: () => void;
    const c = client();
    c.refreshToken.mockImplementation(() => new Promise<void>((resolve) => (release = resolve)));
    c.auth.expiry = Date.now() - 1;
    c.socket.start();
    await until(() => c.refreshToken.mock.calls.length === 1, 'refresh started');
    c.socket.stop();
    release();
    await settle();
    expect(suite.server.handshakes).toHaveLength(0);
    expect(c.snap().state).not.toBe('unauthorized');
  });

  it('shares one refresh between overlapping connects', async () => {
    let release!: () => void;
    const c = client();
    c.refreshToken.mockImplementation(async () => {
      await new Promise<void>((resolve) => (release = resolve));
      c.auth.token = 'tok-3-secret-abcdef';
      c.auth.expiry = Date.now() + 3_600_000;
    });
    c.auth.expiry = Date.now() - 1;
    c.socket.start();
    await until(() => c.refreshToken.mock.calls.length === 1, 'refresh started');
    c.socket.reconnectNow();
    release();
    await live(c);
    expect(c.refreshToken).toHaveBeenCalledTimes(1);
    await settle();
    expect(suite.server.handshakes.map((h) => h.token)).toEqual(['tok-3-secret-abcdef']);
  });

  it('a refresh that fails after stop changes nothing', async () => {
    let fail!: (e: Error) => void;
    const c = client();
    c.refreshToken.mockImplementation(() => new Promise<void>((_resolve, reject) => (fail = reject)));
    c.auth.expiry = Date.now() - 1;
    c.socket.start();
    await until(() => c.refreshToken.mock.calls.length === 1, 'refresh started');
    c.socket.stop();
    fail(new Error('network'));
    await settle();
    expect(c.snap().state).toBe('connecting');
  });
});

describe('redaction', () => {
  it('never prints the token: close reasons, server messages and logged URLs are redacted', async () => {
    const c = client();
    c.socket.start();
    await live(c);
    suite.server.send(frames.error('INTERNAL_ERROR', `failed for access_token=${TOKEN_1}`));
    await until(() => c.snap().counters.errors.INTERNAL_ERROR === 1, 'internal error');
    expect(c.snap().lastError).toContain('access_token=[redacted]');
    suite.server.last().close(4002, `bye ${TOKEN_1}`);
    await until(() => c.snap().state === 'reconnecting', 'drop');
    expect(c.snap().lastError).toBe('Connection lost (code 4002: bye [redacted]). Retrying in 1 s.');
    expect(c.snap().lastCloseReason).toBe('bye [redacted]');
    expect(c.logger.warn).toHaveBeenCalledWith(
      `Realtime: connection to ${suite.server.url} lost (code 4002); retrying in 1 s.`,
    );
    expectNoTokenPrinted(c);
  });
});
