'use client';

import { useEffect, useState } from 'react';
import { useRealtimeStatus } from '@/lib/realtime';
import { Button, ConnectionBadge, Popover, type ConnectionState } from '@/components/ui';
import { QUERY_DEFAULTS } from '@/lib/api';
import styles from './shell.module.css';

const WORDS: Record<ConnectionState, string> = {
  live: 'Live',
  connecting: 'Connecting',
  reconnecting: 'Reconnecting',
  offline: 'Offline',
  unauthorized: 'Session expired',
  disabled: 'Realtime off',
};

const EXPLAIN: Record<ConnectionState, string> = {
  live: 'Changes from your team appear as they happen.',
  connecting: 'Opening the live connection…',
  reconnecting: 'The live connection dropped. Pages refresh by themselves until it is back.',
  offline: 'You appear to be offline. Changes will sync when the connection returns.',
  unauthorized: 'Your session expired, so live updates stopped. Sign in again to resume them.',
  disabled: `Live updates are turned off in this build. Pages refresh every ${QUERY_DEFAULTS.pollIntervalMs / 1000} s.`,
};

/** Seconds until `at`, ticking once a second while there is a countdown to show. */
function useSecondsUntil(at: number | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === null) return;
    const first = setTimeout(() => setNow(Date.now()), 0);
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [at]);
  return at === null ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

/** The connection badge (the test hook of DESIGN.md) and a popover with details and "Reconnect now". */
export function ConnectionStatus() {
  const status = useRealtimeStatus();
  const { state } = status;
  const seconds = useSecondsUntil(state === 'reconnecting' ? status.nextRetryAt : null);
  const label = state === 'reconnecting' && seconds !== null ? `Reconnecting in ${seconds}s` : WORDS[state];

  return (
    <div className={styles.connection}>
      <ConnectionBadge state={state} label={label} role="status" data-testid="realtime-status" data-state={state} />
      <Popover
        align="end"
        padded
        trigger={<span aria-hidden="true">⋯</span>}
        triggerLabel="Connection details"
        triggerProps={{ variant: 'ghost', size: 'sm', className: 'pp-btn--icon' }}
      >
        {(close) => (
          <div className={styles.connectionPanel}>
            <p className={styles.panelTitle}>Live updates: {WORDS[state]}</p>
            <p className={styles.panelText}>{EXPLAIN[state]}</p>
            {status.lastError ? (
              <p className={styles.panelError}>
                <span className={styles.panelLabel}>Last error</span>
                {status.lastError}
              </p>
            ) : null}
            {status.attempt > 0 && state !== 'live' ? (
              <p className={styles.panelText}>Attempt {status.attempt}</p>
            ) : null}
            {state !== 'disabled' && state !== 'unauthorized' ? (
              <Button
                size="sm"
                variant="secondary"
                disabled={state === 'live'}
                onClick={() => {
                  status.reconnectNow();
                  close();
                }}
              >
                Reconnect now
              </Button>
            ) : null}
          </div>
        )}
      </Popover>
    </div>
  );
}
