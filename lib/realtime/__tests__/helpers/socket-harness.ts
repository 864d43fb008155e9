import { afterEach, beforeEach, vi } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import type { DomainEvent, FrameRejection } from '@/lib/protocol';
import { createRealtimeSocket, type RealtimeSocketOptions } from '../../connection/socket';
import { startServer, until, type TestServer } from './ws-server';

/** Timer functions the socket (and partysocket) use; real I/O (setImmediate, nextTick) stays real. */
export const FAKE = ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] as const;

export function fakeEnv() {
  const window = new EventTarget();
  const document = Object.assign(new EventTarget(), { visibilityState: 'visible' as 'visible' | 'hidden' });
  const navigator = { onLine: true };
  return { window, document, navigator };
}

/** A socket wired to a real server, with a token source, a refresh spy and recorders. */
export function makeClient(server: TestServer, overrides: Partial<RealtimeSocketOptions> = {}) {
  const auth = { token: 'tok-1-secret-abcdef' as string | null, expiry: null as number | null, generation: 1 };
  const refreshToken = vi.fn(async () => {
    auth.generation += 1;
    auth.token = `tok-${auth.generation}-secret-abcdef`;
    auth.expiry = Date.now() + 15 * 60_000;
  });
  const events: DomainEvent[] = [];
  const rejections: FrameRejection[] = [];
  const onResync = vi.fn();
  const logger = { warn: vi.fn(), info: vi.fn() };
  const env = fakeEnv();
  const socket = createRealtimeSocket({
    url: server.url,
    tenantId: 'acme',
    getAccessToken: () => auth.token,
    getTokenExpiry: () => auth.expiry,
    refreshToken,
    WebSocket: NodeWebSocket,
    env,
    logger,
    random: () => 0,
    onEvent: (event) => events.push(event),
    onRejection: (rejection) => rejections.push(rejection),
    onResync,
    ...overrides,
  });
  const snap = () => socket.store.getSnapshot();
  // Fake time may move by a tick while real I/O is awaited, so delays are measured when scheduled.
  let scheduled = { at: 0, nextRetryAt: null as number | null };
  socket.store.subscribe(() => {
    const { nextRetryAt } = snap();
    if (nextRetryAt !== scheduled.nextRetryAt) scheduled = { at: Date.now(), nextRetryAt };
  });
  /** The delay of the retry scheduled last, as computed when it was scheduled. */
  const lastDelay = () => (scheduled.nextRetryAt === null ? null : scheduled.nextRetryAt - scheduled.at);
  /** Everything the socket printed or stored as text, to search for the token. */
  const printed = () => [
    ...logger.warn.mock.calls.flat().map(String),
    ...logger.info.mock.calls.flat().map(String),
    String(snap().lastError),
    String(snap().lastCloseReason),
  ];
  return { socket, auth, refreshToken, events, rejections, onResync, logger, env, snap, printed, lastDelay };
}

export type Client = ReturnType<typeof makeClient>;

/** Per test: a fresh real server, fake timer functions, and every client stopped afterwards. */
export function socketSuite() {
  let server: TestServer | null = null;
  let stops: (() => void)[] = [];
  beforeEach(async () => {
    server = await startServer();
    vi.useFakeTimers({ toFake: [...FAKE] });
  });
  afterEach(async () => {
    for (const stop of stops) stop();
    stops = [];
    vi.useRealTimers();
    await server?.close();
    server = null;
  });
  const current = (): TestServer => {
    if (!server) throw new Error('socketSuite: no server outside a test');
    return server;
  };
  return {
    get server() {
      return current();
    },
    client(overrides: Partial<RealtimeSocketOptions> = {}): Client {
      const c = makeClient(current(), overrides);
      stops.push(() => c.socket.stop());
      return c;
    },
    /** Until the client is live on its `connections`-th server-side connection. */
    live(c: Client, connections = 1): Promise<void> {
      return until(
        () => c.snap().state === 'live' && current().sockets.length === connections,
        `connection #${connections} live (state ${c.snap().state}, ${current().handshakes.length} handshakes)`,
      );
    },
  };
}
