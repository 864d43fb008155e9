import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { camelCaseKey, normalize } from '../normalize';

describe('normalize', () => {
  it('camelCases keys deeply, through arrays, leaving values alone', () => {
    expect(
      normalize({
        goal_id: 'g-1',
        nested_list: [{ size_bytes: 1, file_name: 'a_b.pdf' }, 'plain_string', [{ x_y: null }]],
      }),
    ).toEqual({ goalId: 'g-1', nestedList: [{ sizeBytes: 1, fileName: 'a_b.pdf' }, 'plain_string', [{ xY: null }]] });
  });

  it('keeps primitives as they are', () => {
    expect(normalize(3)).toBe(3);
    expect(normalize('a_b')).toBe('a_b');
    expect(normalize(null)).toBe(null);
    expect(normalize(true)).toBe(true);
  });

  it('converts keys with leading, double and trailing underscores predictably', () => {
    expect(camelCaseKey('_private')).toBe('_private');
    expect(camelCaseKey('a__b')).toBe('aB');
    expect(camelCaseKey('trailing_')).toBe('trailing');
    expect(camelCaseKey('already')).toBe('already');
  });

  it('drops __proto__, constructor and prototype keys and never touches a prototype', () => {
    const hostile = JSON.parse(
      '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}},"a_b":{"__proto__":{"x":1},"prototype":3}}',
    );
    const out = normalize(hostile) as Record<string, unknown>;
    expect(out).toEqual({ aB: {} });
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(out)).toEqual(['aB']);
  });

  it('drops keys that only become hostile after conversion', () => {
    expect(normalize({ constructor_: 1, prototype_: 2, construct_or: 3 })).toEqual({ constructOr: 3 });
    expect(Object.keys(normalize(JSON.parse('{"proto_type":1}')) as object)).toEqual(['protoType']);
  });

  it('resolves collisions deterministically, whatever the key order', () => {
    expect(normalize({ goal_id: 'snake', goalId: 'camel' })).toEqual({ goalId: 'camel' });
    expect(normalize({ goalId: 'camel', goal_id: 'snake' })).toEqual({ goalId: 'camel' });
    expect(normalize({ goal__id: 'double', goal_id: 'single' })).toEqual({ goalId: 'double' });
    expect(normalize({ goal_id: 'single', goal__id: 'double' })).toEqual({ goalId: 'double' });
  });

  it('refuses absurd nesting with a clear error instead of overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = { a: deep };
    expect(() => normalize(deep)).toThrow(/nested deeper than 64 levels/);
  });

  it('property: output never has hostile keys, input is not mutated, prototypes untouched', () => {
    const key = fc.oneof(
      fc.constantFrom('__proto__', 'constructor', 'prototype', 'a_b', 'aB', 'x'),
      fc.string({ maxLength: 8 }),
    );
    const json = fc.letrec((tie) => ({
      node: fc.oneof(
        { maxDepth: 4 },
        fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
        fc.dictionary(key, tie('node'), { maxKeys: 5 }),
        fc.array(tie('node'), { maxLength: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(json, (value) => {
        const text = JSON.stringify(value);
        const input = JSON.parse(text);
        const out = normalize(input);
        expect(JSON.stringify(input)).toBe(text);
        const stack: unknown[] = [out];
        while (stack.length) {
          const node = stack.pop();
          if (node && typeof node === 'object') {
            if (!Array.isArray(node)) {
              expect(Object.getPrototypeOf(node)).toBe(Object.prototype);
              for (const k of Object.keys(node)) expect(['__proto__', 'constructor', 'prototype']).not.toContain(k);
            }
            stack.push(...Object.values(node));
          }
        }
        // Deterministic: same input, same output, and independent of key order.
        const reversed = JSON.parse(text, (_k, v) =>
          v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
        );
        expect(normalize(reversed)).toEqual(out);
      }),
      { numRuns: 2_000 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
