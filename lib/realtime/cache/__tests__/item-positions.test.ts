import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { carryPositions, indexOfId } from '../list-updaters';

const item = (id: string) => ({ id });
const firstIndex = (items: readonly unknown[], id: string) =>
  items.findIndex((x) => (x as { id?: unknown } | null)?.id === id);

describe('indexOfId', () => {
  it('finds the first item with an id in short and long lists, and -1 for an absent id', () => {
    const short = [item('a'), null, 7, item('b'), item('a')];
    expect([indexOfId(short, 'a'), indexOfId(short, 'b'), indexOfId(short, 'z')]).toEqual([0, 3, -1]);
    const long = Array.from({ length: 100 }, (_, i) => item(`x-${i % 90}`));
    expect([indexOfId(long, 'x-5'), indexOfId(long, 'x-89'), indexOfId(long, 'nope')]).toEqual([5, 89, -1]);
  });

  it('property: through any chain of drops, appends, prepends and replacements handed on by carryPositions, lookups stay exact', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('append' as const), n: fc.integer({ min: 1, max: 5 }) }),
      fc.record({ kind: fc.constant('prepend' as const), n: fc.integer({ min: 1, max: 5 }) }),
      fc.record({ kind: fc.constant('replace' as const), at: fc.nat() }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 64, max: 150 }),
        fc.array(fc.array(op, { maxLength: 6 }), { maxLength: 40 }),
        (size, windows) => {
          let items: unknown[] = Array.from({ length: size }, (_, i) => item(`i-${i}`));
          let fresh = size;
          indexOfId(items, 'i-0');
          for (const ops of windows) {
            const next = items.slice();
            const appended: unknown[] = [];
            const prepended: unknown[] = [];
            let dropped = 0;
            for (const o of ops) {
              if (o.kind === 'append') {
                for (let k = 0; k < o.n; k++) appended.push(item(`i-${fresh++}`));
              } else if (o.kind === 'prepend') {
                for (let k = 0; k < o.n; k++) prepended.unshift(item(`i-${fresh++}`));
              } else if (next.length > 0) {
                const at = o.at % next.length;
                if (o.kind === 'drop') {
                  next.splice(at, 1);
                  dropped++;
                } else next[at] = { ...(next[at] as object) };
              }
            }
            next.push(...appended);
            next.unshift(...prepended);
            carryPositions(items, next, appended, dropped, prepended);
            items = next;
            for (let probe = 0; probe < fresh; probe += 3)
              expect(indexOfId(items, `i-${probe}`)).toBe(firstIndex(items, `i-${probe}`));
          }
        },
      ),
      { numRuns: 60, seed: 7 },
    );
  });
});
