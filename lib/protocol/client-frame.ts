import { MAX_FRAME_BYTES } from './errors';

/** Client → server frames: `{ "type": "pong" }` and an optional keep-alive `{ "type": "ping" }`. */
export type ClientFrame = { type: 'ping' | 'pong'; timestamp?: string };
export type ClientFrameResult = { ok: true; frame: ClientFrame } | { ok: false; message: string };

export function parseClientFrame(input: unknown): ClientFrameResult {
  if (typeof input !== 'string') return { ok: false, message: 'Binary frames are not accepted.' };
  if (input.length > MAX_FRAME_BYTES) return { ok: false, message: 'Frame too large.' };
  let raw: unknown;
  try {
    raw = JSON.parse(input);
  } catch {
    return { ok: false, message: 'Frame is not valid JSON.' };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, message: 'Frame is not a JSON object.' };
  }
  const { type, timestamp } = raw as { type?: unknown; timestamp?: unknown };
  if (type !== 'ping' && type !== 'pong') return { ok: false, message: 'Unknown client frame type.' };
  return { ok: true, frame: typeof timestamp === 'string' ? { type, timestamp } : { type } };
}
