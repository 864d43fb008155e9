'use client';

import type { QueryKey } from '@tanstack/query-core';
import type { DomainEvent } from '@/lib/protocol';
import type { LogEntry } from '@/lib/realtime';
import { describeRule, formatKey, placeholderEvent } from '../../lib/realtime/cache/map-report';
import type { DevtoolsSource } from './devtools-source';
import { entryTitle, formatMicros, formatTime } from './log-format';
import { payloadJson, redactText, type Secrets } from './redact-payload';
import { RuleLines } from './rule-lines';
import styles from './devtools.module.css';

/** One log entry in full: outcome, the rule that handled it, and the normalized payload (redacted). */
export function EventDetails({ entry, source }: { entry: LogEntry; source: DevtoolsSource }) {
  const secrets = source.secrets();
  const text = (value: string) => redactText(value, secrets);
  return (
    <article aria-label={`Details of ${entryTitle(entry)}`} data-testid="devtools-details">
      <h3 className={styles.mono}>{text(entryTitle(entry))}</h3>
      <p className={styles.note}>
        {formatTime(entry.at)} · entry #{entry.seq}
        {'id' in entry && entry.id !== undefined ? ` · id ${text(entry.id)}` : ''}
      </p>
      {entry.kind === 'event' ? <EventEntryDetails entry={entry} source={source} secrets={secrets} /> : null}
      {entry.kind === 'rejection' ? (
        <>
          <h4>Dropped: {entry.reason}</h4>
          <p>{text(entry.message)}</p>
          <p className={styles.note}>Counted under “invalid”; the socket stays open.</p>
        </>
      ) : null}
      {entry.kind === 'resync' ? (
        <>
          <h4>Invalidated after a reconnect</h4>
          <Keys keys={entry.invalidated} />
        </>
      ) : null}
      {entry.kind === 'flush' ? (
        <>
          <h4>Flush</h4>
          <p>
            {entry.invalidated} keys invalidated, {entry.refetches} active queries refetched, {entry.coalesced} requests
            coalesced away, in {formatMicros(entry.micros)}.
          </p>
          <Keys keys={entry.keys} />
        </>
      ) : null}
    </article>
  );
}

type EventEntry = Extract<LogEntry, { kind: 'event' }>;

function EventEntryDetails({
  entry,
  source,
  secrets,
}: {
  entry: EventEntry;
  source: DevtoolsSource;
  secrets: Secrets;
}) {
  const { outcome } = entry;
  const payload: DomainEvent | undefined = source.capture.get(entry.seq, entry.id);
  const rule = describeRule(entry.type, payload ?? placeholderEvent(entry.type));
  return (
    <>
      {outcome.status === 'ignored' ? (
        <>
          <h4>Ignored: {outcome.reason}</h4>
          <p>{redactText(outcome.detail, secrets)}</p>
        </>
      ) : (
        <>
          <h4>Patched ({outcome.patched.length})</h4>
          <Keys keys={outcome.patched} empty="Nothing cached to patch." />
          <h4>Invalidated ({outcome.invalidated.length})</h4>
          <Keys keys={outcome.invalidated} empty="Nothing to invalidate." />
          <p className={styles.note}>
            Refetches caused after coalescing: {entry.refetches}. Applied in {formatMicros(outcome.micros)}.
          </p>
        </>
      )}
      {entry.error !== undefined ? <p className={styles.error}>{redactText(entry.error, secrets)}</p> : null}
      <h4>Rule: {entry.type}</h4>
      {payload === undefined ? (
        <p className={styles.note}>Keys shown with placeholders: the payload was not captured.</p>
      ) : null}
      <RuleLines rule={rule} />
      <h4>Payload (normalized)</h4>
      {payload === undefined ? (
        <p className={styles.note}>Not captured: it arrived before the panel loaded, or left the panel’s buffer.</p>
      ) : (
        <pre className={styles.pre} data-testid="devtools-payload">
          {payloadJson(payload, secrets)}
        </pre>
      )}
    </>
  );
}

function Keys({ keys, empty = 'None.' }: { keys: readonly QueryKey[]; empty?: string }) {
  if (keys.length === 0) return <p className={styles.note}>{empty}</p>;
  return (
    <ul className={styles.keys}>
      {keys.map((key, i) => (
        <li key={i} className={styles.mono}>
          {redactText(formatKey(key))}
        </li>
      ))}
    </ul>
  );
}
