'use client';

import { useSyncExternalStore } from 'react';
import { getTokenStore, type AuthState } from '@/lib/api';

/** The session as React sees it. The server render (and hydration) sees `unknown`. */
export function useAuth(): AuthState {
  const store = getTokenStore();
  return useSyncExternalStore(store.subscribe, store.getState, store.getServerState);
}

/** Only same-site paths are followed after sign-in, so `?next=` cannot send anyone elsewhere. */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next === '/login' || next.startsWith('/login?') || next.startsWith('/login/')) return '/';
  return next;
}
