'use client';

import { createContext, useContext } from 'react';
import type { CacheBridge } from './bridge';
import type { RealtimeRuntime } from './runtime';

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
