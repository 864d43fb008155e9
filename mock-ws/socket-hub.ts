import type { WebSocket } from 'ws';
import {
  CLOSE_CODES,
  encodeError,
  encodePing,
  encodePong,
  parseClientFrame,
  type SocketErrorCode,
  type WireFrame,
} from '../lib/protocol';
import type { Chaos } from './chaos';
import type { EventLog } from './event-log';
import { clip, redact } from './redact';

export type ConnectionInfo = { id: string; tenant: string; user_id: string; origin: string | null; opened_at: number };
type Held = { text: string; type: string; id?: string; timer: NodeJS.Timeout };
type Connection = {
  id: string;
  ws: WebSocket;
  tenant: string;
  userId: string;
  origin: string | null;
  openedAt: number;
  pingTimer?: NodeJS.Timeout;
  expiryTimer?: NodeJS.Timeout;
  held?: Held;
  /** A close code the server sent itself, e.g. 1009, when the socket then ended without the client's echo. */
  sentClose?: number;
};
type OutMeta = { type: string; id?: string; chaos?: 'duplicate' | 'reordered' | 'malformed' };

const MAX_TIMER_MS = 2_147_483_647;

export type SocketHub = ReturnType<typeof createSocketHub>;

/** Every open socket: delivery (through chaos), server pings, token expiry, and the control verbs that act on sockets. */
export function createSocketHub(deps: {
  log: EventLog;
  chaos: Chaos;
  print: (line: string) => void;
  pingMs: number;
  reorderWindowMs: number;
  now: () => number;
}) {
  const connections = new Map<string, Connection>();
  let nextConnection = 0;
  let pingMs = deps.pingMs;

  const send = (conn: Connection, payload: string | Buffer, meta: OutMeta, binary = false) => {
    if (conn.ws.readyState !== conn.ws.OPEN) return;
    conn.ws.send(payload, { binary });
    deps.log.add({
      kind: 'ws_out',
      connection_id: conn.id,
      tenant: conn.tenant,
      type: meta.type,
      ...(meta.id !== undefined ? { id: meta.id } : {}),
      size: Buffer.byteLength(payload),
      ...(meta.chaos ? { chaos: meta.chaos } : {}),
    });
  };

  const flushHeld = (conn: Connection) => {
    const held = conn.held;
    if (!held) return;
    conn.held = undefined;
    clearTimeout(held.timer);
    send(conn, held.text, { type: held.type, id: held.id, chaos: 'reordered' });
  };

  const startPing = (conn: Connection) => {
    if (conn.pingTimer) clearInterval(conn.pingTimer);
    conn.pingTimer =
      pingMs > 0 ? setInterval(() => send(conn, JSON.stringify(encodePing()), { type: 'ping' }), pingMs) : undefined;
  };

  const targets = (tenant?: string) =>
    [...connections.values()].filter((c) => tenant === undefined || c.tenant === tenant);

  const unauthorize = (conn: Connection, message: string) => {
    send(conn, JSON.stringify(encodeError('UNAUTHORIZED', message)), { type: 'error' });
    conn.ws.close(CLOSE_CODES.unauthorized, 'Unauthorized');
  };

  const onMessage = (conn: Connection, data: Buffer, isBinary: boolean) => {
    const logIn = (type: 'ping' | 'pong' | 'invalid', reason?: string) =>
      deps.log.add({ kind: 'ws_in', connection_id: conn.id, type, size: data.length, ...(reason ? { reason } : {}) });
    if (isBinary) return logIn('invalid', 'Binary frames are not accepted.');
    const result = parseClientFrame(data.toString('utf8'));
    if (!result.ok) {
      deps.print(`ws ${conn.id} ignored a malformed client frame: ${result.message}`);
      return logIn('invalid', result.message);
    }
    logIn(result.frame.type);
    if (result.frame.type === 'ping') send(conn, JSON.stringify(encodePong()), { type: 'pong' });
  };

  return {
    attach(
      ws: WebSocket,
      info: { tenant: string; userId: string; origin: string | null; tokenExpiresAt: number },
    ): ConnectionInfo {
      nextConnection += 1;
      const conn: Connection = { id: `c-${nextConnection}`, ws, ...info, openedAt: deps.now() };
      connections.set(conn.id, conn);
      ws.on('message', (data, isBinary) => onMessage(conn, toBuffer(data), isBinary));
      ws.on('error', (error: Error & { code?: string }) => {
        if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') conn.sentClose = CLOSE_CODES.messageTooBig;
        deps.print(`ws ${conn.id} error: ${error.message}`);
      });
      ws.on('close', (closeCode, reason) => {
        const code = closeCode === CLOSE_CODES.abnormal && conn.sentClose !== undefined ? conn.sentClose : closeCode;
        connections.delete(conn.id);
        if (conn.pingTimer) clearInterval(conn.pingTimer);
        if (conn.expiryTimer) clearTimeout(conn.expiryTimer);
        if (conn.held) clearTimeout(conn.held.timer);
        const text = clip(reason.toString('utf8'), 123);
        deps.log.add({ kind: 'close', connection_id: conn.id, tenant: conn.tenant, code, reason: text });
        deps.print(`ws ${conn.id} closed ${code}${text ? ` (${text})` : ''} tenant=${conn.tenant}`);
      });
      startPing(conn);
      const ttl = Math.min(Math.max(0, info.tokenExpiresAt - deps.now()), MAX_TIMER_MS);
      conn.expiryTimer = setTimeout(
        () => unauthorize(conn, 'Your access token expired. Refresh it and reconnect.'),
        ttl,
      );
      return { id: conn.id, tenant: conn.tenant, user_id: conn.userId, origin: conn.origin, opened_at: conn.openedAt };
    },

    /** Deliver an event to the tenant's sockets through chaos. Returns how many sockets it was meant for. */
    broadcast(tenant: string, frame: WireFrame): number {
      const text = JSON.stringify(frame);
      const meta: OutMeta = { type: frame.type, ...(frame.id !== undefined ? { id: frame.id } : {}) };
      const conns = targets(tenant);
      for (const conn of conns) {
        const fault = deps.chaos.decide();
        if (fault === 'drop') {
          deps.chaos.record('dropped');
        } else if (fault === 'malformed') {
          deps.chaos.record('malformed');
          send(conn, deps.chaos.malformed(text), { ...meta, chaos: 'malformed' });
        } else if (fault === 'reorder' && !conn.held) {
          deps.chaos.record('reordered');
          const timer = setTimeout(() => flushHeld(conn), deps.reorderWindowMs);
          conn.held = { text, ...meta, timer };
        } else {
          send(conn, text, meta);
          if (fault === 'duplicate') {
            deps.chaos.record('duplicated');
            send(conn, text, { ...meta, chaos: 'duplicate' });
          }
          flushHeld(conn);
        }
      }
      if (conns.length)
        deps.print(`event ${frame.id ?? '(no id)'} ${frame.type} -> ${conns.length} socket(s) tenant=${tenant}`);
      return conns.length;
    },

    sendRaw(tenant: string | undefined, payload: string | Buffer, binary: boolean): number {
      const conns = targets(tenant);
      const type = binary ? 'binary' : rawType(payload.toString());
      for (const conn of conns) send(conn, payload, { type }, binary);
      return conns.length;
    },

    /** Send an `error` frame; UNAUTHORIZED also closes the socket, as the production backend does. */
    sendError(tenant: string | undefined, code: SocketErrorCode, message: string, retryAfterMs?: number): number {
      const conns = targets(tenant);
      for (const conn of conns) {
        if (code === 'UNAUTHORIZED') unauthorize(conn, message);
        else send(conn, JSON.stringify(encodeError(code, message, retryAfterMs)), { type: 'error' });
      }
      return conns.length;
    },

    /** Close with a code, or with none: an abrupt terminate() with no close frame. */
    drop(tenant: string | undefined, code?: number, reason?: string): number {
      const conns = targets(tenant);
      for (const conn of conns) {
        if (code === undefined) conn.ws.terminate();
        else conn.ws.close(code, reason);
      }
      return conns.length;
    },

    revokeAll(message: string): number {
      const conns = targets();
      for (const conn of conns) unauthorize(conn, message);
      return conns.length;
    },

    pingAll(): number {
      const conns = targets();
      for (const conn of conns) send(conn, JSON.stringify(encodePing()), { type: 'ping' });
      return conns.length;
    },

    setHeartbeat(ms: number): void {
      pingMs = ms;
      for (const conn of connections.values()) startPing(conn);
    },
    get heartbeatMs() {
      return pingMs;
    },

    terminateRandom(pick: (count: number) => number): boolean {
      const conns = targets();
      if (!conns.length) return false;
      conns[pick(conns.length)]!.ws.terminate();
      return true;
    },

    list(): ConnectionInfo[] {
      return targets().map((c) => ({
        id: c.id,
        tenant: c.tenant,
        user_id: c.userId,
        origin: c.origin,
        opened_at: c.openedAt,
      }));
    },

    connectedUsers(tenant: string): Set<string> {
      return new Set(targets(tenant).map((c) => c.userId));
    },

    closeAll(): void {
      for (const conn of connections.values()) conn.ws.terminate();
    },
  };
}

function toBuffer(data: Buffer | ArrayBuffer | Buffer[]): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

function rawType(text: string): string {
  try {
    const value = JSON.parse(text) as unknown;
    if (value && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string') {
      // QA sends anything through send-raw: a type may quote a token, and this lands in the log.
      return clip(redact((value as { type: string }).type), 100);
    }
  } catch {
    // not JSON: logged as raw
  }
  return 'raw';
}
