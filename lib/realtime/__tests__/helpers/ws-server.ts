import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { vi } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';

// Captured before any test fakes timers, so waiting for real I/O never depends on fake time.
const realSetTimeout = globalThis.setTimeout;
const realNow = () => performance.now();

export type Handshake = { url: string; token: string | null; tenant: string | null; status: number };

/**
 * A real `ws` server on 127.0.0.1, port 0. `refuse` decides per handshake: an HTTP status to
 * refuse with (e.g. 401, as API Gateway does for a bad token), or null to accept.
 */
export async function startServer() {
  const handshakes: Handshake[] = [];
  const sockets: WebSocket[] = [];
  const received: { socket: number; text: string }[] = [];
  const state = { refuse: (_req: IncomingMessage, _token: string | null): number | null => null };
  const wss = new WebSocketServer({
    port: 0,
    host: '127.0.0.1',
    verifyClient: (info, done) => {
      const url = new URL(info.req.url ?? '/', 'ws://127.0.0.1');
      const token = url.searchParams.get('access_token');
      const status = state.refuse(info.req, token) ?? 101;
      handshakes.push({ url: info.req.url ?? '', token, tenant: url.searchParams.get('tenant'), status });
      if (status === 101) done(true);
      else done(false, status, status === 401 ? 'Unauthorized' : 'Refused');
    },
  });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  wss.on('connection', (ws) => {
    const index = sockets.push(ws) - 1;
    ws.on('message', (data) => received.push({ socket: index, text: String(data) }));
  });
  const { port } = wss.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/realtime`,
    wss,
    handshakes,
    sockets,
    received,
    state,
    /** The most recent server-side socket. */
    last(): WebSocket {
      const ws = sockets.at(-1);
      if (!ws) throw new Error('no connection yet');
      return ws;
    },
    openCount: () => sockets.filter((s) => s.readyState === WebSocket.OPEN).length,
    send(frame: unknown, index = sockets.length - 1) {
      sockets[index]?.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
    },
    async close() {
      for (const s of sockets) s.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
export type TestServer = Awaited<ReturnType<typeof startServer>>;

/**
 * Wait (in real time, for real I/O) until `predicate` holds, running fake timers that are due.
 * A zero-delay timer set inside a fake-timer callback is due 1 ms later (sinon's rule against
 * endless loops); partysocket sets one on every connect, so up to `tickBudget` 1 ms steps are taken.
 */
export async function until(predicate: () => boolean, what: string, timeoutMs = 4_000): Promise<void> {
  const start = realNow();
  let tickBudget = 2;
  while (!predicate()) {
    if (realNow() - start > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    if (vi.isFakeTimers()) {
      await vi.advanceTimersByTimeAsync(0);
      if (!predicate() && tickBudget-- > 0) await vi.advanceTimersByTimeAsync(1);
    }
    await new Promise((resolve) => realSetTimeout(resolve, 2));
  }
}

/** Let real I/O run for a moment (to prove that something does NOT happen). */
export async function settle(ms = 30): Promise<void> {
  const start = realNow();
  while (realNow() - start < ms) {
    if (vi.isFakeTimers()) await vi.advanceTimersByTimeAsync(0);
    await new Promise((resolve) => realSetTimeout(resolve, 2));
  }
}

export const frames = {
  ping: () => ({ type: 'ping', timestamp: new Date().toISOString() }),
  error: (code: string, message: string, retryAfterMs?: number) => ({
    type: 'error',
    timestamp: new Date().toISOString(),
    data: retryAfterMs === undefined ? { code, message } : { code, message, retry_after_ms: retryAfterMs },
  }),
};
