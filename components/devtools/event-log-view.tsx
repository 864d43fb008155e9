'use client';

import { memo, useMemo, useRef, type Dispatch, type KeyboardEvent, type SetStateAction } from 'react';
import { EVENT_TYPES, type EventType } from '@/lib/protocol';
import type { LogEntry } from '@/lib/realtime';
import { Button, Checkbox, Select } from '@/components/ui';
import { EMPTY_LOG, type DevtoolsSource, type LogViewState } from './devtools-source';
import { EventDetails } from './event-details';
import { buildLogExport, downloadJson } from './export-log';
import {
  entryId,
  entryMicros,
  entryTitle,
  formatMicros,
  formatTime,
  matchesFilters,
  OUTCOME_FILTERS,
  outcomeTags,
  summarize,
  type OutcomeFilter,
} from './log-format';
import { redactText } from './redact-payload';
import { useThrottledStore } from './use-throttled-store';
import styles from './devtools.module.css';

const TYPE_OPTIONS = [
  { value: 'all', label: 'All event types' },
  ...EVENT_TYPES.map((type) => ({ value: type, label: type })),
];

type Props = { source: DevtoolsSource; view: LogViewState; setView: Dispatch<SetStateAction<LogViewState>> };

/** The live log: filters, pause, clear, export, a keyboard-navigable list, and the selected entry. */
export function EventLogView({ source, view, setView }: Props) {
  const { bridge } = source;
  const live = useThrottledStore(bridge?.log ?? null, EMPTY_LOG);
  const stats = useThrottledStore(bridge?.stats ?? null, null);
  const entries = view.paused ?? live;
  const visible = useMemo(
    () => entries.filter((entry) => entry.seq > view.clearedAfter && matchesFilters(entry, view.filters)).reverse(),
    [entries, view.clearedAfter, view.filters],
  );
  const lastSeq = entries.at(-1)?.seq ?? 0;
  const arrived = view.paused === null ? 0 : live.filter((entry) => entry.seq > lastSeq).length;
  const selected = view.selected === null ? undefined : entries.find((entry) => entry.seq === view.selected);
  const listRef = useRef<HTMLOListElement>(null);

  const update = (patch: Partial<LogViewState>) => setView((current) => ({ ...current, ...patch }));
  const setFilter = (patch: Partial<LogViewState['filters']>) => update({ filters: { ...view.filters, ...patch } });
  const select = (seq: number, focus: boolean) => {
    update({ selected: seq });
    if (focus) listRef.current?.querySelector<HTMLElement>(`[data-seq="${seq}"]`)?.focus();
  };

  const onListKey = (event: KeyboardEvent<HTMLOListElement>) => {
    if (visible.length === 0) return;
    const focused = (event.target as HTMLElement).closest<HTMLElement>('[data-seq]')?.dataset.seq;
    const current = focused === undefined ? view.selected : Number(focused);
    const at = visible.findIndex((entry) => entry.seq === current);
    const index =
      event.key === 'ArrowDown'
        ? Math.min(at + 1, visible.length - 1)
        : event.key === 'ArrowUp'
          ? Math.max(at - 1, 0)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? visible.length - 1
              : null;
    if (index === null) return;
    event.preventDefault();
    select(visible[index]!.seq, true);
  };

  const exportShown = () => {
    const data = buildLogExport({
      entries: [...visible].reverse(),
      stats,
      connection: source.connection.getSnapshot(),
      capture: source.capture,
      secrets: source.secrets(),
    });
    downloadJson(`realtime-log-${data.exportedAt.replace(/[:.]/g, '-')}.json`, data);
  };

  const focusable = visible.some((entry) => entry.seq === view.selected) ? view.selected : visible[0]?.seq;
  return (
    <>
      <div className={styles.toolbar} role="toolbar" aria-label="Log controls">
        <Select
          aria-label="Event type"
          controlSize="sm"
          value={view.filters.type}
          options={TYPE_OPTIONS}
          onChange={(event) => setFilter({ type: event.target.value as EventType | 'all' })}
        />
        <Select
          aria-label="Outcome"
          controlSize="sm"
          value={view.filters.outcome}
          options={OUTCOME_FILTERS}
          onChange={(event) => setFilter({ outcome: event.target.value as OutcomeFilter })}
        />
        <Checkbox
          label="Flushes"
          checked={view.filters.showFlushes}
          onChange={(event) => setFilter({ showFlushes: event.target.checked })}
        />
        <Button
          size="sm"
          variant="secondary"
          aria-pressed={view.paused !== null}
          onClick={() => update({ paused: view.paused === null ? live : null })}
        >
          {view.paused === null ? 'Pause' : arrived > 0 ? `Resume (${arrived} new)` : 'Resume'}
        </Button>
        <Button
          size="sm"
          variant="secondary"
          disabled={lastSeq <= view.clearedAfter}
          onClick={() => update({ clearedAfter: lastSeq, selected: null })}
        >
          Clear
        </Button>
        <Button size="sm" variant="secondary" disabled={visible.length === 0} onClick={exportShown}>
          Export JSON
        </Button>
        <span className={styles.subtle} data-testid="devtools-count">
          {visible.length} shown{bridge === null ? ' · bridge not running' : ''}
        </span>
      </div>
      <div className={styles.split}>
        {visible.length === 0 ? (
          <p className={`${styles.log} ${styles.empty}`}>
            {entries.length === 0 || lastSeq <= view.clearedAfter
              ? 'No events yet. They appear here as the socket delivers them.'
              : 'No entries match these filters.'}
          </p>
        ) : (
          <ol ref={listRef} role="listbox" aria-label="Event log" className={styles.log} onKeyDown={onListKey}>
            {visible.map((entry) => (
              <LogRow
                key={entry.seq}
                entry={entry}
                selected={entry.seq === view.selected}
                focusable={entry.seq === focusable}
                onSelect={select}
              />
            ))}
          </ol>
        )}
        <div className={styles.details} aria-live="polite">
          {selected === undefined ? (
            <p className={styles.note}>Select an entry to see its outcome, the rule that handled it and its payload.</p>
          ) : (
            <EventDetails entry={selected} source={source} />
          )}
        </div>
      </div>
    </>
  );
}

