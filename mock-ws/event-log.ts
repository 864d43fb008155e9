import { redact } from './redact';

/** What `GET /__control/log` returns: every REST request and every frame both ways, tokens redacted. */
export type LogEntry =
  | {
      seq: number;
      at: number;
      kind: 'rest';
      method: string;
      path: string;
      status: number;
      tenant: string | null;
      ms: number;
    }
  | {
      seq: number;
      at: number;
      kind: 'ws_out';
      connection_id: string;
      tenant: string;
      type: string;
      id?: string;
      size: number;
      chaos?: 'duplicate' | 'reordered' | 'malformed';
    }
  | {
      seq: number;
      at: number;
      kind: 'ws_in';
      connection_id: string;
      type: 'ping' | 'pong' | 'invalid';
      reason?: string;
      size: number;
    }
  | {
      seq: number;
      at: number;
      kind: 'handshake';
      outcome: 'accepted' | 'refused';
      status: number;
      reason: string;
      tenant: string | null;
      origin: string | null;
      path: string;
      connection_id?: string;
    }
  | { seq: number; at: number; kind: 'close'; connection_id: string; tenant: string; code: number; reason: string };

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type NewLogEntry = DistributiveOmit<LogEntry, 'seq' | 'at'>;

export type EventLog = {
  add(entry: NewLogEntry): LogEntry;
  /** Entries with a seq greater than `seq`, oldest first. */
  since(seq: number): LogEntry[];
  clear(): void;
  readonly lastSeq: number;
};

export function createEventLog(limit: number, now: () => number = Date.now): EventLog {
  let entries: LogEntry[] = [];
  let seq = 0;
  return {
    add(entry) {
      seq += 1;
      const full = { ...entry, seq, at: now() } as LogEntry;
      if (full.kind === 'rest' || full.kind === 'handshake') full.path = redact(full.path);
      entries.push(full);
      // Trim in chunks so the amortised cost per entry stays constant.
      if (entries.length > limit + Math.ceil(limit / 4)) entries = entries.slice(entries.length - limit);
      return full;
    },
    since(after) {
      const trimmed = entries.length > limit ? entries.slice(entries.length - limit) : entries;
      let lo = 0;
      let hi = trimmed.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (trimmed[mid]!.seq <= after) lo = mid + 1;
        else hi = mid;
      }
      return trimmed.slice(lo);
    },
    clear() {
      entries = [];
    },
    get lastSeq() {
      return seq;
    },
  };
}
