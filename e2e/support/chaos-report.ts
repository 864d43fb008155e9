import { appendFileSync } from 'node:fs';
import { backend } from './chaos-backend';
import type { ClientStats } from './chaos-probe';
import type { DriverResult } from './chaos-driver';

/**
 * Counting and reporting for the chaos spec. mock-ws keeps the last 20,000 log entries, so a long
 * run polls the log as it goes (`LogTally`) instead of reading it once at the end.
 */
export class LogTally {
  eventFrames = 0;
  eventIds = new Set<string>();
  byChaos: Record<string, number> = {};
  rest = 0;
  handshakesAccepted = 0;
  handshakesRefused = 0;
  private seq: number;
  private timer: ReturnType<typeof setInterval> | undefined;
  private polling: Promise<void> = Promise.resolve();

  constructor(startSeq: number) {
    this.seq = startSeq;
  }

  start(everyMs = 3_000): void {
    this.timer = setInterval(() => void this.poll(), everyMs);
  }

  poll(): Promise<void> {
    this.polling = this.polling.then(async () => {
      const { entries } = await backend.log({ since: this.seq });
      for (const entry of entries) {
        this.seq = Math.max(this.seq, entry.seq);
        if (entry.kind === 'rest') this.rest++;
        if (entry.kind === 'handshake') {
          if (entry.outcome === 'accepted') this.handshakesAccepted++;
          else this.handshakesRefused++;
        }
        if (entry.kind !== 'ws_out' || !entry.type || ['ping', 'pong', 'error'].includes(entry.type)) continue;
        this.eventFrames++;
        if (entry.chaos) this.byChaos[entry.chaos] = (this.byChaos[entry.chaos] ?? 0) + 1;
        if (entry.id) this.eventIds.add(entry.id);
      }
    });
    return this.polling;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.poll();
  }
}

export type PageReport = { page: string } & Partial<ClientStats>;

export type ChaosReport = {
  seed: number;
  durationMs: number;
  writes: DriverResult;
  events: { broadcast: number; frames: number; byChaos: Record<string, number> };
  faults: Record<string, number>;
  reconnects: { client: number; serverHandshakes: number };
  resyncs: number;
  rejectedByClients: Record<string, number>;
  duplicatesIgnored: number;
  staleIgnored: number;
  settleMs: number;
  liveOnly: { writes: number; settleMs: number; reconnects: number };
  mismatches: string[];
  uncaughtErrors: string[];
  consoleErrors: number;
  pages: PageReport[];
};

const sum = (pages: PageReport[], key: keyof ClientStats) =>
  pages.reduce((total, p) => total + (typeof p[key] === 'number' ? (p[key] as number) : 0), 0);

export function totals(pages: PageReport[]) {
  const rejected: Record<string, number> = {};
  for (const page of pages)
    for (const [reason, n] of Object.entries(page.rejected ?? {}))
      if (n > 0) rejected[reason] = (rejected[reason] ?? 0) + n;
  return {
    reconnects: sum(pages, 'reconnects'),
    resyncs: sum(pages, 'resyncs'),
    duplicate: sum(pages, 'duplicate'),
    stale: sum(pages, 'stale'),
    rejected,
  };
}

/** One line per run, for `npm run chaos` and the CI log. */
export function summaryLine(r: ChaosReport): string {
  const faults = Object.entries(r.faults)
    .map(([kind, n]) => `${kind}=${n}`)
    .join(' ');
  const rejected = Object.entries(r.rejectedByClients)
    .map(([reason, n]) => `${reason}:${n}`)
    .join(',');
  return (
    `chaos seed=${r.seed} ${(r.durationMs / 1000).toFixed(1)}s writes=${r.writes.writes} (ok ${r.writes.ok}, refused ${r.writes.refused}, failed ${r.writes.failed}) ` +
    `events=${r.events.broadcast} frames=${r.events.frames} faults[${faults}] reconnects=${r.reconnects.client} (server ${r.reconnects.serverHandshakes}) ` +
    `resyncs=${r.resyncs} rejected[${rejected}] duplicates=${r.duplicatesIgnored} stale=${r.staleIgnored} settle=${r.settleMs}ms ` +
    `live-only(writes=${r.liveOnly.writes} settle=${r.liveOnly.settleMs}ms reconnects=${r.liveOnly.reconnects}) ` +
    `mismatches=${r.mismatches.length} uncaught=${r.uncaughtErrors.length}`
  );
}

/** `npm run chaos` reads one JSON line per run from this file. */
export function recordReport(report: ChaosReport): void {
  const file = process.env.CHAOS_REPORT_FILE;
  if (file) appendFileSync(file, `${JSON.stringify(report)}\n`);
}
