import { redact } from '@/lib/protocol';

/**
 * The words the connection store shows (`lastError`) and the console prints. Each says what
 * happened and what happens next or what to do. Nothing here may contain the token: every piece
 * of server- or caller-provided text goes through `redact`.
 */

export function inSeconds(ms: number): string {
  return ms <= 0 ? 'Reconnecting now.' : `Retrying in ${Math.max(1, Math.ceil(ms / 1000))} s.`;
}

export function describeClose(code: number, reason: string): string {
  const clean = redact(reason).trim().slice(0, 120);
  return clean ? `code ${code}: ${clean}` : `code ${code}`;
}

export const messages = {
  lost: (code: number, reason: string, waitMs: number) =>
    `Connection lost (${describeClose(code, reason)}). ${inSeconds(waitMs)}`,
  refused: (attempt: number, waitMs: number) =>
    `Could not connect to the realtime server (attempt ${attempt}; it refused or did not answer). ${inSeconds(waitMs)}`,
  offline: (waitMs: number) =>
    `You are offline. Live updates resume when the network is back; ${inSeconds(waitMs).toLowerCase()}`,
  rateLimited: (waitMs: number) =>
    `The realtime server is rate limiting this connection. Nothing is sent or reconnected for ${Math.ceil(waitMs / 1000)} s.`,
  internal: (message: string) =>
    `The realtime server reported an internal error (${redact(message).slice(0, 200)}). Live updates continue.`,
  serverUnauthorized: (waitMs: number) =>
    `The realtime server ended the session because the token expired or was revoked. Renewing it; ${inSeconds(waitMs).toLowerCase()}`,
  unauthorizedAgain: (times: number) =>
    `The realtime server rejected the session ${times} times in a row, even with renewed tokens. Sign in again to get live updates.`,
  refreshFailed: (detail: string) =>
    `Your session expired and could not be renewed (${detail}). Sign in again to get live updates.`,
  noToken: () => 'There is no access token to connect with. Sign in again to get live updates.',
  watchdog: (silentMs: number) =>
    `No message from the realtime server for ${Math.round(silentMs / 1000)} s. Replacing the connection.`,
} as const;

export function errorDetail(error: unknown, secrets: ReadonlyArray<string | null>): string {
  const text = error instanceof Error ? error.message : String(error);
  return redact(text, secrets).slice(0, 200) || 'no reason given';
}
