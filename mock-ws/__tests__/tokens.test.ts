import { describe, expect, it } from 'vitest';
import { createTokenService } from '../tokens';

const make = (now: { t: number }, secret = 's3cret') =>
  createTokenService({ secret, accessTtlS: 60, refreshTtlS: 600, now: () => now.t });

describe('tokens', () => {
  it('issues compact HS256 tokens carrying sub, tenant, typ, iat, exp and jti', () => {
    const now = { t: 1_800_000_000_000 };
    const pair = make(now).issuePair('u-1', 'acme');
    expect(pair.expiresIn).toBe(60);
    const [header, payload, sig] = pair.accessToken.split('.');
    expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    expect(claims).toMatchObject({ sub: 'u-1', tenant: 'acme', typ: 'access', iat: 1_800_000_000, exp: 1_800_000_060 });
    expect(typeof claims.jti).toBe('string');
    expect(sig).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('verifies its own tokens and rejects the other kind', () => {
    const tokens = make({ t: 1_800_000_000_000 });
    const pair = tokens.issuePair('u-1', 'acme');
    expect(tokens.verify(pair.accessToken, 'access')).toMatchObject({ ok: true, claims: { sub: 'u-1' } });
    expect(tokens.verify(pair.refreshToken, 'refresh').ok).toBe(true);
    expect(tokens.verify(pair.refreshToken, 'access')).toEqual({ ok: false, reason: 'wrong_type' });
  });

  it('expires access and refresh tokens at their own TTL', () => {
    const now = { t: 1_800_000_000_000 };
    const tokens = make(now);
    const pair = tokens.issuePair('u-1', 'acme');
    now.t += 59_999;
    expect(tokens.verify(pair.accessToken, 'access').ok).toBe(true);
    now.t += 1;
    expect(tokens.verify(pair.accessToken, 'access')).toEqual({ ok: false, reason: 'expired' });
    expect(tokens.verify(pair.refreshToken, 'refresh').ok).toBe(true);
    now.t += 540_000;
    expect(tokens.verify(pair.refreshToken, 'refresh')).toEqual({ ok: false, reason: 'expired' });
  });

  it('rejects tampered, foreign, malformed and missing tokens', () => {
    const now = { t: 1_800_000_000_000 };
    const tokens = make(now);
    const { accessToken } = tokens.issuePair('u-1', 'acme');
    const [h, p, s] = accessToken.split('.') as [string, string, string];
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), tenant: 'globex' }),
    ).toString('base64url');
    expect(tokens.verify(`${h}.${forged}.${s}`, 'access')).toEqual({ ok: false, reason: 'bad_signature' });
    expect(make(now, 'other').verify(accessToken, 'access')).toEqual({ ok: false, reason: 'bad_signature' });
    expect(tokens.verify('a.b', 'access')).toEqual({ ok: false, reason: 'malformed' });
    expect(tokens.verify('', 'access')).toEqual({ ok: false, reason: 'missing' });
    expect(tokens.verify(null, 'access')).toEqual({ ok: false, reason: 'missing' });
    expect(tokens.verify('x'.repeat(5_000), 'access')).toEqual({ ok: false, reason: 'malformed' });
  });

  it('expireAll revokes every token issued so far, refresh tokens only when asked', () => {
    const tokens = make({ t: 1_800_000_000_000 });
    const first = tokens.issuePair('u-1', 'acme');
    tokens.expireAll(false);
    expect(tokens.verify(first.accessToken, 'access')).toEqual({ ok: false, reason: 'revoked' });
    expect(tokens.verify(first.refreshToken, 'refresh').ok).toBe(true);
    const second = tokens.issuePair('u-1', 'acme');
    expect(tokens.verify(second.accessToken, 'access').ok).toBe(true);
    tokens.expireAll(true);
    expect(tokens.verify(second.refreshToken, 'refresh')).toEqual({ ok: false, reason: 'revoked' });
    expect(tokens.verify(tokens.issuePair('u-1', 'acme').refreshToken, 'refresh').ok).toBe(true);
  });
});
