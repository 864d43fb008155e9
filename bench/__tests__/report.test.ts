import { describe, expect, it } from 'vitest';
import { parseArgs } from '../args';
import { formatTable, targets, toJson } from '../report';
import { QUICK, SUITE_DEFAULTS, type SuiteResult } from '../suite';

const run = (eps: number, refetches: number, events = 100_000) => ({
  events,
  ms: (events / eps) * 1_000,
  eps,
  cpuEps: eps * 2,
  refetches,
});

function result(overrides: Partial<SuiteResult> = {}): SuiteResult {
  const naive = { ...run(90, 9_000, 900), offered: 100_000, refetchesPerStream: 1_000_000 };
  const split = { parseMs: 250, applyMs: 500, writeMs: 125, invalidateMs: 50, settleMs: 75 };
  const bridge = {
    ...run(80_000, 30_000),
    p50Us: 6.5,
    p99Us: 40.25,
    heapGrowthMb: 3.456,
    rejected: 0,
    flushMs: 250,
    windows: 1_000,
    split,
  };
  const bridgeFixed = { ...bridge, ...run(40_000, 60_000), p50Us: 7, p99Us: 50 };
  return {
    options: SUITE_DEFAULTS,
    flushWindowMs: 50,
    patchWindowMs: 16,
    busyFlushWindowMs: 250,
    bridgeFixed,
    queries: 10_000,
    limit: run(700_000, 0),
    bridge,
    naive,
    scaling: [
      { q: 1_000, bridge: run(90_000, 1), naive: { ...naive, eps: 300 } },
      { q: 10_000, bridge, naive },
      { q: 50_000, bridge: run(50_000, 1), naive: { ...naive, eps: 30 } },
    ],
    burst: { bridge: 25, naive: 40_000, naiveEvents: 1_000, min: 25, bridgeMaxPerKey: 1 },
    ...overrides,
  };
}

describe('toJson', () => {
  it('has the keys of issue 7, in its order, then the window mode, the fixed-window run and the split', () => {
    const json = toJson(result());
    expect(Object.keys(json)).toEqual([
      'q',
      'events',
      'limit_eps',
      'bridge_eps',
      'naive_eps',
      'bridge_refetches',
      'naive_refetches',
      'burst_bridge_refetches',
      'burst_naive_refetches',
      'burst_min_refetches',
      'bridge_p50_us',
      'bridge_p99_us',
      'heap_growth_mb',
      'scaling',
      'window',
      'bridge_fixed_window',
      'bridge_split_us',
    ]);
    expect(json.window).toBe('time');
    expect(json.bridge_fixed_window).toEqual({ events_per_window: 100, bridge_eps: 40_000, bridge_refetches: 60_000 });
    // 100,000 events in 1,250 ms: 2.5 µs parsing, 5 applying, 1.25 writing, 0.5 invalidating, 0.75 settling, 12.5 in all.
    expect(json.bridge_split_us).toEqual({
      parse: 2.5,
      apply: 5,
      write: 1.25,
      invalidate: 0.5,
      settle: 0.75,
      total: 12.5,
    });
    expect(json).toMatchObject({
      q: 10_000,
      events: 100_000,
      bridge_eps: 80_000,
      naive_refetches: 1_000_000,
      heap_growth_mb: 3.46,
      bridge_p99_us: 40.25,
    });
    expect(json.scaling).toEqual({
      '1000': { bridge_eps: 90_000, naive_eps: 300 },
      '10000': { bridge_eps: 80_000, naive_eps: 90 },
      '50000': { bridge_eps: 50_000, naive_eps: 30 },
    });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe('targets', () => {
  it('marks each of issue 7 targets met or missed from the figures', () => {
    expect(targets(result()).map((t) => t.met)).toEqual([true, true, true, true, true]);
    const missed = targets(
      result({
        burst: { bridge: 30, naive: 1, naiveEvents: 1_000, min: 25, bridgeMaxPerKey: 2 },
        limit: run(1_000_000, 0),
      }),
    );
    expect(missed.filter((t) => !t.met).map((t) => t.name)).toEqual([
      'bridge ≥ 10% of limit',
      'burst refetches = minimum',
    ]);
  });

  it('says how to get a heap figure when gc was not exposed', () => {
    const noHeap = result();
    noHeap.bridge = { ...noHeap.bridge, heapGrowthMb: null };
    expect(targets(noHeap).at(-1)).toMatchObject({ met: false, detail: expect.stringMatching(/--expose-gc/) });
  });
});

describe('formatTable', () => {
  it('prints a row per contender, the scaling table, the burst and the targets', () => {
    const text = formatTable(result());
    expect(text).toMatch(/^bridge\s+80,000\s+11\.4%\s+160,000\s+30,000\s+6\.50\s+40\.25\s+3\.5 MB$/m);
    expect(text).toMatch(/^naive\s+90\s+0\.013%\s+180\s+≈1,000,000$/m);
    expect(text).toMatch(/^bridge\s+90,000\s+80,000\s+50,000$/m);
    expect(text).toMatch(/naive ran for 10,000 ms per cache size \(900 of 100,000 events/);
    expect(text).toMatch(/minimum\s+25 refetches/);
    expect(text).toMatch(
      /^windows: the bridge's own timers on the wall clock \(patches every 16 ms; flushes 50 ms after a quiet spell, 250 ms apart under a stream\)/m,
    );
    expect(text).toMatch(/^bridge@100\s+40,000\s+5\.7%\s+80,000\s+60,000\s+7\.00\s+50\.00$/m);
    expect(text).toMatch(/window closed every 100 events \(its 50 ms window at 2,000 events\/s sustained\)/);
    expect(text).toMatch(
      /^bridge, µs per event: decodeFrame 2\.50, receive 5\.00, writing patches 1\.25, invalidating 0\.50, refetches settling 0\.75 \(of 12\.50 in all\)$/m,
    );
    const fixed = formatTable(result({ options: { ...SUITE_DEFAULTS, window: 200 } }));
    expect(fixed).toMatch(
      /^windows: one every 200 events \(the bridge's 50 ms window at 4,000 events\/s sustained\)$/m,
    );
    expect(text).toMatch(/met {5}bridge ≥ 50× naive: 889× \(per CPU-s: 889×\)/);
  });
});

describe('parseArgs', () => {
  it('reads --quick, --json and numeric options in both spellings', () => {
    expect(parseArgs([])).toEqual({ json: false, help: false, options: {} });
    expect(parseArgs(['--quick', '--json', '--q', '2000', '--window=50'])).toEqual({
      json: true,
      help: false,
      options: { ...QUICK, q: 2_000, window: 50 },
    });
    expect(parseArgs(['--scaling', '1000,5000']).options.scalingQ).toEqual([1_000, 5_000]);
    expect(parseArgs(['--window', 'time']).options.window).toBe('time');
  });

  it('rejects unknown options and bad numbers, saying what to pass', () => {
    expect(() => parseArgs(['--fast'])).toThrow(/Unknown option "--fast"[\s\S]*usage: npm run bench:core/);
    expect(() => parseArgs(['--q', 'lots'])).toThrow(/--q needs a positive whole number, got "lots"/);
    expect(() => parseArgs(['--events'])).toThrow(/got nothing/);
    expect(() => parseArgs(['--constructor', '1'])).toThrow(/Unknown option/);
    expect(() => parseArgs(['--scaling', '1000,x'])).toThrow(/--scaling needs/);
    expect(() => parseArgs(['--window', 'soon'])).toThrow(
      /--window needs "time" or a positive whole number of events, got "soon"/,
    );
  });
});
