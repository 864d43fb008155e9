import { describe, expect, it } from 'vitest';
import { describeClose, errorDetail, inSeconds, messages } from '../messages';

describe('socket messages', () => {
  it('say when the next attempt happens, in whole seconds', () => {
    expect(inSeconds(0)).toBe('Reconnecting now.');
    expect(inSeconds(1)).toBe('Retrying in 1 s.');
    expect(inSeconds(29_001)).toBe('Retrying in 30 s.');
    expect(messages.offline(4_000)).toBe(
      'You are offline. Live updates resume when the network is back; retrying in 4 s.',
    );
  });

  it('describe a close with its reason, redacted and shortened', () => {
    expect(describeClose(1006, '')).toBe('code 1006');
    expect(describeClose(4001, 'see ?access_token=abc')).toBe('code 4001: see ?access_token=[redacted]');
    expect(describeClose(1000, 'x'.repeat(500))).toHaveLength('code 1000: '.length + 120);
  });

  it('turn anything thrown into a short, token-free detail', () => {
    expect(errorDetail(new Error('bad tok-123456789'), ['tok-123456789'])).toBe('bad [redacted]');
    expect(errorDetail('plain string', [])).toBe('plain string');
    expect(errorDetail(new Error(''), [])).toBe('no reason given');
    expect(errorDetail(new Error('y'.repeat(999)), [])).toHaveLength(200);
  });
});
