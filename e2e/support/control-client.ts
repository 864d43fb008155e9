import type { EventType, SocketErrorCode, WireEventData } from '@/lib/protocol';
import type { StreamStatus } from '@/mock-ws/control-stream';
import type { LogEntry } from '@/mock-ws/event-log';
import type { HandshakeRecord } from '@/mock-ws/handshake';
import type { ConnectionInfo } from '@/mock-ws/socket-hub';

export type { LogEntry, HandshakeRecord, ConnectionInfo, StreamStatus };
export type Tenant = 'acme' | 'globex';
export type LogKind = LogEntry['kind'];
export type ChaosConfig = {
  drop_rate?: number;
  duplicate_rate?: number;
  reorder_rate?: number;
  malformed_rate?: number;
  disconnect_every_ms?: number;
  rest_delay_max_ms?: number;
  seed?: number;
};
export type ChaosStatus = { config: Required<ChaosConfig> | null; counts: Record<string, number> };

/**
 * Typed client for mock-ws's `/__control` API (mock-ws/README.md), called from the test process.
 * Camel-case options in, the server's JSON out. A refused call throws with the verb, the status and
 * the server's own message, which says what was wrong with the request.
 */
export class ControlClient {
  constructor(readonly origin: string) {}

  /** Restore the seed and clear every scripted fault (open sockets stay open). */
  reset(): Promise<{ ok: true }> {
    return this.post('reset');
  }

  /** Broadcast a validated event to a tenant's sockets (data in wire snake_case). */
  emit<T extends EventType>(
    type: T,
    data: WireEventData<T>,
    options: { tenant?: Tenant; id?: string } = {},
  ): Promise<{ sent: number; id: string }> {
    return this.post('emit', { type, data, ...options });
  }

  /** Send any frame as-is: text, or binary (`encoding` says how `frame` is written). */
  sendRaw(
    frame: string,
    options: { tenant?: Tenant; binary?: boolean; encoding?: 'utf8' | 'base64' } = {},
  ): Promise<{ sent: number }> {
    return this.post('send-raw', { frame, ...options });
  }

  /** Close sockets with a code, or with none: an abrupt terminate (the browser sees 1006). */
  drop(
    options: { code?: number; reason?: string; tenant?: Tenant } = {},
  ): Promise<{ dropped: number; code: number | null }> {
    return this.post('drop', options);
  }

  /** Send an `error` frame; UNAUTHORIZED also closes the socket (4001). */
  error(
    code: SocketErrorCode,
    options: { retryAfterMs?: number; message?: string; tenant?: Tenant } = {},
  ): Promise<{ sent: number }> {
    const { retryAfterMs, ...rest } = options;
    return this.post('error', {
      code,
      ...rest,
      ...(retryAfterMs === undefined ? {} : { retry_after_ms: retryAfterMs }),
    });
  }

  /** Invalidate every access token issued so far (and refresh tokens with `includeRefresh`); closes sockets. */
  expireTokens(options: { includeRefresh?: boolean } = {}): Promise<{ expired: string[]; closed: number }> {
    return this.post('expire-tokens', { include_refresh: options.includeRefresh ?? false });
  }

  /** Delay REST responses whose path starts with `pathPrefix` (0 removes the delay). */
  restDelay(pathPrefix: string, ms: number): Promise<{ delays: Record<string, number> }> {
    return this.post('rest-delay', { path_prefix: pathPrefix, ms });
  }

  /** Answer handshakes with `status` for `forMs` (0 stops refusing). */
  refuseConnections(status: number, forMs: number): Promise<{ refusing: boolean; until: number | null }> {
    return this.post('refuse-connections', { status, for_ms: forMs });
  }

  /** Server ping interval for open and future sockets; 0 stops server pings. */
  heartbeat(intervalMs: number): Promise<{ interval_ms: number }> {
    return this.post('heartbeat', { interval_ms: intervalMs });
  }

  /** Seeded faults on broadcast events; `{}` turns chaos off. */
  chaos(config: ChaosConfig): Promise<ChaosStatus> {
    return this.post('chaos', config);
  }

  chaosStatus(): Promise<ChaosStatus> {
    return this.get('chaos');
  }

  /**
   * Real writes through mock-ws's REST write path at `rate` events/s for `durationMs` (REST stays
   * the truth; each write broadcasts its events). `{ stop: true }` stops it; so does `reset`.
   */
  stream(
    options:
      { rate: number; durationMs: number; tenant?: Tenant; mix?: 'progress' | 'mixed'; seed?: number } | { stop: true },
  ): Promise<StreamStatus> {
    if ('stop' in options) return this.post('stream', { stop: true });
    const { durationMs, ...rest } = options;
    return this.post('stream', { ...rest, duration_ms: durationMs });
  }

  streamStatus(): Promise<StreamStatus> {
    return this.get('stream');
  }

  /** Send a `ping` frame to every open socket now. */
  ping(): Promise<{ sent: number }> {
    return this.post('ping');
  }

  /** Open sockets and every handshake attempt (time, outcome, status). */
  connections(): Promise<{ open: ConnectionInfo[]; handshakes: HandshakeRecord[] }> {
    return this.get('connections');
  }

  /** Log entries after `since` (a `seq`), oldest first, optionally of one kind. */
  log(options: { since?: number; kind?: LogKind } = {}): Promise<{ entries: LogEntry[]; last_seq: number }> {
    const query = new URLSearchParams();
    if (options.since !== undefined) query.set('since', String(options.since));
    if (options.kind !== undefined) query.set('kind', options.kind);
    return this.get(`log?${query}`);
  }

  /** The log's current position: pass it to `log({ since })` to see only what happens next. */
  async mark(): Promise<number> {
    return (await this.log({ since: Number.MAX_SAFE_INTEGER })).last_seq;
  }

  clearLog(): Promise<{ ok: true; last_seq: number }> {
    return this.post('log/clear');
  }

  /** Counts per tenant, open sockets and the faults in force. */
  state(): Promise<Record<string, unknown>> {
    return this.get('state');
  }

  private post<T>(verb: string, body: unknown = {}): Promise<T> {
    return this.call('POST', verb, body);
  }

  private get<T>(verb: string): Promise<T> {
    return this.call('GET', verb);
  }

  private async call<T>(method: 'GET' | 'POST', verb: string, body?: unknown): Promise<T> {
    const url = `${this.origin}/__control/${verb}`;
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        ...(method === 'POST' ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
      });
    } catch (error) {
      throw new Error(
        `${method} /__control/${verb}: mock-ws is not reachable at ${this.origin} (${String(error)}${error instanceof Error && error.cause ? `: ${String(error.cause)}` : ''}). Is the webServer running?`,
      );
    }
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} /__control/${verb} answered ${res.status}: ${text}`);
    return JSON.parse(text) as T;
  }
}
