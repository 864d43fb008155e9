'use client';

import { useEffect, useState } from 'react';
import type { BridgeStats } from '@/lib/realtime';
import { Button } from '@/components/ui';
import type { DevtoolsSource } from './devtools-source';
import { formatTime } from './log-format';
import { redactText } from './redact-payload';
import { useThrottledStore } from './use-throttled-store';
import styles from './devtools.module.css';

const BRIDGE_COUNTERS: [keyof Omit<BridgeStats, 'rejected'>, string][] = [
  ['received', 'Received'],
  ['applied', 'Applied'],
  ['patched', 'Patched'],
  ['invalidated', 'Invalidated'],
  ['refetches', 'Refetches'],
  ['coalesced', 'Coalesced'],
  ['stale', 'Stale'],
  ['duplicate', 'Duplicate'],
  ['invalid', 'Invalid'],
  ['resyncs', 'Resyncs'],
  ['reapplied', 'Re-applied'],
  ['errors', 'Rule errors'],
  ['flushes', 'Flushes'],
];

/** Seconds until `at`, ticking while there is a countdown to show. */
function useSecondsUntil(at: number | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [at]);
  return at === null ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

/** The bridge's counters, the connection with its controls. */
export function CountersView({ source }: { source: DevtoolsSource }) {
  const stats = useThrottledStore(source.bridge?.stats ?? null, null);
  const connection = useThrottledStore(source.connection);
  const seconds = useSecondsUntil(connection.nextRetryAt);
  const secrets = source.secrets();
  const text = (value: string | null) => (value === null || value === '' ? '—' : redactText(value, secrets));
  const rejected = stats === null ? [] : Object.entries(stats.rejected).filter(([, n]) => n > 0);
  const socketErrors = Object.entries(connection.counters.errors).filter(([, n]) => n > 0);

  return (
    <div>
      <h3 className={styles.section}>Bridge</h3>
      {stats === null ? (
        <p className={styles.note}>The bridge is not running yet.</p>
      ) : (
        <dl className={styles.counters} aria-label="Bridge counters">
          {BRIDGE_COUNTERS.map(([name, label]) => (
            <div key={name} className={styles.counter} data-testid={`devtools-counter-${name}`}>
              <dt>{label}</dt>
              <dd>{stats[name]}</dd>
            </div>
          ))}
          <div className={styles.counter} data-testid="devtools-counter-reconnects">
            <dt>Reconnects</dt>
            <dd>{connection.counters.reconnects}</dd>
          </div>
        </dl>
      )}
      {rejected.length > 0 ? (
        <p className={styles.note}>
          Invalid frames by reason: {rejected.map(([reason, n]) => `${reason} ${n}`).join(', ')}.
        </p>
      ) : null}

      <h3 className={styles.section}>Connection</h3>
      <dl className={styles.facts} aria-label="Connection">
        <dt>State</dt>
        <dd data-testid="devtools-connection-state">{connection.state}</dd>
        <dt>Attempt</dt>
        <dd>{connection.attempt}</dd>
        <dt>Last close</dt>
        <dd>
          {connection.lastCloseCode === null ? '—' : connection.lastCloseCode}
          {connection.lastCloseReason ? ` · ${text(connection.lastCloseReason)}` : ''}
        </dd>
        <dt>Next retry</dt>
        <dd>{connection.nextRetryAt === null ? '—' : `in ${seconds} s (${formatTime(connection.nextRetryAt)})`}</dd>
        <dt>Connected since</dt>
        <dd>{connection.connectedAt === null ? '—' : formatTime(connection.connectedAt)}</dd>
        <dt>Last error</dt>
        <dd>{text(connection.lastError)}</dd>
        <dt>Socket</dt>
        <dd>
          {connection.counters.connects} connects, {connection.counters.handshakeFailures} failed handshakes,{' '}
          {connection.counters.framesReceived} frames, {connection.counters.pingsSent} pings /{' '}
          {connection.counters.pongsSent} pongs sent, {connection.counters.watchdogReplacements} watchdog replacements,{' '}
          {connection.counters.tokenRefreshes} token refreshes
          {socketErrors.length > 0
            ? `; server errors: ${socketErrors.map(([code, n]) => `${code} ${n}`).join(', ')}`
            : ''}
        </dd>
      </dl>
      <div className={styles.actions}>
        <Button size="sm" variant="secondary" disabled={connection.state === 'disabled'} onClick={source.reconnectNow}>
          Reconnect now
        </Button>
        <Button size="sm" variant="secondary" disabled={source.bridge === null} onClick={source.resyncNow}>
          Resync now
        </Button>
      </div>
    </div>
  );
}
