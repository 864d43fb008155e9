import { describe, expect, it } from 'vitest';
import { analyzeScreen, batchRates, matchFrames, percentile, summarizeLongTasks } from '../analyze';
import type { FrameRecord, ProbeDump } from '../probe';

const ORIGIN = 1_000_000;
const f = (t: number, action: string, progress: number, sentAt = ORIGIN + t - 2): FrameRecord => [
  t,
  sentAt,
  action,
  progress,
];
const onScreen = new Set(['a-1', 'a-2']);

describe('matchFrames', () => {
  it('measures each frame until its value or a newer one shows', () => {
    const frames = [f(10, 'a-1', 40), f(12, 'a-1', 55), f(20, 'a-2', 7)];
    const dom = [
      [30, 'a-1', 55],
      [25, 'a-2', 7],
    ] as const;
    const m = matchFrames(
      frames,
      dom.map((d) => [...d]),
      onScreen,
      ORIGIN,
    );
    // a-2 shown exactly after 5 ms; a-1's 40 superseded by 55, both resolved at 30.
    expect(m.latencies).toEqual([5, 20, 18]);
    expect(m.sendLatencies).toEqual([7, 22, 20]);
    expect(m).toMatchObject({ exact: 2, superseded: 1, notShown: 0, offScreen: 0, domUnmatched: 0 });
  });

  it('counts frames never shown, frames for actions off this screen and DOM changes no frame explains', () => {
    const frames = [f(10, 'a-1', 40), f(11, 'a-9', 3), f(50, 'a-1', 60)];
    const dom: Array<[number, string, number]> = [
      [20, 'a-1', 40],
      [30, 'a-2', 99],
      [40, 'a-1', 60],
    ];
    const m = matchFrames(frames, dom, onScreen, ORIGIN);
    // 60 was on screen at 40 before its frame arrived at 50 (a REST refetch won): not matched, frame left unshown.
    expect(m).toMatchObject({ exact: 1, superseded: 0, notShown: 1, offScreen: 1, domUnmatched: 2 });
    expect(m.latencies).toEqual([10]);
  });

  it('matches a repeated value to its latest frame, not the first one', () => {
    const frames = [f(0, 'a-1', 40), f(5, 'a-1', 55), f(10, 'a-1', 40)];
    const m = matchFrames(frames, [[12, 'a-1', 40]], onScreen, ORIGIN);
    expect(m).toMatchObject({ exact: 1, superseded: 2 });
    expect(m.latencies).toEqual([12, 7, 2]);
  });

  it('skips the send latency when the frame had no parseable timestamp', () => {
    const m = matchFrames([f(0, 'a-1', 1, Number.NaN)], [[3, 'a-1', 1]], onScreen, ORIGIN);
    expect(m.latencies).toEqual([3]);
    expect(m.sendLatencies).toEqual([]);
  });
});

describe('percentile, batchRates', () => {
  it('uses the nearest rank and says null for no samples', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNull();
  });

  it('counts observer callbacks per second inside the window only', () => {
    const batches: Array<[number, number]> = [
      [0, 1],
      [100, 0],
      [500, 2],
      [999, 0],
      [1_500, 1],
    ];
    expect(batchRates(batches, 0, 1_000)).toEqual({ all: 4, rows: 2 });
    expect(batchRates(batches, 0, 50)).toBeNull();
  });
});

const dump = (over: Partial<ProbeDump> = {}): ProbeDump => ({
  timeOrigin: ORIGIN,
  since: 0,
  now: 100,
  frames: [],
  frameCounts: {},
  dom: [],
  batches: [],
  longTasks: [],
  loafs: [],
  rows: {},
  supports: { longtask: true, loaf: true },
  visibility: 'visible',
  ...over,
});

describe('summarizeLongTasks', () => {
  it('names scripts by what their chunk holds and counts bridge callbacks over the limit', () => {
    const labels = new Map([
      ['/_next/static/chunks/abc.js', 'realtime bridge + partysocket'],
      ['/_next/static/chunks/rd.js', 'React DOM'],
    ]);
    const s = summarizeLongTasks(
      dump({
        longTasks: [
          { start: 0, duration: 80, name: 'self', container: 'window' },
          { start: 200, duration: 55, name: 'self', container: 'window' },
        ],
        loafs: [
          {
            start: 0,
            duration: 90,
            blocking: 40,
            scripts: [
              {
                invoker: 'DOMWebSocket.onmessage',
                type: 'event-listener',
                source: '/_next/static/chunks/abc.js',
                fn: '',
                duration: 70,
              },
              {
                invoker: 'MessagePort.onmessage',
                type: 'event-listener',
                source: '/_next/static/chunks/rd.js',
                fn: '',
                duration: 10,
              },
            ],
          },
          {
            start: 200,
            duration: 60,
            blocking: 5,
            scripts: [
              {
                invoker: 'DOMWebSocket.onmessage',
                type: 'event-listener',
                source: '/_next/static/chunks/abc.js',
                fn: '',
                duration: 30,
              },
              {
                invoker: 'DOMWebSocket.onmessage',
                type: 'event-listener',
                source: 'bench-probe.js',
                fn: '',
                duration: 6,
              },
            ],
          },
        ],
      }),
      labels,
    );
    expect(s).toMatchObject({ count: 2, maxMs: 80, totalMs: 135, bridgeScriptsOver: 1, bridgeMaxScriptMs: 70 });
    expect(s.sources).toEqual([
      { what: 'DOMWebSocket.onmessage in realtime bridge + partysocket', count: 2, ms: 100 },
      { what: 'MessagePort.onmessage in React DOM', count: 1, ms: 10 },
      { what: 'DOMWebSocket.onmessage in bench probe', count: 1, ms: 6 },
    ]);
  });

  it('falls back to the file name when a chunk has no label', () => {
    const s = summarizeLongTasks(
      dump({
        loafs: [
          {
            start: 0,
            duration: 60,
            blocking: 0,
            scripts: [{ invoker: '', type: 'user-callback', source: '/x/y.js', fn: '', duration: 55 }],
          },
        ],
      }),
    );
    expect(s.sources[0]!.what).toBe('user-callback in y.js');
    expect(s.bridgeScriptsOver).toBe(0);
  });
});

describe('analyzeScreen', () => {
  it('summarises one screen: rows from the last snapshot, totals, percentiles, batch rate over the stream', () => {
    const r = analyzeScreen(
      '/actions',
      dump({
        frames: [f(0, 'a-1', 10), f(500, 'a-2', 20), f(1_000, 'a-1', 30)],
        frameCounts: { 'action.progress_updated': 3, ping: 1 },
        dom: [
          [4, 'a-1', 10],
          [510, 'a-2', 20],
          [1_020, 'a-1', 30],
        ],
        batches: [
          [4, 1],
          [300, 0],
          [510, 1],
          [1_020, 1],
        ],
        rows: { 'a-1': 30, 'a-2': 20, 'a-3': 0 },
      }),
    );
    expect(r).toMatchObject({
      screen: '/actions',
      rows: 3,
      framesReceived: 4,
      progressFrames: 3,
      exact: 3,
      p50Ms: 10,
      p99Ms: 20,
      maxMs: 20,
      batchesPerS: 3,
      rowBatchesPerS: 2,
    });
  });
});
