import { Subscribable } from '@/lib/kit';
import { SOCKET_ERROR_CODES, type SocketErrorCode } from '@/lib/protocol';

/** What the connection badge shows (docs/architecture.md, "Test hooks"). */
export const CONNECTION_STATES = ['connecting', 'live', 'reconnecting', 'offline', 'unauthorized', 'disabled'] as const;
export type ConnectionState = (typeof CONNECTION_STATES)[number];

export type ConnectionCounters = {
  /** Connections that opened, first one included. */
  connects: number;
  /** Connections that opened after an earlier one (each one triggers a resync). */
  reconnects: number;
  /** Attempts that closed before they ever opened (a refused handshake arrives as close 1000/1006). */
  handshakeFailures: number;
  framesReceived: number;
  pongsSent: number;
  pingsSent: number;
  /** `error` frames from the server, per code. */
  errors: Readonly<Record<SocketErrorCode, number>>;
  watchdogReplacements: number;
  tokenRefreshes: number;
};

export type ConnectionSnapshot = {
  readonly state: ConnectionState;
  /** Consecutive attempts since the last stable connection (0 once a connection has stayed up). */
  readonly attempt: number;
  /** Epoch ms of the next scheduled connect, or null when none is scheduled. */
  readonly nextRetryAt: number | null;
  /** What went wrong last, in words a person can act on. Never contains the token. */
  readonly lastError: string | null;
  readonly lastCloseCode: number | null;
  readonly lastCloseReason: string | null;
  /** Epoch ms the current connection opened, or null while not live. */
  readonly connectedAt: number | null;
  readonly counters: Readonly<ConnectionCounters>;
};

/** The snapshot without its counters: what a status display needs, and it does not change per frame. */
export type ConnectionStatus = Omit<ConnectionSnapshot, 'counters'>;

export type CounterName = Exclude<keyof ConnectionCounters, 'errors'>;
export type SnapshotPatch = Partial<Omit<ConnectionSnapshot, 'counters'>>;
export type CounterBump = Partial<Record<CounterName, number>>;

export interface ConnectionStore {
  /** useSyncExternalStore-friendly: returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** The same object until something changes; a new frozen object after each change. */
  getSnapshot(): ConnectionSnapshot;
  /**
   * The same object until a field other than the counters changes. Counters move with every frame
   * received: a display reading this re-renders when the connection changes, not 500 times a second.
   */
  getStatus(): ConnectionStatus;
  /**
   * Merge fields and add to counters in one change. No-op (same snapshot, no notification) when
   * nothing differs.
   */
  update(patch: SnapshotPatch, bump?: CounterBump): void;
  incrementError(code: SocketErrorCode): void;
}

function emptyCounters(): ConnectionCounters {
  const errors = Object.fromEntries(SOCKET_ERROR_CODES.map((code) => [code, 0])) as Record<SocketErrorCode, number>;
  return {
    connects: 0,
    reconnects: 0,
    handshakeFailures: 0,
    framesReceived: 0,
    pongsSent: 0,
    pingsSent: 0,
    errors: Object.freeze(errors),
    watchdogReplacements: 0,
    tokenRefreshes: 0,
  };
}

export function initialSnapshot(state: ConnectionState = 'connecting'): ConnectionSnapshot {
  return freeze({
    state,
    attempt: 0,
    nextRetryAt: null,
    lastError: null,
    lastCloseCode: null,
    lastCloseReason: null,
    connectedAt: null,
    counters: Object.freeze(emptyCounters()),
  });
}

function freeze(snapshot: ConnectionSnapshot): ConnectionSnapshot {
  return Object.freeze(snapshot);
}

function statusOf(snapshot: ConnectionSnapshot): ConnectionStatus {
  const { counters: _counters, ...status } = snapshot;
  return Object.freeze(status);
}

export function createConnectionStore(initial: ConnectionState = 'connecting'): ConnectionStore {
  let snapshot = initialSnapshot(initial);
  let status = statusOf(snapshot);
  const listeners = new Subscribable();

  const publish = (next: ConnectionSnapshot, statusChanged: boolean) => {
    snapshot = freeze(next);
    if (statusChanged) status = statusOf(snapshot);
    listeners.notify();
  };

  return {
    subscribe: listeners.subscribe,
    getSnapshot: () => snapshot,
    getStatus: () => status,
    update(patch, bump) {
      const keys = (Object.keys(patch) as (keyof SnapshotPatch)[]).filter(
        (key) => patch[key] !== undefined && !Object.is(patch[key], snapshot[key]),
      );
      const counterKeys = bump ? (Object.keys(bump) as CounterName[]).filter((key) => bump[key]) : [];
      if (keys.length === 0 && counterKeys.length === 0) return;
      const next: Record<string, unknown> = { ...snapshot };
      for (const key of keys) next[key] = patch[key];
      if (counterKeys.length > 0) {
        const counters = { ...snapshot.counters };
        for (const key of counterKeys) counters[key] += bump?.[key] ?? 0;
        next.counters = Object.freeze(counters);
      }
      publish(next as ConnectionSnapshot, keys.length > 0);
    },
    incrementError(code) {
      const errors = Object.freeze({ ...snapshot.counters.errors, [code]: snapshot.counters.errors[code] + 1 });
      publish({ ...snapshot, counters: Object.freeze({ ...snapshot.counters, errors }) }, false);
    },
  };
}
