/**
 * Keep the access token out of anything printed (DESIGN.md promise 10). Every URL or message that
 * may contain a connect URL goes through `redact` before it reaches a log, an error or the store.
 */

export const REDACTED = '[redacted]';

// `access_token=…` in a query string, raw or percent-encoded `=`, up to the next separator.
const TOKEN_PARAM = /(access_token(?:=|%3D))[^&#\s"'<>]*/gi;

/** Replace the value of every `access_token` parameter, and every occurrence of the given secrets. */
export function redact(text: string, secrets: ReadonlyArray<string | null | undefined> = []): string {
  let out = text.replace(TOKEN_PARAM, `$1${REDACTED}`);
  for (const secret of secrets) {
    // Very short strings would shred ordinary words; real tokens are long.
    if (secret && secret.length >= 8) out = out.split(secret).join(REDACTED);
  }
  return out;
}

/** A connect URL with the token redacted, for logs and error messages. */
export function redactUrl(url: string): string {
  return redact(url);
}
