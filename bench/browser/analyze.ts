import { BRIDGE_LABEL } from './chunk-labels';
import {
  PROBE_SOURCE_URL,
  type BatchRecord,
  type DomRecord,
  type FrameRecord,
  type LoafRecord,
  type ProbeDump,
} from './probe';

/** Turns one screen's raw probe records into the figures of the report. Pure: no browser, no I/O. */

export type Matching = {
  /** Per progress frame of an action on this screen: ms from the frame reaching the page's JS until the
   *  row showed its value or a newer one. Frames never shown are left out (counted in notShown). */
  latencies: number[];
  /** The same, but from the server's `timestamp` (epoch ms): includes the socket and any wait for the main thread. */
  sendLatencies: number[];
  /** Frames whose exact value the row showed. */
  exact: number;
  /** Frames overtaken by a newer value for the same action before a render showed them. */
  superseded: number;
  /** Frames whose value (or a newer one) never showed. */
  notShown: number;
  /** Progress frames about actions that have no row on this screen. */
  offScreen: number;
  /** Row changes that no received frame explains (e.g. a REST refetch that got there first). */
  domUnmatched: number;
};

/**
 * Match each row change to the latest frame for that action with the same value that arrived before
 * it; that frame and every earlier unmatched frame for the action count as shown at that moment.
 */
export function matchFrames(
  frames: readonly FrameRecord[],
  dom: readonly DomRecord[],
  onScreen: ReadonlySet<string>,
  timeOrigin: number,
): Matching {
  const out: Matching = {
    latencies: [],
    sendLatencies: [],
    exact: 0,
    superseded: 0,
    notShown: 0,
    offScreen: 0,
    domUnmatched: 0,
  };
  const byAction = new Map<string, FrameRecord[]>();
  for (const frame of frames) {
    if (!onScreen.has(frame[2])) {
      out.offScreen += 1;
      continue;
    }
    const list = byAction.get(frame[2]);
    if (list) list.push(frame);
    else byAction.set(frame[2], [frame]);
  }
  const next = new Map<string, number>();
  for (const [t, action, value] of [...dom].sort((a, b) => a[0] - b[0])) {
    const list = byAction.get(action);
    const from = next.get(action) ?? 0;
    let hit = -1;
    for (let j = (list?.length ?? 0) - 1; j >= from; j--) {
      const frame = list![j]!;
      if (frame[0] <= t && frame[3] === value) {
        hit = j;
        break;
      }
    }
    if (hit < 0) {
      out.domUnmatched += 1;
      continue;
    }
    for (let k = from; k <= hit; k++) {
      const frame = list![k]!;
      out.latencies.push(t - frame[0]);
      if (Number.isFinite(frame[1])) out.sendLatencies.push(timeOrigin + t - frame[1]);
      if (k === hit) out.exact += 1;
      else out.superseded += 1;
    }
    next.set(action, hit + 1);
  }
  for (const [action, list] of byAction) out.notShown += list.length - (next.get(action) ?? 0);
  return out;
}

/** Nearest-rank percentile; null for no samples. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

/** MutationObserver callbacks per second between `from` and `to` (page ms): all of them, and those that changed a row's value. */
export function batchRates(
  batches: readonly BatchRecord[],
  from: number,
  to: number,
): { all: number; rows: number } | null {
  const seconds = (to - from) / 1_000;
  if (!(seconds >= 0.1)) return null;
  let all = 0;
  let rows = 0;
  for (const [t, changed] of batches) {
    if (t < from || t > to) continue;
    all += 1;
    if (changed > 0) rows += 1;
  }
  return { all: all / seconds, rows: rows / seconds };
}

export type LongTaskSummary = {
  count: number;
  maxMs: number;
  totalMs: number;
  /** Scripts that ran in long animation frames (Chromium's LoAF attribution), most time first. */
  sources: Array<{ what: string; count: number; ms: number }>;
  /** Single callbacks into the bridge's chunk that ran longer than `overMs` (what they call synchronously included). */
  bridgeScriptsOver: number;
  bridgeMaxScriptMs: number;
};

