/**
 * The in-page instrumentation, injected with `page.addInitScript` before any app script runs.
 * It only records raw timestamps; matching and statistics happen in Node (analyze.ts), so the
 * page does as little extra work as possible per frame.
 *
 * `installProbe` is serialized with `Function.prototype.toString`, so it must not close over
 * anything from this module (no imports, no outer constants).
 */

/** One `action.progress_updated` frame as the page's JS received it. */
export type FrameRecord = [t: number, sentEpochMs: number, actionId: string, progress: number];
/** A row whose shown progress changed: when the MutationObserver saw it, which action, what value. */
export type DomRecord = [t: number, actionId: string, value: number];
/** One MutationObserver callback: when, and how many action rows changed their shown value in it. */
export type BatchRecord = [t: number, rowsChanged: number];
export type LongTaskRecord = { start: number; duration: number; name: string; container: string };
export type LoafScript = { invoker: string; type: string; source: string; fn: string; duration: number };
export type LoafRecord = { start: number; duration: number; blocking: number; scripts: LoafScript[] };

export type ProbeDump = {
  /** performance.timeOrigin: page time + timeOrigin = epoch ms. */
  timeOrigin: number;
  /** Page time when the buffers were last reset, and now. */
  since: number;
  now: number;
  frames: FrameRecord[];
  /** Every incoming frame by type (events, pings, errors, unparseable as `(invalid)`). */
  frameCounts: Record<string, number>;
  dom: DomRecord[];
  batches: BatchRecord[];
  longTasks: LongTaskRecord[];
  loafs: LoafRecord[];
  /** Each action row on the page and the progress it shows now. */
  rows: Record<string, number>;
  /** Which observers the browser supports (long tasks and long animation frames are Chromium-only). */
  supports: { longtask: boolean; loaf: boolean };
  /** A hidden tab gets throttled timers; the report warns when a screen was not visible. */
  visibility: string;
};

export type ProbeApi = {
  reset(): void;
  dump(): ProbeDump;
  rows(): Record<string, number>;
};

export const PROBE_GLOBAL = '__benchProbe';
/** The probe's own script name, so long-frame attribution can tell its time apart from the app's. */
export const PROBE_SOURCE_URL = 'bench-probe.js';

