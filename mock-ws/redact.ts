const SECRET_PARAMS = /\b(access_token|refresh_token|token)=[^&#\s"]*/gi;
const BEARER = /\bBearer\s+[A-Za-z0-9._~+/=-]+/g;

/** Hide tokens in anything that is logged or printed: URL query values and bearer headers. */
export function redact(text: string): string {
  return text.replace(SECRET_PARAMS, '$1=[redacted]').replace(BEARER, 'Bearer [redacted]');
}

/** Cut untrusted text to a size that is safe to log. */
export function clip(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