/** `labels` maps a script path to what its chunk holds (chunk-labels.ts). */
export function summarizeLongTasks(
  dump: Pick<ProbeDump, 'longTasks' | 'loafs'>,
  labels: ReadonlyMap<string, string> = new Map(),
  overMs = 50,
): LongTaskSummary {
  let maxMs = 0;
  let totalMs = 0;
  for (const task of dump.longTasks) {
    maxMs = Math.max(maxMs, task.duration);
    totalMs += task.duration;
  }
  let bridgeScriptsOver = 0;
  let bridgeMaxScriptMs = 0;
  for (const loaf of dump.loafs) {
    for (const script of loaf.scripts) {
      if (!labelOf(script.source, labels).includes(BRIDGE_LABEL)) continue;
      bridgeMaxScriptMs = Math.max(bridgeMaxScriptMs, script.duration);
      if (script.duration > overMs) bridgeScriptsOver += 1;
    }
  }
  return {
    count: dump.longTasks.length,
    maxMs,
    totalMs,
    sources: loafSources(dump.loafs, labels),
    bridgeScriptsOver,
    bridgeMaxScriptMs,
  };
}

function labelOf(source: string, labels: ReadonlyMap<string, string>): string {
  if (source.endsWith(PROBE_SOURCE_URL)) return 'bench probe';
  return labels.get(source) || source.split('/').pop() || '(inline)';
}

function loafSources(loafs: readonly LoafRecord[], labels: ReadonlyMap<string, string>): LongTaskSummary['sources'] {
  const by = new Map<string, { what: string; count: number; ms: number }>();
  for (const loaf of loafs) {
    for (const script of loaf.scripts) {
      const what = `${script.invoker || script.type || 'script'} in ${labelOf(script.source, labels)}`;
      const entry = by.get(what) ?? { what, count: 0, ms: 0 };
      entry.count += 1;
      entry.ms += script.duration;
      by.set(what, entry);
    }
  }
  return [...by.values()].sort((a, b) => b.ms - a.ms);
}

export type ScreenResult = Matching & {
  screen: string;
  rows: number;
  framesReceived: number;
  progressFrames: number;
  frameCounts: Record<string, number>;
  p50Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  sendP50Ms: number | null;
  sendP99Ms: number | null;
  batchesPerS: number | null;
  rowBatchesPerS: number | null;
  longTasks: LongTaskSummary;
  supports: ProbeDump['supports'];
  visibility: string;
};

export function analyzeScreen(
  screen: string,
  dump: ProbeDump,
  labels: ReadonlyMap<string, string> = new Map(),
): ScreenResult {
  const onScreen = new Set(Object.keys(dump.rows));
  const matching = matchFrames(dump.frames, dump.dom, onScreen, dump.timeOrigin);
  const first = dump.frames[0]?.[0];
  const last = dump.frames[dump.frames.length - 1]?.[0];
  const rates = first !== undefined && last !== undefined ? batchRates(dump.batches, first, last) : null;
  let framesReceived = 0;
  for (const count of Object.values(dump.frameCounts)) framesReceived += count;
  return {
    screen,
    rows: onScreen.size,
    framesReceived,
    progressFrames: dump.frames.length,
    frameCounts: dump.frameCounts,
    ...matching,
    p50Ms: percentile(matching.latencies, 50),
    p99Ms: percentile(matching.latencies, 99),
    maxMs: matching.latencies.length ? Math.max(...matching.latencies) : null,
    sendP50Ms: percentile(matching.sendLatencies, 50),
    sendP99Ms: percentile(matching.sendLatencies, 99),
    batchesPerS: rates?.all ?? null,
    rowBatchesPerS: rates?.rows ?? null,
    longTasks: summarizeLongTasks(dump, labels),
    supports: dump.supports,
    visibility: dump.visibility,
  };
}