export function installProbe(globalName: string): void {
  const w = window as unknown as Record<string, unknown> & Window & typeof globalThis;
  if (w[globalName]) return;
  const ROW_PREFIX = 'action-row-';
  const ROW_SELECTOR = `[data-testid^="${ROW_PREFIX}"]`;
  let frames: FrameRecord[] = [];
  let frameCounts: Record<string, number> = Object.create(null);
  let dom: DomRecord[] = [];
  let batches: BatchRecord[] = [];
  let longTasks: LongTaskRecord[] = [];
  let loafs: LoafRecord[] = [];
  let since = performance.now();
  const shown = new Map<string, number>();

  const onFrame = (event: MessageEvent) => {
    const t = performance.now();
    let type = '(invalid)';
    try {
      const frame = typeof event.data === 'string' ? JSON.parse(event.data) : null;
      if (frame && typeof frame.type === 'string') {
        type = frame.type;
        if (type === 'action.progress_updated' && frame.data) {
          frames.push([t, Date.parse(frame.timestamp), String(frame.data.action_id), Number(frame.data.progress)]);
        }
      }
    } catch {
      // counted as (invalid): the bridge rejects it too
    }
    frameCounts[type] = (frameCounts[type] ?? 0) + 1;
  };

  // Listening first, from the constructor, puts this ahead of the app's own handler.
  const Native = w.WebSocket;
  class ProbedWebSocket extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('message', onFrame);
    }
  }
  w.WebSocket = ProbedWebSocket as typeof WebSocket;

  const valueOf = (row: Element): number | null => {
    const text = row.querySelector('.pp-progress__value')?.textContent;
    const fromText = text ? Number.parseInt(text, 10) : Number.NaN;
    if (Number.isFinite(fromText)) return fromText;
    const aria = row.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow');
    return aria == null ? null : Number(aria);
  };
  const rowId = (row: Element) => (row.getAttribute('data-testid') ?? '').slice(ROW_PREFIX.length);
  const allRows = () => Array.from(document.querySelectorAll(ROW_SELECTOR));
  const snapshot = () => {
    const out: Record<string, number> = {};
    for (const row of allRows()) {
      const value = valueOf(row);
      if (value !== null) out[rowId(row)] = value;
    }
    return out;
  };

  const observer = new MutationObserver((records) => {
    const t = performance.now();
    const touched = new Set<Element>();
    for (const record of records) {
      const target = record.target.nodeType === 1 ? (record.target as Element) : record.target.parentElement;
      const row = target?.closest(ROW_SELECTOR);
      if (row) touched.add(row);
      for (const node of Array.from(record.addedNodes)) {
        if (node.nodeType !== 1) continue;
        const el = node as Element;
        if (el.matches(ROW_SELECTOR)) touched.add(el);
        for (const inner of Array.from(el.querySelectorAll(ROW_SELECTOR))) touched.add(inner);
      }
    }
    let changed = 0;
    for (const row of touched) {
      const value = valueOf(row);
      const id = rowId(row);
      if (value === null || shown.get(id) === value) continue;
      shown.set(id, value);
      dom.push([t, id, value]);
      changed += 1;
    }
    batches.push([t, changed]);
  });
  // The document itself: an init script runs before <html> exists.
  observer.observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['aria-valuenow'],
  });

  const supports = { longtask: false, loaf: false };
  const watch = (type: string, onEntry: (entry: PerformanceEntry) => void) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(onEntry)).observe({ type, buffered: true });
      return true;
    } catch {
      return false;
    }
  };
  supports.longtask = watch('longtask', (entry) => {
    const attribution = (
      entry as PerformanceEntry & {
        attribution?: Array<{ name?: string; containerType?: string; containerName?: string }>;
      }
    ).attribution?.[0];
    longTasks.push({
      start: entry.startTime,
      duration: entry.duration,
      name: entry.name,
      container: attribution
        ? `${attribution.containerType ?? ''}${attribution.containerName ? `:${attribution.containerName}` : ''}`
        : '',
    });
  });
  supports.loaf = watch('long-animation-frame', (entry) => {
    type Script = {
      invoker?: string;
      invokerType?: string;
      sourceURL?: string;
      sourceFunctionName?: string;
      duration: number;
    };
    const loaf = entry as PerformanceEntry & { blockingDuration?: number; scripts?: Script[] };
    const scripts = (loaf.scripts ?? [])
      .slice()
      .sort((a, b) => b.duration - a.duration)
      .slice(0, 3)
      .map((s) => ({
        invoker: s.invoker ?? '',
        type: s.invokerType ?? '',
        source: (s.sourceURL ?? '').replace(location.origin, ''),
        fn: s.sourceFunctionName ?? '',
        duration: s.duration,
      }));
    loafs.push({ start: entry.startTime, duration: entry.duration, blocking: loaf.blockingDuration ?? 0, scripts });
  });

  const api: ProbeApi = {
    reset() {
      frames = [];
      frameCounts = Object.create(null);
      dom = [];
      batches = [];
      longTasks = [];
      loafs = [];
      since = performance.now();
      shown.clear();
      for (const [id, value] of Object.entries(snapshot())) shown.set(id, value);
    },
    dump() {
      return {
        timeOrigin: performance.timeOrigin,
        since,
        now: performance.now(),
        frames,
        frameCounts: { ...frameCounts },
        dom,
        batches,
        longTasks,
        loafs,
        rows: snapshot(),
        supports,
        visibility: document.visibilityState,
      };
    },
    rows: snapshot,
  };
  Object.defineProperty(w, globalName, { value: api });
}

/**
 * The script for `page.addInitScript`. The `__name` stub is there because tsx (esbuild keepNames)
 * wraps named functions in `__name(...)` calls, which do not exist inside the page.
 */
export function probeScript(globalName: string = PROBE_GLOBAL): string {
  return `(() => { const __name = (target) => target; (${installProbe.toString()})(${JSON.stringify(globalName)}); })();\n//# sourceURL=${PROBE_SOURCE_URL}\n`;
}
