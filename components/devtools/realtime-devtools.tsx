'use client';

import dynamic from 'next/dynamic';
import { useSyncExternalStore } from 'react';
import { browserDevtoolsEnabled } from './devtools-gate';

const IS_DEV = process.env.NODE_ENV === 'development';

// Separate chunks, fetched only when the devtools are on: the normal bundle carries this file only.
const DevtoolsLauncher = dynamic(() => import('./devtools-launcher').then((m) => m.DevtoolsLauncher), { ssr: false });
const QueryDevtools = IS_DEV
  ? dynamic(() => import('@tanstack/react-query-devtools').then((m) => m.ReactQueryDevtools), { ssr: false })
  : null;

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener('storage', onChange);
  };
}

const readFlag = () => browserDevtoolsEnabled(IS_DEV);
const serverFlag = () => false;

/**
 * Mount once inside <RealtimeProvider> (app/providers.tsx). Renders nothing unless the devtools
 * are on: always in development, in production with `?realtime-devtools=1` (remembered) — see
 * devtools-gate.ts. TanStack Query Devtools sit beside it in development only.
 */
export function RealtimeDevtools() {
  const enabled = useSyncExternalStore(subscribe, readFlag, serverFlag);
  if (!enabled) return null;
  return (
    <>
      <DevtoolsLauncher />
      {QueryDevtools ? <QueryDevtools buttonPosition="bottom-left" /> : null}
    </>
  );
}
