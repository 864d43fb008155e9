import type { DomainEvent, FrameRejection } from '@/lib/protocol';
import type { EnvironmentSources } from './browser-env';
import type { ConnectionStore } from './connection-store';
import type { SocketTunables } from './socket';

/** The socket's contract; the implementation and its DEFAULTS are in socket.ts. */

export type RealtimeSocketOptions = Partial<SocketTunables> & {
  /** Base URL; `access_token` and `tenant` are attached on every connect. */
  url: string;
  tenantId: string;
  getAccessToken: () => string | null;
  /** Epoch ms when the current token expires, if known. */
  getTokenExpiry?: () => number | null;
  refreshToken: () => Promise<void>;
  store?: ConnectionStore;
  onEvent?: (event: DomainEvent) => void;
  onRejection?: (rejection: FrameRejection) => void;
  /** After every reconnect that is not the first connect of this socket. */
  onResync?: () => void;
  /** WebSocket constructor; the global one by default (pass `ws`'s in Node). */
  WebSocket?: unknown;
  now?: () => number;
  random?: () => number;
  /** Where `online`/`offline`/`visibilitychange` come from; the browser's globals by default. */
  env?: EnvironmentSources;
  logger?: Pick<Console, 'warn' | 'info'>;
};

export interface RealtimeSocket {
  readonly store: ConnectionStore;
  /** The base URL (never the token). */
  readonly url: string;
  start(): void;
  /** Close for good: no more reconnects, timers or listeners. */
  stop(): void;
  /** Connect now: replaces a live connection, skips a pending backoff, leaves `unauthorized`. Respects a rate limit. */
  reconnectNow(): void;
}
