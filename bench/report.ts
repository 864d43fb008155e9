import { cpus, loadavg } from 'node:os';
import type { BridgeRunResult } from './contenders';
import type { SuiteResult } from './suite';

/** The `--json` line: exactly the keys issue 7 lists, in its order. */
export function toJson(r: SuiteResult) {
  const scaling: Record<string, { bridge_eps: number; naive_eps: number }> = {};
  for (const s of r.scaling)
    scaling[String(s.q)] = { bridge_eps: Math.round(s.bridge.eps), naive_eps: Math.round(s.naive.eps) };
  return {
    q: r.options.q,
    events: r.options.events,
    limit_eps: Math.round(r.limit.eps),
    bridge_eps: Math.round(r.bridge.eps),
    naive_eps: Math.round(r.naive.eps),
    bridge_refetches: r.bridge.refetches,
    naive_refetches: r.naive.refetchesPerStream,
    burst_bridge_refetches: r.burst.bridge,
    burst_naive_refetches: r.burst.naive,
    burst_min_refetches: r.burst.min,
    bridge_p50_us: round(r.bridge.p50Us, 2),
    bridge_p99_us: round(r.bridge.p99Us, 2),
    heap_growth_mb: r.bridge.heapGrowthMb === null ? null : round(r.bridge.heapGrowthMb, 2),
    scaling,
    window: r.options.window,
    bridge_fixed_window: {
      events_per_window: r.options.fixedWindow,
      bridge_eps: Math.round(r.bridgeFixed.eps),
      bridge_refetches: r.bridgeFixed.refetches,
    },
    bridge_split_us: splitUs(r.bridge),
  };
}

/** µs per event spent in each part of the bridge's path. */
export function splitUs(b: BridgeRunResult) {
  const per = (ms: number) => round((ms * 1_000) / Math.max(1, b.events), 2);
  return {
    parse: per(b.split.parseMs),
    apply: per(b.split.applyMs),
    write: per(b.split.writeMs),
    invalidate: per(b.split.invalidateMs),
    settle: per(b.split.settleMs),
    total: per(b.ms),
  };
}

export type Target = { name: string; met: boolean; detail: string };

/** Issue 7's targets, checked against the figures. Reported, never enforced: timing does not fail CI. */
export function targets(r: SuiteResult): Target[] {
  const first = r.scaling[0];
  const last = r.scaling[r.scaling.length - 1];
  const slowdown = first && last && last.bridge.eps > 0 ? first.bridge.eps / last.bridge.eps : Infinity;
  const vsNaive = r.naive.eps > 0 ? r.bridge.eps / r.naive.eps : Infinity;
  const vsLimit = r.limit.eps > 0 ? r.bridge.eps / r.limit.eps : 0;
  const heap = r.bridge.heapGrowthMb;
  return [
    {
      name: 'bridge ≥ 50× naive',
      met: vsNaive >= 50,
      detail: `${fmt(vsNaive, 0)}× (per CPU-s: ${fmt(r.bridge.cpuEps / r.naive.cpuEps, 0)}×)`,
    },
    {
      name: 'bridge ≥ 10% of limit',
      met: vsLimit >= 0.1,
      detail: `${pct(vsLimit)} (per CPU-s: ${pct(r.bridge.cpuEps / r.limit.cpuEps)})`,
    },
    {
      name: `Q=${num(last?.q ?? 0)} within 2× of Q=${num(first?.q ?? 0)}`,
      met: slowdown <= 2,
      detail: `${fmt(slowdown, 2)}× slower`,
    },
    {
      name: 'burst refetches = minimum',
      met: r.burst.bridge === r.burst.min,
      detail: `${r.burst.bridge} vs ${r.burst.min}`,
    },
    {
      name: 'heap growth < 20 MB',
      met: heap !== null && heap < 20,
      detail: heap === null ? 'not measured (run node with --expose-gc)' : `${fmt(heap, 1)} MB`,
    },
  ];
}

