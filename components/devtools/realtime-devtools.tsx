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

// Left of the Realtime button: Next's dev indicator holds the bottom-left corner. Inline, not the CSS
// module, so the normal bundle does not carry the panel's styles.
const QUERY_DEVTOOLS_SPOT = { position: 'fixed', right: 136, bottom: 16, zIndex: 95 } as const;

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
      {QueryDevtools ? (
        <div style={QUERY_DEVTOOLS_SPOT}>
          <QueryDevtools buttonPosition="relative" />
        </div>
      ) : null}
    </>
  );
}
