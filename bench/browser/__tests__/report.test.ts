import { describe, expect, it } from 'vitest';
import { analyzeScreen } from '../analyze';
import { BENCH_DEFAULTS, type Mix } from '../args';
import { main } from '../main';
import type { FrameRecord, ProbeDump } from '../probe';
import { figures, formatTable, targets, toJson } from '../report';
import type { BenchResult, RateResult } from '../run';

const dump = (latencyMs: number, loafMs = 0): ProbeDump => {
  const frames: FrameRecord[] = Array.from({ length: 100 }, (_, i) => [i * 10, 1_000_000 + i * 10, 'a-1', i + 1]);
  return {
    timeOrigin: 1_000_000,
    since: 0,
    now: 2_000,
    frames,
    frameCounts: { 'action.progress_updated': 100 },
    dom: frames.map(([t, , action, value]) => [t + latencyMs, action, value]),
    batches: frames.map(([t]) => [t + latencyMs, 1]),
    longTasks: loafMs ? [{ start: 0, duration: loafMs, name: 'self', container: 'window' }] : [],
    loafs: loafMs
      ? [
          {
            start: 0,
            duration: loafMs,
            blocking: 0,
            scripts: [
              {
                invoker: 'DOMWebSocket.onmessage',
                type: 'event-listener',
                source: '/c/bridge.js',
                fn: '',
                duration: loafMs - 5,
              },
            ],
          },
        ]
      : [],
    rows: { 'a-1': 100 },
    supports: { longtask: true, loaf: true },
    visibility: 'visible',
  };
};

const labels = new Map([['/c/bridge.js', 'realtime bridge']]);
const rate = (mix: Mix, r: number, latencyMs: number, loafMs = 0): RateResult => ({
  mix,
  rate: r,
  stream: {
    running: false,
    tenant: 'acme',
    rate: r,
    duration_ms: 1_000,
    mix,
    seed: 1,
    planned: 100,
    events: 100,
    by_type: {},
    started_at: 0,
    finished_at: 1_000,
    achieved_rate: 99.5,
    stopped: null,
  },
  settledMs: 120,
  screens: [
    analyzeScreen('/actions', dump(latencyMs, loafMs), labels),
    analyzeScreen('/goals/g-1', dump(latencyMs), labels),
  ],
  profiles: [null, null],
});

const bench = (results: RateResult[]): BenchResult => ({
  options: { ...BENCH_DEFAULTS, durationMs: 1_000 },
  chromium: '156.0',
  screens: ['/actions', '/goals/g-1'],
  loadAverage: { start: [0.5, 0.6, 0.7], end: [0.8, 0.7, 0.7] },
  pageErrors: [],
  results,
});

describe('figures and the --json line', () => {
  it('has the keys issue 7 asks for, per rate, per mix', () => {
    const json = toJson(bench([rate('progress', 100, 8), rate('progress', 500, 12), rate('mixed', 500, 20)]));
    expect(Object.keys(json.rates)).toEqual(['100', '500']);
    expect(Object.keys(json.mixed)).toEqual(['500']);
    expect(json.rates['500']).toMatchObject({
      p50_ms: 12,
      p99_ms: 12,
      long_tasks: 0,
      max_long_task_ms: 0,
      events_sent: 100,
      values_seen: 200,
      progress_frames: 200,
      not_shown: 0,
      settled_ms: 120,
    });
    expect(json.rates['500']!.screens['/goals/g-1']).toMatchObject({
      rows: 1,
      values_seen: 100,
      dom_batches_per_s: expect.any(Number),
    });
    expect(json).toMatchObject({
      duration_ms: 1_000,
      chromium: '156.0',
      load_average: { start: [0.5, 0.6, 0.7] },
      page_errors: 0,
    });
  });

  it('attributes long frames to the bridge when its chunk ran over 50 ms', () => {
    const f = figures(rate('progress', 2_000, 30, 80));
    expect(f).toMatchObject({
      long_tasks: 1,
      max_long_task_ms: 80,
      bridge_scripts_over_50ms: 1,
      bridge_max_script_ms: 75,
    });
    expect(f.long_task_sources).toEqual(['DOMWebSocket.onmessage in realtime bridge: 1×, 75 ms']);
  });
});

describe('--profile figures', () => {
  it('reports busy time by chunk per screen, only when profiled', () => {
    const top = [
      { what: 'realtime bridge', ms: 300, share: 0.75 },
      { what: 'React DOM', ms: 100, share: 0.25 },
    ];
    const functions = [{ what: 'realtime bridge: applyEvent', ms: 300, share: 0.75 }];
    const profiled = {
      ...rate('progress', 500, 10),
      profiles: [{ totalMs: 1_000, busyMs: 400, top, functions }, null],
    };
    expect(figures(profiled).profile).toEqual({ '/actions': { busy_ms: 400, top, functions } });
    expect(figures(rate('progress', 500, 10)).profile).toBeUndefined();
    const text = formatTable(bench([profiled]));
    expect(text).toMatch(/progress@500\/s\s+\/actions\s+busy 400 ms: realtime bridge 75%, React DOM 25%/);
    expect(text).toContain('top functions: realtime bridge: applyEvent 75%');
  });
});

describe('targets', () => {
  it('meets p99 < 50 ms at 500/s and no bridge task over 50 ms, or says which missed', () => {
    expect(targets(bench([rate('progress', 500, 12)])).map((t) => t.met)).toEqual([true, true]);
    const missed = targets(bench([rate('progress', 500, 60), rate('progress', 2_000, 10, 90)]));
    expect(missed.map((t) => t.met)).toEqual([false, false]);
    expect(missed[0]!.detail).toBe('progress 60 ms');
    expect(missed[1]!.detail).toContain('progress@2000/s: 1');
  });

  it('is n/a when 500/s was not run', () => {
    expect(targets(bench([rate('progress', 100, 5)]))[0]).toMatchObject({
      met: null,
      detail: 'not run (add 500 to --rates)',
    });
  });
});

describe('formatTable and main', () => {
  it('prints the machine, both tables and the targets', () => {
    const text = formatTable(bench([rate('progress', 500, 12), rate('mixed', 500, 14, 70)]));
    expect(text).toContain('load average (1/5/15 min): 0.50 0.60 0.70 at the start');
    expect(text).toMatch(/progress\s+500\s+100\s+100\s+200\s+12\.0\s+12\.0/);
    expect(text).toContain('/goals/g-1');
    expect(text).toContain('DOMWebSocket.onmessage in realtime bridge: 1×, 65 ms');
    expect(text).toMatch(/met {5}p99 frame→DOM < 50 ms at 500 events\/s: progress 12 ms, mixed 14 ms/);
  });

  it('prints the table then one JSON line; exit 1 with the reason when the run fails, 2 on bad options', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
    expect(
      await main(['--json', '--quick'], io, async (options) => ({ ...bench([rate('progress', 500, 9)]), options })),
    ).toBe(0);
    const json = JSON.parse(out.at(-1)!);
    expect(json.rates['500'].p99_ms).toBe(9);
    expect(json.duration_ms).toBe(2_000);
    expect(out[0]).toContain('bench:browser');
    expect(
      await main([], io, async () => {
        throw new Error('Port 4160 on 127.0.0.1 is already in use');
      }),
    ).toBe(1);
    expect(err.at(-1)).toBe('bench:browser could not finish: Port 4160 on 127.0.0.1 is already in use');
    expect(await main(['--nope'], io)).toBe(2);
  });
});
