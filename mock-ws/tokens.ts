import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/**
 * HMAC-SHA256 signed tokens in the compact JWT shape: base64url(header).base64url(payload).signature.
 * `expireAll` revokes every token issued so far by raising a per-kind epoch that tokens carry (`ep`).
 */
export type TokenKind = 'access' | 'refresh';
export type Claims = { sub: string; tenant: string; typ: TokenKind; iat: number; exp: number; jti: string; ep: number };
export type VerifyFailure = 'missing' | 'malformed' | 'bad_signature' | 'wrong_type' | 'expired' | 'revoked';
export type VerifyResult = { ok: true; claims: Claims } | { ok: false; reason: VerifyFailure };

export type TokenPair = { accessToken: string; refreshToken: string; expiresIn: number };

export type TokenService = {
  issuePair(sub: string, tenant: string): TokenPair;
  verify(token: unknown, kind: TokenKind): VerifyResult;
  expireAll(includeRefresh: boolean): void;
};

const HEADER = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
const MAX_TOKEN_LENGTH = 4_096;

export function createTokenService(opts: {
  secret?: string;
  accessTtlS: number;
  refreshTtlS: number;
  now?: () => number;
}): TokenService {
  const secret = opts.secret ?? randomBytes(32).toString('hex');
  const now = opts.now ?? Date.now;
  const epochs: Record<TokenKind, number> = { access: 0, refresh: 0 };

  const sign = (body: string) => createHmac('sha256', secret).update(body).digest('base64url');

  const issue = (sub: string, tenant: string, typ: TokenKind): string => {
    const iat = Math.floor(now() / 1000);
    const ttl = typ === 'access' ? opts.accessTtlS : opts.refreshTtlS;
    const claims: Claims = { sub, tenant, typ, iat, exp: iat + ttl, jti: randomUUID(), ep: epochs[typ] };
    const body = `${HEADER}.${b64url(JSON.stringify(claims))}`;
    return `${body}.${sign(body)}`;
  };

  return {
    issuePair(sub, tenant) {
      return {
        accessToken: issue(sub, tenant, 'access'),
        refreshToken: issue(sub, tenant, 'refresh'),
        expiresIn: opts.accessTtlS,
      };
    },
    verify(token, kind) {
      if (typeof token !== 'string' || token === '') return { ok: false, reason: 'missing' };
      if (token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'malformed' };
      const parts = token.split('.');
      if (parts.length !== 3) return { ok: false, reason: 'malformed' };
      const [header, payload, signature] = parts as [string, string, string];
      const expected = Buffer.from(sign(`${header}.${payload}`));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
        return { ok: false, reason: 'bad_signature' };
      }
      const claims = readClaims(payload);
      if (!claims) return { ok: false, reason: 'malformed' };
      if (claims.typ !== kind) return { ok: false, reason: 'wrong_type' };
      if (claims.ep < epochs[kind]) return { ok: false, reason: 'revoked' };
      if (now() >= claims.exp * 1000) return { ok: false, reason: 'expired' };
      return { ok: true, claims };
    },
    expireAll(includeRefresh) {
      epochs.access += 1;
      if (includeRefresh) epochs.refresh += 1;
    },
  };
}

function readClaims(payload: string): Claims | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (raw === null || typeof raw !== 'object') return undefined;
  const { sub, tenant, typ, iat, exp, jti, ep } = raw as Record<string, unknown>;
  if (typeof sub !== 'string' || typeof tenant !== 'string' || typeof jti !== 'string') return undefined;
  if (typ !== 'access' && typ !== 'refresh') return undefined;
  if (typeof iat !== 'number' || typeof exp !== 'number' || typeof ep !== 'number') return undefined;
  return { sub, tenant, typ, iat, exp, jti, ep };
}

function b64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}

/** What to tell a client whose token was rejected. */
export function describeTokenFailure(reason: VerifyFailure, kind: TokenKind): string {
  const name = kind === 'access' ? 'Access token' : 'Refresh token';
  switch (reason) {
    case 'missing':
      return kind === 'access'
        ? 'Missing access token. Sign in with POST /api/auth/login and send "Authorization: Bearer <access_token>".'
        : 'Missing refresh_token. Send the refresh_token from the last login or refresh.';
    case 'expired':
      return kind === 'access'
        ? 'Access token expired. Get a new one with POST /api/auth/refresh, then retry.'
        : 'Refresh token expired. Sign in again with POST /api/auth/login.';
    case 'revoked':
      return kind === 'access'
        ? 'Access token was revoked. Get a new one with POST /api/auth/refresh, then retry.'
        : 'Refresh token was revoked. Sign in again with POST /api/auth/login.';
    case 'wrong_type':
      return `${name} is of the wrong kind: use the ${kind === 'access' ? 'access_token' : 'refresh_token'} field.`;
    default:
      return `${name} is not valid (${reason === 'bad_signature' ? 'bad signature' : 'malformed'}). Sign in again.`;
  }
}
