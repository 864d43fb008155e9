import type { EventType } from '@/lib/protocol';
import type { LogEntry } from '@/lib/realtime';

/** How the devtools log names, summarizes and filters entries. Pure functions over log entries. */

export const OUTCOME_FILTERS = [
  { value: 'all', label: 'Any outcome' },
  { value: 'patched', label: 'Patched' },
  { value: 'invalidated', label: 'Invalidated' },
  { value: 'refetched', label: 'Caused refetches' },
  { value: 'nothing', label: 'Changed nothing' },
  { value: 'stale', label: 'Ignored: stale' },
  { value: 'duplicate', label: 'Ignored: duplicate' },
  { value: 'invalid', label: 'Invalid frame' },
  { value: 'error', label: 'Rule threw' },
  { value: 'resync', label: 'Resync' },
  { value: 'flush', label: 'Flush' },
] as const;
export type OutcomeFilter = (typeof OUTCOME_FILTERS)[number]['value'];

export type LogFilters = { type: EventType | 'all'; outcome: OutcomeFilter; showFlushes: boolean };
export const NO_FILTERS: LogFilters = { type: 'all', outcome: 'all', showFlushes: false };

/** Every outcome an entry counts as (an event can both patch and invalidate). */
export function outcomeTags(entry: LogEntry): OutcomeFilter[] {
  switch (entry.kind) {
    case 'event': {
      const { outcome } = entry;
      if (outcome.status === 'ignored') return [outcome.reason];
      const tags: OutcomeFilter[] = [];
      if (outcome.patched.length > 0) tags.push('patched');
      if (outcome.invalidated.length > 0) tags.push('invalidated');
      if (entry.refetches > 0) tags.push('refetched');
      if (entry.error !== undefined) tags.push('error');
      return tags.length === 0 ? ['nothing'] : tags;
    }
    case 'rejection':
      return ['invalid'];
    case 'resync':
      return ['resync'];
    case 'flush':
      return ['flush'];
  }
}

export function matchesFilters(entry: LogEntry, filters: LogFilters): boolean {
  if (entry.kind === 'flush' && !filters.showFlushes && filters.outcome !== 'flush') return false;
  if (filters.type !== 'all' && (entry.kind === 'flush' || entry.kind === 'resync' || entry.type !== filters.type))
    return false;
  return filters.outcome === 'all' || outcomeTags(entry).includes(filters.outcome);
}

/** The row's name: the event type, or what kind of entry it is. */
export function entryTitle(entry: LogEntry): string {
  switch (entry.kind) {
    case 'event':
      return entry.type;
    case 'rejection':
      return entry.type === undefined ? 'invalid frame' : `invalid: ${entry.type}`;
    case 'resync':
      return 'resync';
    case 'flush':
      return 'flush';
  }
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The outcome in a few words, e.g. `patched 3 · invalidated 2 · 1 refetch`. */
export function summarize(entry: LogEntry): string {
  switch (entry.kind) {
    case 'event': {
      const { outcome } = entry;
      if (outcome.status === 'ignored') return `ignored: ${outcome.reason}`;
      const parts: string[] = [];
      if (outcome.patched.length > 0) parts.push(`patched ${outcome.patched.length}`);
      if (outcome.invalidated.length > 0) parts.push(`invalidated ${outcome.invalidated.length}`);
      if (entry.refetches > 0) parts.push(count(entry.refetches, 'refetch', 'refetches'));
      if (entry.error !== undefined) parts.push('rule threw');
      return parts.length === 0 ? 'nothing cached to change' : parts.join(' · ');
    }
    case 'rejection':
      return `invalid: ${entry.reason}`;
    case 'resync':
      return `resync: ${count(entry.invalidated.length, 'family', 'families')}`;
    case 'flush':
      return `${count(entry.invalidated, 'key')} · ${count(entry.refetches, 'refetch', 'refetches')} · ${entry.coalesced} coalesced`;
  }
}

/** Apply time, for entries that have one. */
export function entryMicros(entry: LogEntry): number | null {
  if (entry.kind === 'event') return entry.outcome.micros;
  if (entry.kind === 'flush') return entry.micros;
  return null;
}

export function formatMicros(micros: number | null): string {
  if (micros === null) return '';
  return micros >= 1000
    ? `${(micros / 1000).toFixed(micros >= 10_000 ? 1 : 2)} ms`
    : `${micros.toFixed(micros < 100 ? 1 : 0)} µs`;
}

/** Local wall-clock time with milliseconds: `14:03:07.412`. */
export function formatTime(at: number): string {
  const d = new Date(at);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}.${String(d.getMilliseconds()).padStart(3, '0')}`;
}

export function entryId(entry: LogEntry): string | undefined {
  return entry.kind === 'event' || entry.kind === 'rejection' ? entry.id : undefined;
}
