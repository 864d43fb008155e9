import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compileDecoder, INVALID } from '../decoder';
import { errorPayloadSchema, EVENT_TYPES, payloadSchemas } from '../events';
import { exampleEvents } from '../examples';
import { normalize } from '../normalize';

const EMOJI = '\u{1F600}';

/** Values at the edges of what the wire schemas accept. */
const edgy = fc.constantFrom<unknown>(
  '',
  'x',
  'x'.repeat(200),
  'x'.repeat(201),
  EMOJI.repeat(200),
  EMOJI.repeat(201),
  EMOJI,
  '\uD800',
  'a\uDC00',
  -1,
  0,
  -0,
  0.5,
  100,
  100.5,
  1e308,
  2 ** 53,
  2 ** 53 - 1,
  3_600_000,
  3_600_001,
  null,
  true,
  {},
  [],
  '2026-11-27T10:00:00.000Z',
  '2026-11-27T10:00:00Z',
  '2026-11-27T10:00:00+02:00',
  '2026-11-27T10:00:00',
  '2024-02-29T00:00:00Z',
  '2026-02-29T00:00:00Z',
  '2026-11-27',
  '2026-13-01',
  'done',
  'open',
  'active',
  'high',
  'goal',
);
const anyValue = fc.oneof(edgy, fc.jsonValue({ maxDepth: 2 }), fc.string({ unit: 'binary', maxLength: 4 }));

type Edit = { at: number; kind: 'delete' | 'set' | 'add'; value: unknown; key: string };
const edits = fc.array(
  fc.record({
    at: fc.nat(),
    kind: fc.constantFrom<Edit['kind']>('delete', 'set', 'set', 'add'),
    value: anyValue,
    key: fc.constantFrom('extra', 'goalId', 'ACTION_ID', 'title_'),
  }),
  { maxLength: 4 },
);

/** Every object inside `value` (itself included). */
function objectsIn(value: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    out.push(value as Record<string, unknown>);
    for (const child of Object.values(value)) objectsIn(child, out);
  }
  return out;
}

function edited(example: unknown, changes: Edit[]): unknown {
  const copy: unknown = structuredClone(example);
  for (const change of changes) {
    const objects = objectsIn(copy);
    const target = objects[change.at % objects.length]!;
    const keys = Object.keys(target);
    const key = keys.length === 0 || change.kind === 'add' ? change.key : keys[change.at % keys.length]!;
    if (change.kind === 'delete') delete target[key];
    else target[key] = change.value;
  }
  return copy;
}

/** The decoder and `normalize(schema.safeParse(value).data)` agree, valid or not. */
function expectSame(schema: z.ZodType, value: unknown): void {
  const decode = compileDecoder(schema)!;
  const parsed = schema.safeParse(value);
  const decoded = decode(value);
  if (parsed.success) expect(decoded).toEqual(normalize(parsed.data));
  else expect(decoded).toBe(INVALID);
}

describe('compileDecoder', () => {
  it('compiles every payload schema of the protocol (so decodeFrame never falls back to zod for a valid frame)', () => {
    for (const type of EVENT_TYPES) expect(compileDecoder(payloadSchemas[type]), type).toBeTypeOf('function');
    expect(compileDecoder(errorPayloadSchema)).toBeTypeOf('function');
  });

  it('decodes each example exactly as zod then normalize do, unknown keys left out', () => {
    for (const type of EVENT_TYPES) {
      const example = exampleEvents[type];
      expectSame(payloadSchemas[type], example);
      const decoded = compileDecoder(payloadSchemas[type])!({ ...example, unknown_key: 1 }) as Record<string, unknown>;
      expect(Object.keys(decoded)).not.toContain('unknownKey');
    }
  });

  it('property: on edited examples (deleted, replaced and added fields, edge values) it agrees with the schema', () => {
    fc.assert(
      fc.property(fc.constantFrom(...EVENT_TYPES), edits, (type, changes) => {
        expectSame(payloadSchemas[type], edited(exampleEvents[type], changes));
      }),
      { numRuns: 3_000, seed: 20261127 },
    );
  });

  it('property: error payloads (an optional integer with bounds) agree with the schema', () => {
    const example = { code: 'RATE_LIMIT_EXCEEDED', message: 'Slow down.', retry_after_ms: 1_000 };
    fc.assert(
      fc.property(edits, (changes) => expectSame(errorPayloadSchema, edited(example, changes))),
      { numRuns: 1_000, seed: 7 },
    );
  });

  it('property: any JSON value at the top agrees with the schema (not an object, arrays, null)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...EVENT_TYPES), anyValue, (type, value) => expectSame(payloadSchemas[type], value)),
      { numRuns: 500, seed: 3 },
    );
  });

  it('returns undefined for a schema it does not know, so the caller keeps using zod', () => {
    expect(compileDecoder(z.object({ at: z.date() }))).toBeUndefined();
    expect(compileDecoder(z.object({ n: z.coerce.number() }))).toBeUndefined();
    expect(compileDecoder(z.object({ s: z.string().regex(/a/).startsWith('a') }))).toBeUndefined();
    expect(compileDecoder(z.object({ a: z.string() }).catchall(z.number()))).toBeUndefined();
    expect(compileDecoder(z.object({ a_b: z.string(), aB: z.string() }))).toBeUndefined();
  });
});
