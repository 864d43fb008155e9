import { describe, expect, it } from 'vitest';
import { encodeError, encodeEvent, encodePing, encodePong } from '../encode';
import { exampleEvents } from '../examples';
import { decodeFrame } from '../decode-frame';
import { parseClientFrame } from '../client-frame';
import { restSchemas } from '../rest';
import { EVENT_TYPES, eventEntity, isEventType } from '../events';

describe('encodeEvent', () => {
  it.each(EVENT_TYPES.map((t) => [t]))('round-trips %s through decodeFrame', (type) => {
    const wire = encodeEvent(type, exampleEvents[type] as never, { id: 'acme-000007' });
    const parsed = decodeFrame(JSON.stringify(wire));
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.frame.id).toBe('acme-000007');
  });

  it('throws, naming the field, when a payload breaks the contract', () => {
    expect(() =>
      encodeEvent('action.progress_updated', { ...exampleEvents['action.progress_updated'], progress: 101 }),
    ).toThrow(/Invalid action.progress_updated payload: progress/);
  });

  it('stamps a timestamp and omits id when none is given', () => {
    const wire = encodeEvent('goal.completed', exampleEvents['goal.completed']);
    expect('id' in wire).toBe(false);
    expect(Number.isNaN(Date.parse(wire.timestamp))).toBe(false);
  });

  it('encodes error, ping and pong frames the client accepts', () => {
    for (const f of [
      encodeError('RATE_LIMIT_EXCEEDED', 'Slow down', 3000),
      encodeError('INTERNAL_ERROR', 'x'),
      encodePing(),
      encodePong(),
    ]) {
      expect(decodeFrame(JSON.stringify(f)).ok).toBe(true);
    }
    expect(() => encodeError('NOPE' as never, 'x')).toThrow();
  });
});

describe('parseClientFrame', () => {
  it('accepts pong and ping', () => {
    expect(parseClientFrame('{"type":"pong","timestamp":"t"}')).toEqual({
      ok: true,
      frame: { type: 'pong', timestamp: 't' },
    });
    expect(parseClientFrame('{"type":"ping"}')).toEqual({ ok: true, frame: { type: 'ping' } });
  });
  it.each([
    [new Uint8Array(2), 'Binary'],
    ['x'.repeat(200_000), 'too large'],
    ['{', 'not valid JSON'],
    ['[]', 'not a JSON object'],
    ['{"type":"goal.created"}', 'Unknown client frame type'],
  ])('rejects %#', (input, message) => {
    const result = parseClientFrame(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(message);
  });
});

describe('events helpers', () => {
  it('knows the 16 event types and their entity', () => {
    expect(EVENT_TYPES).toHaveLength(16);
    expect(isEventType('goal.activity.created')).toBe(true);
    expect(isEventType('ping')).toBe(false);
    expect(isEventType(7)).toBe(false);
    expect(eventEntity('measure.reading.created')).toBe('measure');
  });
});

describe('rest schemas', () => {
  it('validate the example entities', () => {
    expect(restSchemas.goal.safeParse(exampleEvents['goal.created'].goal).success).toBe(true);
    expect(restSchemas.actions.safeParse({ items: [exampleEvents['action.created'].action] }).success).toBe(true);
    expect(restSchemas.goals.safeParse({ items: [{ id: 'g-1' }] }).success).toBe(false);
  });
});
