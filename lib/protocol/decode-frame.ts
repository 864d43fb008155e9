import {
  envelopeSchema,
  errorPayloadSchema,
  isEventType,
  payloadSchemas,
  type EventType,
  type ServerFrame,
} from './events';
import { MAX_FRAME_BYTES } from './errors';
import { compileDecoder, INVALID, type Decoder } from './decoder';
import { isHostileKey, normalize } from './normalize';

/** Why a frame was rejected. Each reason is counted separately by the bridge. */
export const REJECT_REASONS = [
  'binary',
  'too_large',
  'bad_json',
  'not_object',
  'hostile_key',
  'bad_envelope',
  'unknown_type',
  'bad_payload',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export type FrameRejection = {
  ok: false;
  reason: RejectReason;
  /** What was wrong, in words a person can act on. Never contains the frame itself. */
  message: string;
  /** The envelope's type, when it could be read. */
  type?: string;
  /** The envelope's id, when it could be read. */
  id?: string;
};
export type FrameResult = { ok: true; frame: ServerFrame } | FrameRejection;

// A key can only be hostile if its text (or an escape that spells it) is in the frame.
const MAY_HAVE_HOSTILE_KEY = /__proto__|constructor|prototype|\\/;

/**
 * Parse and validate one server → client frame. Never throws.
 * Returns the frame normalized to camelCase, or a typed rejection with its reason.
 */
export function decodeFrame(input: unknown): FrameResult {
  if (typeof input !== 'string') {
    return reject('binary', 'Binary frames are not part of the protocol; expected a JSON text frame.');
  }
  if (input.length > MAX_FRAME_BYTES || utf8Length(input) > MAX_FRAME_BYTES) {
    return reject('too_large', `Frame is larger than ${MAX_FRAME_BYTES} bytes (API Gateway's limit).`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(input);
  } catch {
    return reject('bad_json', 'Frame is not valid JSON.');
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return reject('not_object', 'Frame is not a JSON object.');
  }
  if (MAY_HAVE_HOSTILE_KEY.test(input)) {
    const hostile = findHostileKey(raw);
    if (hostile) return reject('hostile_key', `Frame contains the forbidden key "${hostile}".`);
  }
  let envelope = plainEnvelope(raw as Record<string, unknown>);
  if (envelope === undefined) {
    const parsed = envelopeSchema.safeParse(raw);
    if (!parsed.success) {
      return reject('bad_envelope', `Frame envelope is invalid: ${describeIssues(parsed.error.issues)}.`);
    }
    envelope = parsed.data;
  }
  const { type, timestamp, id, data } = envelope;
  const base = id === undefined ? { timestamp } : { timestamp, id };
  if (type === 'ping' || type === 'pong') return { ok: true, frame: { type, ...base } };
  if (type === 'error') {
    const payload = errorPayloadSchema.safeParse(data);
    if (!payload.success) {
      return reject(
        'bad_payload',
        `Error frame payload is invalid: ${describeIssues(payload.error.issues)}.`,
        type,
        id,
      );
    }
    return { ok: true, frame: { type, ...base, data: normalize(payload.data) } };
  }
  if (!isEventType(type)) {
    return reject('unknown_type', `Unknown event type "${truncate(type)}".`, type, id);
  }
  const decoded = decoderOf(type)?.(data);
  if (decoded !== undefined && decoded !== INVALID)
    return { ok: true, frame: { type, ...base, data: decoded } as ServerFrame };
  const payload = payloadSchemas[type].safeParse(data);
  if (!payload.success) {
    return reject('bad_payload', `Payload of ${type} is invalid: ${describeIssues(payload.error.issues)}.`, type, id);
  }
  return { ok: true, frame: { type, ...base, data: normalize(payload.data) } as ServerFrame };
}

/** Each payload schema compiled once, on first use (see decoder.ts); null when it cannot be. */
const decoders = new Map<EventType, Decoder | null>();

function decoderOf(type: EventType): Decoder | null {
  let decoder = decoders.get(type);
  if (decoder === undefined) decoders.set(type, (decoder = compileDecoder(payloadSchemas[type]) ?? null));
  return decoder;
}

type Envelope = { type: string; timestamp: string; id?: string | undefined; data?: unknown };

const envelopeFields = envelopeSchema.shape;
// The timestamp schema's own pattern, so that this check and zod's cannot disagree.
const TIMESTAMP: RegExp | undefined = (envelopeFields.timestamp as { _zod?: { pattern?: RegExp } })._zod?.pattern;

/**
 * The envelope read directly when it is plainly valid (the common case: zod would build a copy
 * of it per frame), or undefined to let `envelopeSchema` decide and word the rejection. Accepts
 * exactly what `envelopeSchema` accepts; the decode-frame tests hold both to that.
 */
export function plainEnvelope(raw: Record<string, unknown>): Envelope | undefined {
  const { type, timestamp, id } = raw;
  if (typeof type !== 'string' || type.length < 1 || type.length > 100) return undefined;
  if (typeof timestamp !== 'string' || TIMESTAMP === undefined || !TIMESTAMP.test(timestamp)) return undefined;
  if (id !== undefined && (typeof id !== 'string' || id.length < 1 || id.length > 200)) return undefined;
  return raw as Envelope;
}

function reject(reason: RejectReason, message: string, type?: string, id?: string): FrameRejection {
  const out: FrameRejection = { ok: false, reason, message };
  if (type !== undefined) out.type = truncate(type);
  if (id !== undefined) out.id = truncate(id);
  return out;
}

/** Iterative, so a deeply nested frame cannot overflow the stack. */
function findHostileKey(root: object): string | undefined {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
      continue;
    }
    for (const key of Object.keys(node)) {
      if (isHostileKey(key)) return key;
      stack.push((node as Record<string, unknown>)[key]);
    }
  }
  return undefined;
}

function describeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.map(String).join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

function truncate(value: string, max = 100): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

function utf8Length(text: string): number {
  // Fast path: most frames are far below the limit even at 3 bytes per UTF-16 unit.
  if (text.length * 3 <= MAX_FRAME_BYTES) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
