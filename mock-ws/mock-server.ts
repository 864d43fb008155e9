import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { MAX_FRAME_BYTES } from '../lib/protocol';
import { createChaos } from './chaos';
import { createClock } from './clock';
import { DEFAULTS, resolveOptions, type MockServerOptions } from './config';
import { createControlApi } from './control-api';
import { createEventLog } from './event-log';
import { createFaults } from './faults';
import { createHandshake } from './handshake';
import { sendJson } from './http-util';
import { createRestApi } from './rest-api';
import { createSimulator } from './simulator';
import { createSocketHub } from './socket-hub';
import { createStore } from './store';
import { createTokenService } from './tokens';

export type { MockServerOptions } from './config';

export type MockServer = {
  /** http://127.0.0.1:<port> */
  url: string;
  /** ws://127.0.0.1:<port>/realtime */
  wsUrl: string;
  port: number;
  close(): Promise<void>;
  /** The parts, for tests and tools that drive the server in-process. */
  state: ReturnType<typeof buildParts>;
};

function buildParts(options: MockServerOptions) {
  const opts = resolveOptions(options);
  const now = Date.now;
  const log = createEventLog(opts.logLimit, now);
  const tokens = createTokenService({
    secret: opts.secret,
    accessTtlS: opts.accessTtlS,
    refreshTtlS: opts.refreshTtlS,
    now,
  });
  const faults = createFaults(now);
  const chaos = createChaos({
    restDelayShare: DEFAULTS.chaosRestDelayShare,
    onDisconnectTick: () => {
      if (hub.terminateRandom((n) => chaos.random.int(0, n - 1))) chaos.record('disconnected');
    },
  });
  const hub = createSocketHub({
    log,
    chaos,
    print: opts.print,
    pingMs: opts.pingMs,
    reorderWindowMs: opts.reorderWindowMs,
    now,
  });
  const store = createStore({
    seedDate: opts.seedDate,
    clock: createClock(now),
    publish: (tenant, frame) => hub.broadcast(tenant, frame),
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const handshake = createHandshake({
    wss,
    hub,
    tokens,
    store,
    faults,
    log,
    allowedOrigins: opts.allowedOrigins,
    historyLimit: DEFAULTS.handshakeHistory,
    print: opts.print,
    now,
  });
  const timers = new Set<NodeJS.Timeout>();
  const rest = createRestApi({
    store,
    tokens,
    log,
    faults,
    chaos,
    allowedOrigins: opts.allowedOrigins,
    maxBodyBytes: opts.maxBodyBytes,
    maxDrainBytes: DEFAULTS.maxDrainBytes,
    timers,
    print: opts.print,
  });
  const control = createControlApi({
    store,
    hub,
    handshake,
    tokens,
    faults,
    chaos,
    log,
    defaultPingMs: opts.pingMs,
    maxBodyBytes: DEFAULTS.maxControlBodyBytes,
    maxDrainBytes: DEFAULTS.maxDrainBytes,
    print: opts.print,
  });
  const simulator = createSimulator({
    store,
    connectedUsers: (tenant) => hub.connectedUsers(tenant),
    seed: opts.simulateSeed,
    minMs: opts.simulateMinMs,
    maxMs: opts.simulateMaxMs,
    print: opts.print,
  });
  return { opts, log, tokens, faults, chaos, hub, store, wss, handshake, timers, rest, control, simulator };
}

/** Start the fake PurposePath backend. Port 0 picks a free port. */
export async function createMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const parts = buildParts(options);
  const { opts } = parts;
  const server = createServer((req, res) => {
    route(parts, req, res).catch((error: unknown) => {
      opts.print(`request failed: ${error instanceof Error ? error.message : String(error)}`);
      sendJson(res, 500, {
        error: { code: 'internal_error', message: 'The mock backend hit an unexpected error; see its log.' },
      });
    });
  });
  server.on('upgrade', (req, socket, head) => parts.handshake.handleUpgrade(req, socket, head));
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  parts.wss.on('error', (error) => opts.print(`websocket server error: ${error.message}`));
  await listen(server, opts.port, opts.host);
  const port = (server.address() as AddressInfo).port;
  if (opts.simulate) parts.simulator.start();
  let closing: Promise<void> | undefined;
  return {
    url: `http://${opts.host}:${port}`,
    wsUrl: `ws://${opts.host}:${port}/realtime`,
    port,
    state: parts,
    close: () => (closing ??= shutdown(server, parts)),
  };
}

async function route(parts: ReturnType<typeof buildParts>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://mock-ws.invalid');
  if (url.pathname === '/health') {
    if (req.method === 'GET' || req.method === 'HEAD') return sendJson(res, 200, { ok: true });
    return sendJson(
      res,
      405,
      { error: { code: 'method_not_allowed', message: 'Use GET /health.' } },
      { Allow: 'GET, HEAD' },
    );
  }
  if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return parts.rest(req, res, url);
  if (url.pathname.startsWith('/__control/') && parts.opts.control) return parts.control.handleControl(req, res, url);
  const hint = url.pathname.startsWith('/__control/')
    ? ' The control API is off (MOCK_WS_CONTROL=0).'
    : ' REST lives under /api, the socket at /realtime.';
  sendJson(res, 404, { error: { code: 'not_found', message: `Nothing at ${url.pathname.slice(0, 100)}.${hint}` } });
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `Port ${port} on ${host} is already in use. Stop the process using it or set MOCK_WS_PORT to another port.`,
            )
          : error,
      );
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

async function shutdown(server: Server, parts: ReturnType<typeof buildParts>): Promise<void> {
  parts.simulator.stop();
  parts.control.stop();
  parts.chaos.stop();
  for (const timer of parts.timers) clearTimeout(timer);
  parts.timers.clear();
  parts.hub.closeAll();
  parts.wss.close();
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
