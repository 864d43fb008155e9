import { describe, expect, it } from 'vitest';
import { BENCH_DEFAULTS, parseArgs, QUICK } from '../args';

describe('bench:browser arguments', () => {
  it('defaults to 100, 500 and 2,000 events/s for 5 s each, both mixes, ports 4160/3160', () => {
    const { json, help, options } = parseArgs([]);
    expect({ json, help }).toEqual({ json: false, help: false });
    expect(options).toEqual(BENCH_DEFAULTS);
    expect(options).toMatchObject({
      rates: [100, 500, 2_000],
      durationMs: 5_000,
      mixes: ['progress', 'mixed'],
      mockPort: 4160,
      appPort: 3160,
      distDir: '.next-bb',
    });
  });

  it('--quick shortens each rate; explicit options win over it', () => {
    expect(parseArgs(['--quick']).options.durationMs).toBe(QUICK.durationMs);
    expect(parseArgs(['--quick', '--duration-ms', '3000']).options.durationMs).toBe(3_000);
  });

  it('reads rates, mix, ports and flags, with or without =', () => {
    const { json, options } = parseArgs([
      '--json',
      '--rates=50,250',
      '--mix',
      'mixed',
      '--mock-port',
      '4170',
      '--app-port=3170',
      '--rebuild',
      '--dist-dir',
      '.next-x',
      '--seed',
      '9',
    ]);
    expect(json).toBe(true);
    expect(options).toMatchObject({
      rates: [50, 250],
      mixes: ['mixed'],
      mockPort: 4170,
      appPort: 3170,
      rebuild: true,
      distDir: '.next-x',
      seed: 9,
    });
    expect(parseArgs(['--mix', 'both']).options.mixes).toEqual(['progress', 'mixed']);
  });

  it('refuses bad input with what was wrong and the usage', () => {
    expect(() => parseArgs(['--rates', '100,fast'])).toThrow(
      /--rates needs events per second .* got "100,fast"[\s\S]*usage:/,
    );
    expect(() => parseArgs(['--rates', '0'])).toThrow(/--rates/);
    expect(() => parseArgs(['--mix', 'all'])).toThrow(/--mix must be progress, mixed or both; got "all"/);
    expect(() => parseArgs(['--duration-ms', '5'])).toThrow(
      /--duration-ms needs a whole number from 100 to 600000; got "5"/,
    );
    expect(() => parseArgs(['--mock-port'])).toThrow(/--mock-port needs a value/);
    expect(() => parseArgs(['--fast'])).toThrow(/Unknown option "--fast"/);
  });
});
