'use client';

import { useEffect, useEffectEvent, useMemo, useSyncExternalStore } from 'react';
import type { CacheBridge } from './bridge';
import type { ConnectionState, ConnectionStatus, ConnectionStore } from './connection-store';
import { useRealtimeContext } from './context';
import type { EventFilter, EventHandler } from './event-bus';
import type { EventLog, StatsStore } from './event-log';

export type RealtimeControls = {
  /** Connect now: skips a pending backoff, replaces a live connection, retries after `unauthorized`. */
  reconnectNow(): void;
  /** Refetch everything the event map covers (active queries once, coalesced). */
  resyncNow(): void;
};

export type RealtimeStatus = ConnectionStatus & RealtimeControls;

/**
 * The connection for the badge: state, attempt, next retry, last error, and the controls. It
 * re-renders when one of those changes, not on every frame; the counters, which do change on every
 * frame, are on the store (`useRealtimeBridge().connection`, read by the devtools).
 */
export function useRealtimeStatus(): RealtimeStatus {
  const { runtime } = useRealtimeContext('useRealtimeStatus');
  const { store } = runtime;
  const status = useSyncExternalStore(store.subscribe, store.getStatus, store.getStatus);
  return useMemo(
    () => ({ ...status, reconnectNow: runtime.reconnectNow, resyncNow: runtime.resyncNow }),
    [status, runtime],
  );
}

/** Only the state word (`live`, `reconnecting`, ...): re-renders when it changes. */
export function useRealtimeState(): ConnectionState {
  const { runtime } = useRealtimeContext('useRealtimeState');
  const { store } = runtime;
  const getState = () => store.getStatus().state;
  return useSyncExternalStore(store.subscribe, getState, getState);
}

/**
 * Calls `handler` for each domain event of `type` (or every event for `'*'`) after the cache has
 * applied it; duplicates are not repeated. The latest handler is always used; changing it does not
 * resubscribe.
 */
export function useRealtimeEvent<T extends EventFilter>(type: T, handler: EventHandler<T>): void {
  const { runtime } = useRealtimeContext('useRealtimeEvent');
  const onEvent = useEffectEvent((event: Parameters<EventHandler<T>>[0]) => handler(event));
  useEffect(() => runtime.bus.subscribe(type, (event) => onEvent(event)), [runtime, type]);
}

export type RealtimeBridgeHandle = RealtimeControls & {
  /** Null until the provider's effect has created it (and after unmount). */
  bridge: CacheBridge | null;
  log: EventLog | null;
  stats: StatsStore | null;
  connection: ConnectionStore;
};

/** For the devtools panel: the bridge with its log and stats, the connection store and the controls. */
export function useRealtimeBridge(): RealtimeBridgeHandle {
  const { runtime, bridge } = useRealtimeContext('useRealtimeBridge');
  return useMemo(
    () => ({
      bridge,
      log: bridge?.log ?? null,
      stats: bridge?.stats ?? null,
      connection: runtime.store,
      reconnectNow: runtime.reconnectNow,
      resyncNow: runtime.resyncNow,
    }),
    [bridge, runtime],
  );
}
