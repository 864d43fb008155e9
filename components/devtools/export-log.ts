import type { BridgeStats, ConnectionSnapshot, LogEntry } from '@/lib/realtime';
import type { PayloadCapture } from './payload-capture';
import { redactPayload, type Secrets } from './redact-payload';

/** The "Export JSON" file: the entries shown, with their captured payloads, counters and connection. */
export type LogExport = {
  exportedAt: string;
  entries: Array<LogEntry & { payload?: unknown }>;
  stats: BridgeStats | null;
  connection: Omit<ConnectionSnapshot, 'counters'> & { counters: ConnectionSnapshot['counters'] };
};

export function buildLogExport(input: {
  entries: readonly LogEntry[];
  stats: BridgeStats | null;
  connection: ConnectionSnapshot;
  capture: PayloadCapture;
  secrets: Secrets;
  now?: Date;
}): LogExport {
  const { capture, secrets } = input;
  const entries = input.entries.map((entry) => {
    const payload = entry.kind === 'event' ? capture.get(entry.seq, entry.id) : undefined;
    return payload === undefined ? entry : { ...entry, payload: payload.data };
  });
  // Everything goes through the redactor: rejection text, close reasons and payloads alike.
  return redactPayload(
    { exportedAt: (input.now ?? new Date()).toISOString(), entries, stats: input.stats, connection: input.connection },
    secrets,
  ) as LogExport;
}

/** Saves `data` as a JSON file through a temporary link; returns the file name. */
export function downloadJson(name: string, data: unknown): string {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return name;
}
