'use client';

import {
  createContext,
  Fragment,
  useContext,
  useEffect,
  useEffectEvent,
  useMemo,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { BridgeOptions, CacheBridge } from '../cache/bridge';
import type { EventLog, StatsStore } from '../cache/event-log';
import { isRealtimeEnabled, realtimeUrl } from '../config';
import type { ConnectionState, ConnectionStatus, ConnectionStore } from '../connection/connection-store';
import type { RealtimeSocketOptions, SocketTunables } from '../connection/socket';
import {
  createRealtimeRuntime,
  type EventFilter,
  type EventHandler,
  type RealtimeRuntime,
  type RealtimeSession,
} from './runtime';

export type RealtimeContextValue = { runtime: RealtimeRuntime; bridge: CacheBridge | null };

export const RealtimeContext = createContext<RealtimeContextValue | null>(null);

export function useRealtimeContext(hook: string): RealtimeContextValue {
  const value = useContext(RealtimeContext);
  if (!value) {
    throw new Error(
      `${hook} must be used inside <RealtimeProvider>. Wrap the app's client providers (e.g. app/providers.tsx) ` +
        'in <RealtimeProvider session={…} getAccessToken={…} refreshToken={…}>.',
    );
  }
  return value;
}

export type RealtimeProviderOptions = Partial<SocketTunables> &
  Pick<RealtimeSocketOptions, 'WebSocket' | 'env' | 'logger' | 'now' | 'random'> & {
    bridge?: Partial<BridgeOptions>;
  };

export type RealtimeProviderProps = {
  /** Who is signed in, and to which tenant; null when nobody is (no socket then). */
  session: RealtimeSession | null;
  getAccessToken: () => string | null;
  /** Epoch ms when the access token expires, if known: an expired token is refreshed before connecting. */
  getTokenExpiry?: () => number | null;
  refreshToken: () => Promise<void>;
  /** Defaults to the one from <QueryClientProvider>. */
  queryClient?: QueryClient;
  /** Defaults to NEXT_PUBLIC_FEATURE_REALTIME (on unless exactly `false`). */
  enabled?: boolean;
  /** Defaults to NEXT_PUBLIC_REALTIME_WS_URL. */
  url?: string;
  /** Tunables and test seams; read when a socket or bridge is created, so a new object each render is fine. */
  options?: RealtimeProviderOptions;
  children?: ReactNode;
};

/**
 * One socket per tab, opened in an effect (never during render, never on the server) and closed by
 * the effect's cleanup, so StrictMode's mount–unmount–mount leaves exactly one. A change of tenant
 * or user reconnects, clears the cache and remounts the children (see RealtimeRuntime.identityGeneration).
 */
export function RealtimeProvider(props: RealtimeProviderProps) {
  const { session, children } = props;
  const queryClient = useQueryClient(props.queryClient);
  const url = props.url ?? realtimeUrl();
  const tenantId = session?.tenantId ?? null;
  const userId = session?.userId ?? null;
  const enabled = props.enabled ?? isRealtimeEnabled();
  const active = enabled && session !== null;

  const [runtime] = useState(() => createRealtimeRuntime(active ? 'connecting' : 'disabled'));
  const generation = runtime.identityGeneration(session, queryClient);
  const bridge = useSyncExternalStore(runtime.subscribeBridge, runtime.getBridge, () => null);

  const readToken = useEffectEvent(() => props.getAccessToken());
  const readExpiry = useEffectEvent(() => props.getTokenExpiry?.() ?? null);
  const refresh = useEffectEvent(() => props.refreshToken());
  const readOptions = useEffectEvent(() => props.options ?? {});

  useEffect(() => runtime.attachBridge(queryClient, readOptions().bridge), [runtime, queryClient]);

  useEffect(() => {
    if (!active) {
      runtime.disable();
      return;
    }
    const { bridge: _bridgeOptions, ...socketOptions } = readOptions();
    return runtime.connect({
      ...socketOptions,
      session: { tenantId: tenantId!, userId: userId! }, // active: both set
      url,
      getAccessToken: () => readToken(),
      getTokenExpiry: () => readExpiry(),
      refreshToken: () => refresh(),
    });
  }, [runtime, bridge, active, tenantId, userId, url]);

  const value = useMemo<RealtimeContextValue>(() => ({ runtime, bridge }), [runtime, bridge]);
  return (
    <RealtimeContext.Provider value={value}>
      <Fragment key={generation}>{children}</Fragment>
    </RealtimeContext.Provider>
  );
}

// Hooks -----------------------------------------------------------------------------------------

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