type RowProps = { entry: LogEntry; selected: boolean; focusable: boolean; onSelect(seq: number, focus: boolean): void };

const TONE: Record<OutcomeFilter, string> = {
  all: '',
  patched: 'applied',
  invalidated: 'applied',
  refetched: 'applied',
  nothing: 'applied',
  stale: 'ignored',
  duplicate: 'ignored',
  invalid: 'invalid',
  error: 'invalid',
  resync: 'applied',
  flush: 'applied',
};

const LogRow = memo(function LogRow({ entry, selected, focusable, onSelect }: RowProps) {
  const tags = outcomeTags(entry);
  const id = entryId(entry);
  const summary = summarize(entry);
  return (
    <li
      role="option"
      aria-selected={selected}
      tabIndex={focusable ? 0 : -1}
      className={styles.row}
      data-seq={entry.seq}
      data-testid={`devtools-row-${entry.seq}`}
      data-type={entry.kind === 'event' ? entry.type : entry.kind}
      data-outcome={tags.join(' ')}
      onClick={() => onSelect(entry.seq, false)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onSelect(entry.seq, false);
        }
      }}
    >
      <span className={`${styles.mono} ${styles.subtle}`}>{formatTime(entry.at)}</span>
      <span className={`${styles.cell} ${styles.mono}`}>{entryTitle(entry)}</span>
      <span className={`${styles.cell} ${styles.mono} ${styles.subtle}`}>
        {id === undefined ? '—' : redactText(id)}
      </span>
      <span className={`${styles.cell} ${styles.outcome}`} data-tone={TONE[tags[0] ?? 'all']}>
        {summary}
      </span>
      <span className={`${styles.mono} ${styles.num}`}>{formatMicros(entryMicros(entry))}</span>
    </li>
  );
});
