import type { DomainEvent } from '@/lib/protocol';
import type { EventLog } from '@/lib/realtime';

/**
 * The bridge's log keeps no payloads (by design: it may be exported or shown anywhere). The panel
 * keeps its own bounded copy, keyed by the log entry's sequence number, so a clicked row can show
 * the normalized payload it came from. Payloads are redacted when shown, not when stored.
 */
export class PayloadCapture {
  readonly #bySeq = new Map<number, DomainEvent>();
  readonly #seqById = new Map<string, number>();

  constructor(readonly capacity: number) {}

  record(seq: number, event: DomainEvent): void {
    this.#bySeq.set(seq, event);
    if (event.id !== undefined && !this.#seqById.has(event.id)) this.#seqById.set(event.id, seq);
    while (this.#bySeq.size > this.capacity) {
      const [oldest, dropped] = this.#bySeq.entries().next().value as [number, DomainEvent];
      this.#bySeq.delete(oldest);
      if (dropped.id !== undefined && this.#seqById.get(dropped.id) === oldest) this.#seqById.delete(dropped.id);
    }
  }

  /**
   * Called right after the bridge applied `event` (the realtime bus emits synchronously after
   * `receive`), so the newest log entry is that event's.
   */
  recordLatest(log: EventLog, event: DomainEvent): void {
    const last = log.getSnapshot().at(-1);
    if (last?.kind === 'event' && last.type === event.type && last.id === event.id) this.record(last.seq, event);
  }

  /** The payload of entry `seq`; for a duplicate, the payload of the first event with its id. */
  get(seq: number, id?: string): DomainEvent | undefined {
    const own = this.#bySeq.get(seq);
    if (own !== undefined || id === undefined) return own;
    const first = this.#seqById.get(id);
    return first === undefined ? undefined : this.#bySeq.get(first);
  }

  clear(): void {
    this.#bySeq.clear();
    this.#seqById.clear();
  }
}
