import { describe, expect, it } from 'vitest';
import { redact, redactUrl, REDACTED } from '../redact';

describe('redact', () => {
  it('replaces the access_token value in URLs, keeping the rest', () => {
    expect(redactUrl('ws://h/realtime?access_token=eyJ.abc.def&tenant=acme')).toBe(
      `ws://h/realtime?access_token=${REDACTED}&tenant=acme`,
    );
    expect(redactUrl('wss://h/x?tenant=a&ACCESS_TOKEN=zzz#frag')).toBe(
      `wss://h/x?tenant=a&ACCESS_TOKEN=${REDACTED}#frag`,
    );
    expect(redact('url "ws://h/?access_token%3Dabc" failed')).toBe(`url "ws://h/?access_token%3D${REDACTED}" failed`);
    expect(redact('two: access_token=a access_token=b')).toBe(`two: access_token=${REDACTED} access_token=${REDACTED}`);
  });

  it('removes known secrets anywhere, ignoring empty or very short ones', () => {
    expect(redact('Bearer tok-1-secret-abcdef rejected', ['tok-1-secret-abcdef', null, undefined, ''])).toBe(
      `Bearer ${REDACTED} rejected`,
    );
    expect(redact('a b c', ['a'])).toBe('a b c');
  });

  it('leaves text without a token alone', () => {
    expect(redact('Connection lost (code 1006).')).toBe('Connection lost (code 1006).');
  });
});
