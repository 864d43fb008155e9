import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffStep, jitteredDelay } from '../backoff';
import { DEFAULTS } from '../socket';

describe('backoff', () => {
  it('steps 1, 2, 4, 8, 16, 30, 30 s with the defaults', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 50, 5000].map((n) => backoffStep(n, DEFAULTS))).toEqual([
      0, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000, 30_000,
    ]);
  });

  it('jitters every delay within (step / 2, step], for any attempt and any random value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 1, noNaN: true }), (attempt, r) => {
        const step = backoffStep(attempt, DEFAULTS);
        const delay = jitteredDelay(attempt, DEFAULTS, () => r);
        return delay >= step / 2 && delay <= step && delay <= DEFAULTS.maxDelayMs;
      }),
    );
  });

  it('spreads delays across the range, and clamps a misbehaving random source', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const delays = Array.from({ length: 200 }, () => jitteredDelay(6, DEFAULTS, random));
    expect(Math.min(...delays)).toBeLessThan(17_000);
    expect(Math.max(...delays)).toBeGreaterThan(28_000);
    expect(new Set(delays).size).toBeGreaterThan(100);
    expect(jitteredDelay(1, DEFAULTS, () => 7)).toBe(500);
    expect(jitteredDelay(1, DEFAULTS, () => -3)).toBe(1_000);
  });
});
