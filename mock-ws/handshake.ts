import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';
import type { EventLog } from './event-log';
import type { Faults } from './faults';
import { clip, redact } from './redact';
import type { SocketHub } from './socket-hub';
import type { Store } from './store';
import { describeTokenFailure, type TokenService } from './tokens';

export type HandshakeRecord = {
  at: number;
  outcome: 'accepted' | 'refused';
  status: number;
  reason: string;
  tenant: string | null;
  origin: string | null;
  connection_id?: string;
};

/**
 * The WebSocket handshake, checked the way API Gateway does it: a bad or expired token, or a tenant the
 * token is not for, is refused with HTTP 401 before the upgrade, so a browser only ever sees close 1006.
 */
export function createHandshake(deps: {
  wss: WebSocketServer;
  hub: SocketHub;
  tokens: TokenService;
  store: Store;
  faults: Faults;
  log: EventLog;
  allowedOrigins: readonly string[];
  historyLimit: number;
  print: (line: string) => void;
  now: () => number;
}) {
  const history: HandshakeRecord[] = [];

  const record = (entry: Omit<HandshakeRecord, 'at'>, path: string) => {
    const full = { at: deps.now(), ...entry };
    history.push(full);
    if (history.length > deps.historyLimit) history.splice(0, history.length - deps.historyLimit);
    deps.log.add({ kind: 'handshake', path, ...entry });
    deps.print(
      `handshake ${entry.outcome} ${entry.status} ${entry.reason} tenant=${entry.tenant ?? '-'} ${redact(path)}`,
    );
  };

  return {
    history: () => [...history],

    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
      socket.on('error', () => socket.destroy());
      const rawPath = req.url ?? '/';
      const url = new URL(rawPath, 'http://mock-ws.invalid');
      const tenant = url.searchParams.get('tenant');
      const origin = typeof req.headers.origin === 'string' ? clip(req.headers.origin, 200) : null;
      const base = { tenant: tenant === null ? null : clip(tenant, 100), origin };
      const refuse = (status: number, reason: string, message: string, headers: Record<string, string> = {}) => {
        record({ outcome: 'refused', status, reason, ...base }, rawPath);
        writeRefusal(socket, status, reason, message, headers);
      };

      if (url.pathname !== '/realtime')
        return refuse(404, 'not_found', 'No WebSocket endpoint here; connect to /realtime.');
      const refusal = deps.faults.refusal();
      if (refusal) {
        const retryS = Math.max(1, Math.ceil((refusal.until - deps.now()) / 1000));
        return refuse(
          refusal.status,
          'refused_by_control',
          'Connections are refused for now (scripted by /__control/refuse-connections). Retry later.',
          {
            'Retry-After': String(retryS),
          },
        );
      }
      if (origin !== null && !deps.allowedOrigins.includes(origin)) {
        return refuse(403, 'origin_not_allowed', `Origin ${origin} is not allowed. Add it to MOCK_WS_ALLOWED_ORIGINS.`);
      }
      const verified = deps.tokens.verify(url.searchParams.get('access_token'), 'access');
      if (!verified.ok) return refuse(401, `token_${verified.reason}`, describeTokenFailure(verified.reason, 'access'));
      const { claims } = verified;
      if (tenant !== null && tenant !== claims.tenant) {
        return refuse(
          401,
          'wrong_tenant',
          'The access token is not valid for this tenant. Sign in to that tenant first.',
        );
      }
      if (!deps.store.isMember(claims.tenant, claims.sub)) {
        return refuse(401, 'not_a_member', "The token's user is not a member of this tenant. Sign in again.");
      }
      deps.wss.handleUpgrade(req, socket, head, (ws) => {
        const info = deps.hub.attach(ws, {
          tenant: claims.tenant,
          userId: claims.sub,
          origin,
          tokenExpiresAt: claims.exp * 1000,
        });
        record(
          { outcome: 'accepted', status: 101, reason: 'ok', ...base, tenant: claims.tenant, connection_id: info.id },
          rawPath,
        );
      });
    },
  };
}

function writeRefusal(
  socket: Duplex,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string>,
): void {
  const body = JSON.stringify({ error: { code, message } });
  const head = {
    Connection: 'close',
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    ...headers,
  };
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n` +
      Object.entries(head)
        .map(([name, value]) => `${name}: ${value}`)
        .join('\r\n') +
      `\r\n\r\n${body}`,
  );
}
