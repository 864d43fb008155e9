import { z } from 'zod';

/** Error codes the server sends over the socket in an `error` frame. */
export const SOCKET_ERROR_CODES = ['UNAUTHORIZED', 'RATE_LIMIT_EXCEEDED', 'INTERNAL_ERROR'] as const;
export const socketErrorCodeSchema = z.enum(SOCKET_ERROR_CODES);
export type SocketErrorCode = z.infer<typeof socketErrorCodeSchema>;

/** Error codes in REST error bodies: `{ "error": { "code", "message" } }`. */
export const REST_ERROR_CODES = [
  'bad_request',
  'invalid_json',
  'validation_failed',
  'unauthorized',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'payload_too_large',
  'internal_error',
] as const;
export type RestErrorCode = (typeof REST_ERROR_CODES)[number];

export const restErrorBodySchema = z.object({
  error: z.object({ code: z.string().max(100), message: z.string().max(2_000) }),
});
export type RestErrorBody = z.infer<typeof restErrorBodySchema>;

/** WebSocket close codes that mean something in this protocol. */
export const CLOSE_CODES = {
  normal: 1000,
  goingAway: 1001,
  abnormal: 1006,
  policyViolation: 1008,
  messageTooBig: 1009,
  internalError: 1011,
  /** Private range: the server closed because the token expired or was rejected. */
  unauthorized: 4001,
} as const;

/** API Gateway's frame limit: 128 KiB. Larger frames are refused (client side) or closed with 1009 (server side). */
export const MAX_FRAME_BYTES = 128 * 1024;
