import { describe, expect, it } from 'vitest';
import { main } from '../main';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

describe('bench:core main', () => {
  it('runs every contender with the real bridge and ends with one JSON line of the figures', async () => {
    const { io, out, err } = capture();
    const code = await main(
      ['--json', '--events', '600', '--q', '1000', '--scaling', '500,1000', '--naive-budget-ms', '150'],
      io,
      { warmupEvents: 100 },
    );
    expect(code).toBe(0);
    expect(err.some((l) => l.includes('burst'))).toBe(true);
    const json = JSON.parse(out.at(-1)!) as Record<string, number> & {
      scaling: Record<string, { bridge_eps: number }>;
    };
    expect(json.q).toBe(1_000);
    expect(json.events).toBe(600);
    expect(Object.keys(json.scaling)).toEqual(['500', '1000']);
    for (const key of ['limit_eps', 'bridge_eps', 'naive_eps', 'bridge_p50_us', 'bridge_p99_us'])
      expect(json[key]).toBeGreaterThan(0);
    // Coalescing: the bridge refetches less than the naive handler, and never less than the map's minimum.
    expect(json.bridge_refetches).toBeLessThan(json.naive_refetches!);
    expect(json.burst_bridge_refetches).toBeGreaterThanOrEqual(json.burst_min_refetches!);
    expect(json.burst_naive_refetches).toBeGreaterThan(json.burst_bridge_refetches!);
    expect(out.join('\n')).toMatch(/targets \(issue 7; reported, not enforced\)/);
  }, 60_000);

  it('answers a bad option with exit code 2 and the usage, running nothing', async () => {
    const { io, out, err } = capture();
    expect(await main(['--events', '-5'], io)).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('\n')).toMatch(/--events needs a positive whole number, got "-5"[\s\S]*usage:/);
  });

  it('prints the usage for --help', async () => {
    const { io, out } = capture();
    expect(await main(['--help'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/--quick/);
  });
});
