/**
 * Build-time configuration. Each variable is read with a literal `process.env.NEXT_PUBLIC_…`
 * expression so that Next inlines it into the client bundle (a dynamic lookup would be undefined
 * in the browser). Functions, not constants: nothing is read at import time, and tests can set
 * the variables before calling them.
 */

export const DEFAULT_REALTIME_WS_URL = 'ws://127.0.0.1:4010/realtime';

/** Realtime is on unless `NEXT_PUBLIC_FEATURE_REALTIME` is exactly `false`. */
export function isRealtimeEnabled(): boolean {
  return process.env.NEXT_PUBLIC_FEATURE_REALTIME !== 'false';
}

/** The socket's base URL, without token or tenant (those are attached on every connect). */
export function realtimeUrl(): string {
  const configured = process.env.NEXT_PUBLIC_REALTIME_WS_URL?.trim();
  return configured ? configured : DEFAULT_REALTIME_WS_URL;
}