export function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${cpus().length} cores, ${cpu}, node ${process.version}, load average ${loadavg()[0]!.toFixed(1)} at the end`;
}

export function formatTable(r: SuiteResult): string {
  const o = r.options;
  const scaled = r.naive.events < r.naive.offered;
  const rows = [
    ['limit', num(r.limit.eps), '100%', num(r.limit.cpuEps), '0', '', '', ''],
    [
      'bridge',
      num(r.bridge.eps),
      pct(r.bridge.eps / r.limit.eps),
      num(r.bridge.cpuEps),
      num(r.bridge.refetches),
      fmt(r.bridge.p50Us, 2),
      fmt(r.bridge.p99Us, 2),
      r.bridge.heapGrowthMb === null ? 'n/a' : `${fmt(r.bridge.heapGrowthMb, 1)} MB`,
    ],
    [
      `bridge@${num(o.fixedWindow)}`,
      num(r.bridgeFixed.eps),
      pct(r.bridgeFixed.eps / r.limit.eps),
      num(r.bridgeFixed.cpuEps),
      num(r.bridgeFixed.refetches),
      fmt(r.bridgeFixed.p50Us, 2),
      fmt(r.bridgeFixed.p99Us, 2),
      '',
    ],
    [
      'naive',
      num(r.naive.eps),
      pct(r.naive.eps / r.limit.eps),
      num(r.naive.cpuEps),
      `${scaled ? '≈' : ''}${num(r.naive.refetchesPerStream)}`,
      '',
      '',
      '',
    ],
  ];
  const scalingRows = [
    ['bridge', ...r.scaling.map((s) => num(s.bridge.eps))],
    ['naive', ...r.scaling.map((s) => num(s.naive.eps))],
  ];
  const lines = [
    `bench:core — ${num(r.queries)} cached queries, ${num(o.active)} active observers, ${num(o.events)} frames over ${num(o.entities)} entities`,
    windowLine(r),
    `machine: ${machine()}`,
    '',
    table(['contender', 'events/s', 'of limit', 'per CPU-s', 'refetches', 'p50 µs', 'p99 µs', 'heap growth'], rows),
    ...(scaled
      ? [
          `≈ naive ran for ${num(o.naiveBudgetMs)} ms per cache size (${num(r.naive.events)} of ${num(r.naive.offered)} events at Q=${num(o.q)}); its refetches are scaled to the whole stream.`,
        ]
      : []),
    "events/s = wall clock; per CPU-s = events per second of this process's CPU time (steadier on a shared machine);",
    'refetches = query-function calls over the whole stream; p50/p99 = decodeFrame + receive (plan, apply) per event, flushes excluded;',
    `bridge@${num(o.fixedWindow)} = the bridge with a window closed every ${num(o.fixedWindow)} events (its ${num(r.flushWindowMs)} ms window at ${num((o.fixedWindow * 1_000) / Math.max(1, r.flushWindowMs))} events/s sustained): less coalescing.`,
    `the bridge spent ${pct(r.bridge.flushMs / r.bridge.ms)} of its time in ${num(r.bridge.windows)} windows (${fmt(r.bridge.flushMs / Math.max(1, r.bridge.windows), 2)} ms each, refetches settling included).`,
    splitLine('bridge', r.bridge),
    splitLine(`bridge@${num(o.fixedWindow)}`, r.bridgeFixed),
    '',
    table(['scaling, events/s', ...r.scaling.map((s) => `Q=${num(s.q)}`)], scalingRows),
    '',
    `burst: ${num(o.burstEvents)} events on ${num(o.burstEntities)} entities in one flush window`,
    `  bridge   ${num(r.burst.bridge).padStart(9)} refetches (at most ${r.burst.bridgeMaxPerKey} per key)`,
    `  naive    ${(r.burst.naiveEvents < o.burstEvents ? '≈' : '') + num(r.burst.naive).padStart(9)} refetches${
      r.burst.naiveEvents < o.burstEvents
        ? ` (scaled from the first ${num(r.burst.naiveEvents)} events: time budget)`
        : ''
    }`,
    `  minimum  ${num(r.burst.min).padStart(9)} refetches (distinct active keys the map's rules invalidate)`,
    '',
    'targets (issue 7; reported, not enforced):',
    ...targets(r).map((t) => `  ${t.met ? 'met    ' : 'MISSED '} ${t.name}: ${t.detail}`),
  ];
  return lines.join('\n');
}

function windowLine(r: SuiteResult): string {
  const o = r.options;
  if (o.window === 'time') {
    return `windows: the bridge's own timers on the wall clock (patches every ${num(r.patchWindowMs)} ms; flushes ${num(r.flushWindowMs)} ms after a quiet spell, ${num(r.busyFlushWindowMs)} ms apart under a stream), frames back to back`;
  }
  return `windows: one every ${num(o.window)} events (the bridge's ${num(r.flushWindowMs)} ms window at ${num((o.window * 1_000) / Math.max(1, r.flushWindowMs))} events/s sustained)`;
}

function splitLine(name: string, b: BridgeRunResult): string {
  const s = splitUs(b);
  return (
    `${name}, µs per event: decodeFrame ${fmt(s.parse, 2)}, receive ${fmt(s.apply, 2)}, writing patches ${fmt(s.write, 2)}, ` +
    `invalidating ${fmt(s.invalidate, 2)}, refetches settling ${fmt(s.settle, 2)} (of ${fmt(s.total, 2)} in all)`
  );
}

function table(header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((row) => (row[c] ?? '').length)));
  const line = (row: string[]) =>
    row
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function num(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function fmt(n: number, digits: number): string {
  return Number.isFinite(n) ? n.toFixed(digits) : '∞';
}

function pct(ratio: number): string {
  if (!Number.isFinite(ratio)) return 'n/a';
  return ratio >= 0.1 ? `${(ratio * 100).toFixed(1)}%` : `${(ratio * 100).toPrecision(2)}%`;
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
