import { createRandom } from '@/mock-ws/prng';

/**
 * The bench's view of mock-ws's seeded PRNG (mulberry32): the same seed gives the same frames on
 * every machine. One generator serves both, so bench frames and mock-ws chaos draw alike.
 */
export type Rng = {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
};

export function createRng(seed: number): Rng {
  const random = createRandom(seed);
  return { next: random.next, int: (n) => Math.floor(random.next() * n), pick: random.pick };
}
