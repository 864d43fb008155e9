'use client';

import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { QueryClientProvider, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createQueryClient, getTokenStore, setRealtimeLive } from '@/lib/api';
import { RealtimeProvider, useRealtimeState, useRealtimeStatus } from '@/lib/realtime';
import { ToastProvider } from '@/components/ui';
import { useAuth } from '@/components/auth/use-auth';
import { RemoteChangeAnnouncer } from '@/components/live/remote-change-announcer';
import { RealtimeDevtools } from '@/components/devtools';

/** Pushed freshness while the socket is live; polling and focus refetch otherwise. */
function FreshnessSync() {
  const state = useRealtimeState();
  const queryClient = useQueryClient();
  useEffect(() => {
    setRealtimeLive(queryClient, state === 'live');
  }, [queryClient, state]);
  return null;
}

/**
 * Signing in again after the session expired keeps the same user and tenant, so RealtimeProvider
 * keeps its socket, which stopped as `unauthorized` when the refresh was refused: restart it.
 */
function ReconnectAfterSignIn() {
  const { status } = useAuth();
  const { reconnectNow } = useRealtimeStatus();
  const wasExpired = useRef(false);
  useEffect(() => {
    if (status === 'expired') {
      wasExpired.current = true;
    } else if (status === 'signed-out') {
      wasExpired.current = false;
    } else if (status === 'signed-in' && wasExpired.current) {
      wasExpired.current = false;
      reconnectNow();
    }
  }, [status, reconnectNow]);
  return null;
}

/**
 * Signing out drops every cached entity at once. (A change of tenant or user is handled by
 * RealtimeProvider, which clears the cache and remounts the screens before they render again.)
 */
function useClearOnSignOut(queryClient: QueryClient) {
  useEffect(() => {
    const store = getTokenStore();
    const signedOut = () => store.getState().status === 'signed-out';
    let wasSignedOut = signedOut();
    return store.subscribe(() => {
      const now = signedOut();
      if (now && !wasSignedOut) queryClient.clear();
      wasSignedOut = now;
    });
  }, [queryClient]);
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => createQueryClient());
  useClearOnSignOut(queryClient);
  const auth = useAuth();
  const store = getTokenStore();
  const userId = auth.status === 'signed-in' || auth.status === 'expired' ? auth.user.id : null;
  const tenantId = auth.status === 'signed-in' || auth.status === 'expired' ? auth.tenantId : null;
  const session = useMemo(() => (userId && tenantId ? { userId, tenantId } : null), [userId, tenantId]);

  return (
    <QueryClientProvider client={queryClient}>
      <RealtimeProvider
        session={session}
        getAccessToken={store.getAccessToken}
        getTokenExpiry={store.getTokenExpiry}
        refreshToken={store.refresh}
        queryClient={queryClient}
      >
        <FreshnessSync />
        <ReconnectAfterSignIn />
        <ToastProvider>
          <RemoteChangeAnnouncer />
          {children}
        </ToastProvider>
        <RealtimeDevtools />
      </RealtimeProvider>
    </QueryClientProvider>
  );
}
