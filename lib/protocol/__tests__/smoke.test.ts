import { describe, expect, it } from 'vitest';
import { parseFrame } from '../parse-frame';

describe('parseFrame', () => {
  it('accepts a ping', () => {
    expect(parseFrame('{"type":"ping","timestamp":"2026-11-27T10:00:00.000Z"}')).toEqual({
      ok: true,
      frame: { type: 'ping', timestamp: '2026-11-27T10:00:00.000Z' },
    });
  });
});
