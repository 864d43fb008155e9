import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EVENT_TYPES, type EventType } from '../events';
import { exampleEvents } from '../examples';
import { decodeFrame, REJECT_REASONS, type RejectReason } from '../decode-frame';
import { MAX_FRAME_BYTES } from '../errors';

const TS = '2026-11-27T10:00:00.000Z';
const frame = (type: string, data: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ type, timestamp: TS, id: 'acme-000001', data, ...extra });

function rejected(text: unknown): RejectReason {
  const result = decodeFrame(text);
  if (result.ok) throw new Error(`expected a rejection, got ${result.frame.type}`);
  expect(result.message.length).toBeGreaterThan(10);
  return result.reason;
}

describe('decodeFrame: valid frames', () => {
  it.each(EVENT_TYPES.map((t) => [t]))('parses %s and camelCases its payload', (type: EventType) => {
    const result = decodeFrame(frame(type, exampleEvents[type]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.frame.type).toBe(type);
    expect(result.frame.id).toBe('acme-000001');
    expect(result.frame.timestamp).toBe(TS);
    expect(JSON.stringify((result.frame as { data: unknown }).data)).not.toMatch(/"[a-z]+_[a-z_]+":/);
  });

  it('normalizes nested entities', () => {
    const result = decodeFrame(frame('action.created', exampleEvents['action.created']));
    if (!result.ok || result.frame.type !== 'action.created') throw new Error('expected action.created');
    expect(result.frame.data.action).toMatchObject({ goalId: 'g-1', assigneeId: 'u-2', dueDate: '2026-12-04' });
  });

  it('accepts a frame without id (the production backend may omit it)', () => {
    const result = decodeFrame(
      JSON.stringify({ type: 'goal.completed', timestamp: TS, data: exampleEvents['goal.completed'] }),
    );
    expect(result.ok && result.frame.id).toBe(undefined);
    expect(result.ok).toBe(true);
  });

  it('parses ping, pong and error frames', () => {
    expect(decodeFrame(JSON.stringify({ type: 'ping', timestamp: TS, data: {} }))).toEqual({
      ok: true,
      frame: { type: 'ping', timestamp: TS },
    });
    expect(decodeFrame(JSON.stringify({ type: 'pong', timestamp: TS, id: 'x' }))).toEqual({
      ok: true,
      frame: { type: 'pong', timestamp: TS, id: 'x' },
    });
    const error = decodeFrame(
      frame('error', { code: 'RATE_LIMIT_EXCEEDED', message: 'Slow down', retry_after_ms: 5000 }),
    );
    expect(error).toEqual({
      ok: true,
      frame: {
        type: 'error',
        timestamp: TS,
        id: 'acme-000001',
        data: { code: 'RATE_LIMIT_EXCEEDED', message: 'Slow down', retryAfterMs: 5000 },
      },
    });
  });

  it('strips unknown payload fields instead of passing them through', () => {
    const data = { ...exampleEvents['goal.completed'], extra_field: 'x' };
    const result = decodeFrame(frame('goal.completed', data));
    expect(result.ok && 'extraField' in (result.frame as { data: object }).data).toBe(false);
  });

  it('accepts a legal frame just under the 128 KiB limit', () => {
    const goal = { ...exampleEvents['goal.created'].goal, description: 'x'.repeat(9_000) };
    const padding = 'p'.repeat(MAX_FRAME_BYTES - 1024 - JSON.stringify(goal).length);
    const text = JSON.stringify({ type: 'goal.created', timestamp: TS, data: { goal, padding } });
    expect(text.length).toBeGreaterThan(127 * 1024 - 2048);
    expect(text.length).toBeLessThanOrEqual(MAX_FRAME_BYTES);
    expect(decodeFrame(text).ok).toBe(true);
  });
});

describe('decodeFrame: rejections, each with its reason', () => {
  const cases: Array<[string, unknown, RejectReason]> = [
    ['a binary frame (ArrayBuffer)', new ArrayBuffer(8), 'binary'],
    ['a binary frame (Uint8Array)', new Uint8Array([123, 125]), 'binary'],
    ['undefined', undefined, 'binary'],
    [
      'a frame over 128 KiB',
      JSON.stringify({ type: 'ping', timestamp: TS, pad: 'x'.repeat(MAX_FRAME_BYTES) }),
      'too_large',
    ],
    [
      'multi-byte text over 128 KiB in UTF-8',
      JSON.stringify({ type: 'ping', timestamp: TS, pad: 'é'.repeat(70_000) }),
      'too_large',
    ],
    [
      'CJK text over 128 KiB in UTF-8',
      JSON.stringify({ type: 'ping', timestamp: TS, pad: '界'.repeat(45_000) }),
      'too_large',
    ],
    [
      'emoji text over 128 KiB in UTF-8',
      JSON.stringify({ type: 'ping', timestamp: TS, pad: '😀'.repeat(33_000) }),
      'too_large',
    ],
    ['bad JSON', '{"type": "ping",', 'bad_json'],
    ['an empty string', '', 'bad_json'],
    ['a JSON array', '[1,2,3]', 'not_object'],
    ['JSON null', 'null', 'not_object'],
    ['a JSON number', '42', 'not_object'],
    ['__proto__ at the top', `{"__proto__":{"polluted":1},"type":"ping","timestamp":"${TS}"}`, 'hostile_key'],
    [
      '__proto__ deep in data',
      frame('goal.created', {
        goal: { ...exampleEvents['goal.created'].goal, meta: [{ a: { HOSTILE: { x: 1 } } }] },
      }).replace('HOSTILE', '__proto__'),
      'hostile_key',
    ],
    [
      'constructor key',
      frame('goal.completed', { ...exampleEvents['goal.completed'], constructor: { prototype: {} } }),
      'hostile_key',
    ],
    ['prototype key', frame('goal.completed', { ...exampleEvents['goal.completed'], prototype: 1 }), 'hostile_key'],
    ['an escaped __proto__ key', `{"\\u005f_proto__":{"polluted":1},"type":"ping","timestamp":"${TS}"}`, 'hostile_key'],
    ['a missing type', JSON.stringify({ timestamp: TS, data: {} }), 'bad_envelope'],
    ['a bad timestamp', JSON.stringify({ type: 'ping', timestamp: 'yesterday' }), 'bad_envelope'],
    ['a numeric id', JSON.stringify({ type: 'ping', timestamp: TS, id: 7 }), 'bad_envelope'],
    ['an unknown type', frame('goal.exploded', {}), 'unknown_type'],
    ['a missing payload', JSON.stringify({ type: 'goal.completed', timestamp: TS }), 'bad_payload'],
    [
      'numbers as strings',
      frame('action.progress_updated', { ...exampleEvents['action.progress_updated'], progress: '70' }),
      'bad_payload',
    ],
    ['a missing field', frame('action.completed', { action_id: 'a-1', goal_id: 'g-1', updated_at: TS }), 'bad_payload'],
    [
      'an out-of-range value',
      frame('action.progress_updated', { ...exampleEvents['action.progress_updated'], progress: 140 }),
      'bad_payload',
    ],
    [
      'an unknown enum value',
      frame('goal.completed', { ...exampleEvents['goal.completed'], status: 'exploded' }),
      'bad_payload',
    ],
    ['an error frame without a code', frame('error', { message: 'x' }), 'bad_payload'],
    [
      'a huge string in a payload field',
      frame('goal.created', { goal: { ...exampleEvents['goal.created'].goal, title: 'x'.repeat(100_000) } }),
      'bad_payload',
    ],
  ];

  it.each(cases)('rejects %s', (_name, input, reason) => {
    expect(rejected(input)).toBe(reason);
  });

  it('covers every reject reason', () => {
    expect(new Set(cases.map((c) => c[2]))).toEqual(new Set(REJECT_REASONS));
  });

  it('reports the type and id it could read, truncated', () => {
    const result = decodeFrame(JSON.stringify({ type: 'x'.repeat(150), timestamp: TS, id: 'acme-9', data: {} }));
    expect(result).toMatchObject({ ok: false, reason: 'bad_envelope' });
    const unknown = decodeFrame(frame('goal.exploded', {}));
    expect(unknown).toMatchObject({ ok: false, reason: 'unknown_type', type: 'goal.exploded', id: 'acme-000001' });
  });

  it('survives deep nesting without throwing', () => {
    const deep = `{"type":"ping","timestamp":"${TS}","data":${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
    expect(() => decodeFrame(deep)).not.toThrow();
    const deepKeys = `{"type":"ping","timestamp":"${TS}","data":${'{"constructor_x":'.repeat(5_000)}1${'}'.repeat(5_000)}}`;
    expect(decodeFrame(deepKeys).ok).toBe(true);
  });

  it('never mutates Object.prototype, whatever the frame', () => {
    decodeFrame('{"__proto__":{"polluted":"yes"},"type":"ping","timestamp":"2026-11-27T10:00:00.000Z"}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('decodeFrame: property tests', () => {
  const before = Object.getOwnPropertyNames(Object.prototype).sort();

  it('never throws on 10,000 random strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const result = decodeFrame(text);
        return typeof result.ok === 'boolean';
      }),
      { numRuns: 10_000 },
    );
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  });

  it('never throws or pollutes on random JSON, including envelopes with hostile keys', () => {
    const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'type', 'data', 'goal_id', 'status');
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { maxDepth: 4 },
        fc.jsonValue({ maxDepth: 2 }),
        fc.dictionary(fc.oneof(hostileKey, fc.string()), tie('node'), { maxKeys: 4 }),
        fc.array(tie('node'), { maxLength: 3 }),
      ),
    })).node;
    const envelope = fc.record({
      type: fc.oneof(fc.constantFrom(...EVENT_TYPES, 'ping', 'pong', 'error'), fc.string()),
      timestamp: fc.oneof(fc.constant(TS), fc.string()),
      data: value,
    });
    fc.assert(
      fc.property(fc.oneof(value, envelope), (json) => {
        const result = decodeFrame(JSON.stringify(json) ?? 'null');
        return typeof result.ok === 'boolean';
      }),
      { numRuns: 10_000 },
    );
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('plainEnvelope: the fast path agrees with envelopeSchema', () => {
  it('accepts exactly the envelopes zod accepts, on edge cases and on random input', async () => {
    const { plainEnvelope } = await import('../decode-frame');
    const { envelopeSchema } = await import('../events');
    const agree = (raw: Record<string, unknown>) => {
      const fast = plainEnvelope(raw) !== undefined;
      expect(fast, JSON.stringify(raw)).toBe(envelopeSchema.safeParse(raw).success);
      return fast;
    };
    expect(agree({ type: 'ping', timestamp: TS })).toBe(true);
    expect(agree({ type: 'ping', timestamp: '2026-11-27T10:00:00+02:00', id: 'x' })).toBe(true);
    expect(agree({ type: 'x'.repeat(100), timestamp: TS, id: 'i'.repeat(200) })).toBe(true);
    for (const raw of [
      { type: '', timestamp: TS },
      { type: 'x'.repeat(101), timestamp: TS },
      { type: 'ping', timestamp: TS, id: '' },
      { type: 'ping', timestamp: TS, id: 'i'.repeat(201) },
      { type: 'ping', timestamp: TS, id: null },
      { type: 'ping', timestamp: '2026-02-30T10:00:00Z' },
      { type: 'ping', timestamp: '2026-11-27 10:00:00Z' },
      { type: 'ping' },
    ]) {
      expect(agree(raw), JSON.stringify(raw)).toBe(false);
    }
    const stamp = fc.oneof(
      fc.constant(TS),
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      fc.string({ maxLength: 30 }),
    );
    fc.assert(
      fc.property(
        fc.record(
          {
            type: fc.oneof(fc.string({ maxLength: 120 }), fc.integer()),
            timestamp: stamp,
            id: fc.option(fc.string({ maxLength: 220 }), { nil: undefined }),
          },
          { requiredKeys: [] },
        ),
        (raw) => {
          agree(raw);
        },
      ),
      { numRuns: 3_000 },
    );
  });
});
