import { redactUrl } from './redact';

/** The URL of one connect: the base URL plus a fresh token and the tenant (DESIGN.md, the wire contract). */
export function buildConnectUrl(base: string, token: string, tenantId: string): string {
  const url = new URL(base);
  url.searchParams.set('access_token', token);
  url.searchParams.set('tenant', tenantId);
  return url.toString();
}

/** Throws, saying what to fix, unless `url` is an absolute ws:// or wss:// URL. */
export function assertRealtimeUrl(url: string): void {
  let protocol = '';
  try {
    protocol = new URL(url).protocol;
  } catch {
    // not a URL at all: reported below
  }
  if (protocol !== 'ws:' && protocol !== 'wss:') {
    throw new TypeError(
      `Realtime URL "${redactUrl(url)}" is not a ws:// or wss:// URL. ` +
        'Set NEXT_PUBLIC_REALTIME_WS_URL to e.g. ws://127.0.0.1:4010/realtime.',
    );
  }
}
