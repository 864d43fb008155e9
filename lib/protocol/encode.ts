import { errorPayloadSchema, payloadSchemas, type EventType, type WireEventData, type WireFrame } from './events';
import type { SocketErrorCode } from './errors';

/**
 * Build a wire frame for a domain event, validating its payload first. Throws with the reason when
 * the payload does not match the contract: the fake backend never emits a frame its schema rejects.
 */
export function encodeEvent<T extends EventType>(
  type: T,
  data: WireEventData<T>,
  meta: { id?: string; timestamp?: string } = {},
): WireFrame<T> {
  const parsed = payloadSchemas[type].safeParse(data);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
    throw new TypeError(`Invalid ${type} payload: ${detail.join('; ')}`);
  }
  const frame: WireFrame<T> = {
    type,
    timestamp: meta.timestamp ?? new Date().toISOString(),
    data: parsed.data as WireEventData<T>,
  };
  if (meta.id !== undefined) frame.id = meta.id;
  return frame;
}

export function encodeError(code: SocketErrorCode, message: string, retryAfterMs?: number) {
  const data = errorPayloadSchema.parse(
    retryAfterMs === undefined ? { code, message } : { code, message, retry_after_ms: retryAfterMs },
  );
  return { type: 'error' as const, timestamp: new Date().toISOString(), data };
}

export function encodePing() {
  return { type: 'ping' as const, timestamp: new Date().toISOString() };
}

export function encodePong() {
  return { type: 'pong' as const, timestamp: new Date().toISOString() };
}
