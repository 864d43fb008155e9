import type { CacheBridge, ConnectionStore, LogEntry } from '@/lib/realtime';
import type { LogFilters } from './log-format';
import { NO_FILTERS } from './log-format';
import type { PayloadCapture } from './payload-capture';
import type { Secrets } from './redact-payload';

/** Everything the panel reads and drives; the launcher builds it from the realtime hooks, tests from real parts. */
export type DevtoolsSource = {
  bridge: CacheBridge | null;
  connection: ConnectionStore;
  reconnectNow(): void;
  resyncNow(): void;
  capture: PayloadCapture;
  /** Strings that must never be shown, such as the current access token. Read at display time. */
  secrets(): Secrets;
};

/** The log view's state, kept by the launcher so it survives closing and reopening the panel. */
export type LogViewState = {
  filters: LogFilters;
  /** The log as it was when paused; null while live. */
  paused: readonly LogEntry[] | null;
  /** Entries up to this sequence number were cleared from the view. */
  clearedAfter: number;
  selected: number | null;
};

export const INITIAL_LOG_VIEW: LogViewState = { filters: NO_FILTERS, paused: null, clearedAfter: 0, selected: null };

export const EMPTY_LOG: readonly LogEntry[] = Object.freeze([]);
