import type { QueryKey } from '@tanstack/query-core';
import { Subscribable } from '@/lib/kit';
import { REJECT_REASONS, type EventType, type RejectReason } from '@/lib/protocol';

/**
 * What the bridge did, for the devtools panel and tests: a bounded ring buffer of log entries and
 * a set of counters. Both are subscribable stores that fit `useSyncExternalStore`: `getSnapshot()`
 * returns the same object until something changes. Entries never hold event payloads, URLs or
 * tokens: only types, ids, query keys, reasons and timings.
 */

export type EventOutcome =
  | { status: 'applied'; patched: QueryKey[]; invalidated: QueryKey[] /* prefixes queued */; micros: number }
  | { status: 'ignored'; reason: 'stale' | 'duplicate'; detail: string; micros: number };

type Stamp = { seq: number; at: number };
export type EventEntry = Stamp & {
  kind: 'event';
  type: EventType;
  id?: string;
  /** The entity the event changes (`action:a-1`), when it names one. */
  entity?: string;
  outcome: EventOutcome;
  /** Refetches this event caused after coalescing (credited to the first event asking for a key). */
  refetches: number;
  /** Set when applying the rule threw: the bridge fell back to invalidating the event's family. */
  error?: string;
};
export type RejectionEntry = Stamp & {
  kind: 'rejection';
  reason: RejectReason;
  message: string;
  type?: string;
  id?: string;
};
export type ResyncEntry = Stamp & { kind: 'resync'; invalidated: QueryKey[] };
export type FlushEntry = Stamp & {
  kind: 'flush';
  keys: QueryKey[];
  invalidated: number;
  refetches: number;
  coalesced: number;
  micros: number;
};
export type LogEntry = EventEntry | RejectionEntry | ResyncEntry | FlushEntry;
type Without<T> = T extends unknown ? Omit<T, 'seq' | 'at'> : never;
export type NewLogEntry = Without<LogEntry>;

/** Read side of the log, as the bridge exposes it. */
export interface EventLog {
  readonly capacity: number;
  subscribe(listener: () => void): () => void;
  /** Oldest first; the same frozen array until the log changes. */
  getSnapshot(): readonly LogEntry[];
}

/** Read side of the counters, as the bridge exposes it. */
export interface StatsStore {
  subscribe(listener: () => void): () => void;
  /** The same frozen object until a counter changes. */
  getSnapshot(): Readonly<BridgeStats>;
}

/** A store that fits `useSyncExternalStore`: the snapshot is built lazily and kept until the next change. */
abstract class Store<T> extends Subscribable {
  #snapshot: T | undefined;

  getSnapshot = (): T => (this.#snapshot ??= this.build());

  protected abstract build(): T;

  protected changed(): void {
    this.#snapshot = undefined;
    this.notify();
  }
}

/** Ring buffer of the last `capacity` entries, oldest first in the snapshot. */
export class RingLog extends Store<readonly LogEntry[]> implements EventLog {
  readonly #ring: (LogEntry | undefined)[];
  #next = 0;
  #seq = 0;

  constructor(
    readonly capacity: number,
    private readonly clock: () => number = Date.now,
  ) {
    super();
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`Event log capacity must be a positive integer, got ${capacity}.`);
    }
    this.#ring = new Array<LogEntry | undefined>(capacity);
  }

  /** Append an entry (it is stamped in place, not copied); returns its sequence number. */
  push(entry: NewLogEntry): number {
    const seq = ++this.#seq;
    this.#ring[this.#next] = Object.assign(entry, { seq, at: this.clock() }) as LogEntry;
    this.#next = (this.#next + 1) % this.capacity;
    this.changed();
    return seq;
  }

  /** Replace entry `seq` (if still in the buffer) with `update(entry)`. */
  update(seq: number, update: (entry: LogEntry) => LogEntry): void {
    const slot = (seq - 1) % this.capacity;
    const entry = this.#ring[slot];
    if (entry?.seq !== seq) return;
    this.#ring[slot] = update(entry);
    this.changed();
  }

  clear(): void {
    this.#ring.fill(undefined);
    this.#next = 0;
    this.changed();
  }

  protected override build(): readonly LogEntry[] {
    const out: LogEntry[] = [];
    for (let i = 0; i < this.capacity; i++) {
      const entry = this.#ring[(this.#next + i) % this.capacity];
      if (entry !== undefined) out.push(entry);
    }
    return Object.freeze(out);
  }
}

export type BridgeStats = {
  /** Domain events handed to `receive`. */
  received: number;
  /** Events that patched or queued something. */
  applied: number;
  /** Cache entries patched. */
  patched: number;
  /** Invalidation requests queued (before coalescing). */
  invalidated: number;
  /** Active queries refetched by flushes. */
  refetches: number;
  /** Invalidation requests merged away by coalescing. */
  coalesced: number;
  flushes: number;
  stale: number;
  duplicate: number;
  /** Frames decodeFrame rejected, in total and per reason. */
  invalid: number;
  rejected: Readonly<Record<RejectReason, number>>;
  resyncs: number;
  /** Event updates re-applied over REST responses that were in flight when the event arrived. */
  reapplied: number;
  /** Rules that threw (a bug or an unexpected cached shape); the bridge refetched instead. */
  errors: number;
};
type Counter = Exclude<keyof BridgeStats, 'rejected'>;

const zeroRejected = (): Record<RejectReason, number> =>
  Object.fromEntries(REJECT_REASONS.map((reason) => [reason, 0])) as Record<RejectReason, number>;

export class Counters extends Store<Readonly<BridgeStats>> implements StatsStore {
  readonly #counts: BridgeStats = {
    received: 0,
    applied: 0,
    patched: 0,
    invalidated: 0,
    refetches: 0,
    coalesced: 0,
    flushes: 0,
    stale: 0,
    duplicate: 0,
    invalid: 0,
    rejected: zeroRejected(),
    resyncs: 0,
    reapplied: 0,
    errors: 0,
  };

  add(changes: Partial<Record<Counter, number>>, rejected?: RejectReason): void {
    for (const name in changes) this.#counts[name as Counter] += changes[name as Counter] ?? 0;
    if (rejected !== undefined) {
      this.#counts.invalid++;
      this.#counts.rejected = { ...this.#counts.rejected, [rejected]: this.#counts.rejected[rejected] + 1 };
    }
    this.changed();
  }

  protected override build(): Readonly<BridgeStats> {
    return Object.freeze({ ...this.#counts, rejected: Object.freeze({ ...this.#counts.rejected }) });
  }
}
