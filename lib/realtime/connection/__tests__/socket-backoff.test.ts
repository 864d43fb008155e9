import { describe, expect, it, vi } from 'vitest';
import { socketSuite, type Client } from '../../__tests__/helpers/socket-harness';
import { frames, settle, until } from '../../__tests__/helpers/ws-server';

const suite = socketSuite();
const { client, live } = suite;

/** Record each scheduled delay, proving that nothing happens one ms early and the retry happens on time. */
async function followRetries(c: Client, count: number, failuresBefore = 0): Promise<number[]> {
  const delays: number[] = [];
  for (let i = 1; i <= count; i++) {
    await until(() => c.snap().counters.handshakeFailures === failuresBefore + i, `failure ${i}`);
    const handshakes = suite.server.handshakes.length;
    delays.push(c.lastDelay()!);
    await vi.advanceTimersByTimeAsync(c.snap().nextRetryAt! - Date.now() - 1);
    await settle(10);
    expect(suite.server.handshakes).toHaveLength(handshakes);
    await vi.advanceTimersByTimeAsync(1);
    await until(() => suite.server.handshakes.length === handshakes + 1, `retry ${i}`);
  }
  return delays;
}

describe('backoff', () => {
  it('retries refused handshakes after 1, 2, 4, 8, 16, 30, 30 s at the top of the jitter range', async () => {
    suite.server.state.refuse = () => 503;
    const c = client({ random: () => 0 });
    c.socket.start();
    expect(await followRetries(c, 7)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    await until(() => c.snap().counters.handshakeFailures === 8, 'eighth failure');
    expect(c.snap()).toMatchObject({ state: 'connecting', attempt: 8, lastCloseCode: 1000 });
    expect(c.snap().lastError).toBe(
      'Could not connect to the realtime server (attempt 8; it refused or did not answer). Retrying in 30 s.',
    );
  });

  it('jitters each delay down to half its step, never above it', async () => {
    suite.server.state.refuse = () => 503;
    const c = client({ random: () => 1 });
    c.socket.start();
    expect(await followRetries(c, 6)).toEqual([500, 1_000, 2_000, 4_000, 8_000, 15_000]);
  });

  it('keeps growing while connections die young, and resets only after 5 s of stable uptime', async () => {
    const c = client({ random: () => 0 });
    c.socket.start();
    await live(c, 1);
    suite.server.last().terminate();
    await until(() => c.snap().state === 'reconnecting', 'drop 1');
    expect(c.lastDelay()).toBe(1_000);
    await vi.advanceTimersByTimeAsync(1_000);
    await live(c, 2);
    await vi.advanceTimersByTimeAsync(4_900); // up, but not yet stable
    suite.server.last().terminate();
    await until(() => c.snap().state === 'reconnecting', 'drop 2');
    expect(c.snap().attempt).toBe(2);
    expect(c.lastDelay()).toBe(2_000);
    await vi.advanceTimersByTimeAsync(2_000);
    await live(c, 3);
    expect(c.snap().attempt).toBe(2);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(c.snap().attempt).toBe(0);
    suite.server.last().terminate();
    await until(() => c.snap().state === 'reconnecting', 'drop 3');
    expect(c.snap().attempt).toBe(1);
    expect(c.lastDelay()).toBe(1_000);
  });

  it('counts a connection attempt that throws before any socket exists as a refused handshake', async () => {
    const c = client({
      WebSocket: class {
        constructor() {
          throw new Error('blocked by policy');
        }
      },
    });
    c.socket.start();
    await until(() => c.snap().counters.handshakeFailures === 1, 'failure');
    expect(c.snap()).toMatchObject({ state: 'connecting', lastCloseCode: 1006 });
    expect(c.lastDelay()).toBe(1_000);
  });
});

describe('browser signals', () => {
  async function dropped(c: Client) {
    c.socket.start();
    await live(c);
    suite.server.state.refuse = () => 503;
    suite.server.last().terminate();
    await until(() => c.snap().state === 'reconnecting', 'drop noticed');
  }

  it('reconnects at once on the online event', async () => {
    const c = client({ initialDelayMs: 20_000 });
    await dropped(c);
    c.env.navigator.onLine = false;
    c.env.window.dispatchEvent(new Event('offline'));
    expect(c.snap().state).toBe('offline');
    expect(c.snap().lastError).toMatch(/^You are offline\. Live updates resume when the network is back/);
    suite.server.state.refuse = () => null;
    c.env.navigator.onLine = true;
    c.env.window.dispatchEvent(new Event('online'));
    await live(c, 2);
    expect(Date.now() - c.snap().connectedAt!).toBeLessThan(10);
  });

  it('shows offline when a drop happens while the browser is offline, and still retries', async () => {
    const c = client();
    c.socket.start();
    await live(c);
    c.env.navigator.onLine = false;
    suite.server.last().terminate();
    await until(() => c.snap().state === 'offline', 'offline');
    expect(c.snap().nextRetryAt).not.toBeNull();
    await vi.advanceTimersByTimeAsync(1_000);
    await until(() => suite.server.handshakes.length === 2, 'retry while offline');
  });

  it('reconnects at once when a hidden tab becomes visible after a drop', async () => {
    const c = client({ initialDelayMs: 20_000 });
    c.env.document.visibilityState = 'hidden';
    await dropped(c);
    c.env.document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(suite.server.handshakes).toHaveLength(1); // still hidden: nothing
    suite.server.state.refuse = () => null;
    c.env.document.visibilityState = 'visible';
    c.env.document.dispatchEvent(new Event('visibilitychange'));
    await live(c, 2);
  });

  it('drops a live connection at once when the browser goes offline, and reconnects when it is back', async () => {
    const c = client({ initialDelayMs: 20_000 });
    c.socket.start();
    await live(c);
    c.env.navigator.onLine = false;
    c.env.window.dispatchEvent(new Event('offline'));
    expect(c.snap().state).toBe('offline');
    expect(c.snap().lastError).toMatch(/^You are offline\./);
    await until(() => suite.server.openCount() === 0, 'server saw the close');
    c.env.navigator.onLine = true;
    c.env.window.dispatchEvent(new Event('online'));
    await live(c, 2);
  });

  it('ignores online and visibility signals while live, and detaches them on stop', async () => {
    const c = client();
    c.socket.start();
    await live(c);
    c.env.window.dispatchEvent(new Event('online'));
    c.env.document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(c.snap().state).toBe('live');
    expect(suite.server.handshakes).toHaveLength(1);
    c.socket.stop();
    c.env.window.dispatchEvent(new Event('online'));
    c.env.document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(suite.server.handshakes).toHaveLength(1);
  });
});

describe('server errors', () => {
  it('RATE_LIMIT_EXCEEDED: sends nothing and does not reconnect before retry_after_ms', async () => {
    const c = client();
    c.socket.start();
    await live(c);
    suite.server.send(frames.error('RATE_LIMIT_EXCEEDED', 'Too many messages', 10_000));
    suite.server.send(frames.ping());
    await until(() => c.snap().counters.framesReceived === 2, 'frames');
    expect(c.snap().counters.errors.RATE_LIMIT_EXCEEDED).toBe(1);
    expect(c.snap().lastError).toMatch(/rate limiting this connection\. Nothing is sent or reconnected for 10 s/);
    suite.server.last().terminate();
    await until(() => c.snap().state === 'reconnecting', 'drop');
    expect(c.lastDelay()).toBe(10_000);
    // The badge tells the real wait (the rate limit), not the 1 s backoff step it outlasts.
    expect(c.snap().lastError).toMatch(/Nothing is sent or reconnected for 10 s\./);
    c.env.window.dispatchEvent(new Event('online')); // even "at once" waits for the rate limit
    await vi.advanceTimersByTimeAsync(c.snap().nextRetryAt! - Date.now() - 1);
    await settle();
    expect(suite.server.handshakes).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await live(c, 2);
    suite.server.send(frames.ping());
    await until(() => suite.server.received.length === 1, 'pong after the limit');
    expect(suite.server.received).toEqual([{ socket: 1, text: expect.stringContaining('"pong"') }]);
    expect(c.snap().counters.pongsSent).toBe(1);
  });

  it('RATE_LIMIT_EXCEEDED without retry_after_ms waits for the next backoff step', async () => {
    const c = client();
    c.socket.start();
    await live(c);
    suite.server.send(frames.error('RATE_LIMIT_EXCEEDED', 'Slow down'));
    await until(() => c.snap().counters.errors.RATE_LIMIT_EXCEEDED === 1, 'error');
    expect(c.snap().lastError).toMatch(/for 1 s\.$/);
  });

  it('INTERNAL_ERROR: counted and logged, the connection and events continue', async () => {
    const c = client();
    c.socket.start();
    await live(c);
    suite.server.send(frames.error('INTERNAL_ERROR', 'db timeout'));
    suite.server.send(frames.ping());
    await until(() => c.snap().counters.pongsSent === 1, 'still answering');
    expect(c.snap()).toMatchObject({ state: 'live', counters: { errors: { INTERNAL_ERROR: 1 } } });
    expect(c.logger.warn).toHaveBeenCalledWith(
      'Realtime: The realtime server reported an internal error (db timeout). Live updates continue.',
    );
  });
});
