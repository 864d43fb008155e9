import { redact, REDACTED } from '@/lib/protocol';

/**
 * Payloads shown or exported by the devtools pass through here: a key that names a secret hides
 * its text value (counters such as `tokenRefreshes` stay), a string that looks like a token (a JWT, a bearer token, an `access_token=` URL
 * parameter, or one of the known secrets such as the current access token) is redacted.
 * Returns plain new objects (own enumerable keys only), so hostile keys cannot reach a prototype.
 */

const SECRET_KEY = /token|secret|password|passwd|authorization|api[-_]?key|credential|cookie|jwt|session/i;
const JWT = /\beyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g;
const BEARER = /\b(bearer\s+)[\w~+/.=-]{8,}/gi;

export type Secrets = ReadonlyArray<string | null | undefined>;

export function redactText(text: string, secrets: Secrets = []): string {
  return redact(text, secrets).replace(JWT, REDACTED).replace(BEARER, `$1${REDACTED}`);
}

export function redactPayload(value: unknown, secrets: Secrets = [], depth = 0): unknown {
  if (typeof value === 'string') return redactText(value, secrets);
  if (depth > 32 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redactPayload(item, secrets, depth + 1));
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    out[redactText(key, secrets)] =
      SECRET_KEY.test(key) && typeof item === 'string' && item !== ''
        ? REDACTED
        : redactPayload(item, secrets, depth + 1);
  }
  return out;
}

/** Pretty JSON of a redacted payload, for display. */
export function payloadJson(value: unknown, secrets: Secrets = []): string {
  return JSON.stringify(redactPayload(value, secrets), null, 2) ?? 'undefined';
}
