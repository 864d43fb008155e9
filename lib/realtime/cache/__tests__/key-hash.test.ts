import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hashKey } from '@tanstack/query-core';
import { actionKeys, goalKeys } from '@/lib/api/keys';
import { keyHash } from '../key-buckets';

describe('keyHash', () => {
  it("equals TanStack's hashKey for factory keys and for any JSON-like key", () => {
    const unsorted = { status: 'done', goalId: 'g-1' };
    const nested = { a: { z: 1, b: 2 } };
    const numeric = { 10: 'x', 9: 'y', b: 1, a: 2 };
    const proto = JSON.parse('{"__proto__":"x","a":1}') as object;
    for (const key of [
      goalKeys.detail('g-1'),
      goalKeys.all,
      actionKeys.list({ status: 'done', goalId: 'g-1' }),
      [1, null, 'x'],
      ['k', unsorted],
      ['k', nested],
      ['k', numeric],
      ['k', proto],
      ['k', Object.create(null)],
      ['k', [{ b: 1, a: 2 }]],
    ]) {
      expect(keyHash(key)).toBe(hashKey(key));
    }
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string(),
            fc.integer(),
            fc.boolean(),
            fc.constant(null),
            fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.constant(null))),
            fc.dictionary(fc.string(), fc.dictionary(fc.string(), fc.string())),
          ),
        ),
        (key) => {
          expect(keyHash(key)).toBe(hashKey(key));
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
