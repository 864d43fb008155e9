'use client';

import { Fragment, useEffect, useEffectEvent, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { BridgeOptions } from './bridge';
import { isRealtimeEnabled, realtimeUrl } from './config';
import { RealtimeContext, type RealtimeContextValue } from './context';
import { createRealtimeRuntime, type RealtimeSession } from './runtime';
import type { SocketTunables } from './socket';
import type { RealtimeSocketOptions } from './socket-types';

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
