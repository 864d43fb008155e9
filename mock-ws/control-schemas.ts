import { z } from 'zod';
import { SOCKET_ERROR_CODES } from '../lib/protocol';

/** Bodies of the /__control verbs. */

const tenant = z.string().min(1).max(100).optional();
const rate = z.number().min(0).max(1);

export const emitBody = z.object({
  type: z.string().min(1).max(100),
  data: z.unknown(),
  tenant,
  id: z.string().min(1).max(200).optional(),
});

export const sendRawBody = z.object({
  frame: z.string(),
  tenant,
  binary: z.boolean().optional(),
  encoding: z.enum(['utf8', 'base64']).optional(),
});

export const dropBody = z.object({
  code: z
    .number()
    .int()
    .refine((c) => (c >= 1000 && c <= 1014 && c !== 1004 && c !== 1005 && c !== 1006) || (c >= 3000 && c <= 4999), {
      message:
        'must be a close code a server may send: 1000-1003, 1007-1014 or 3000-4999 (omit it for an abrupt terminate)',
    })
    .optional(),
  reason: z
    .string()
    .refine((r) => Buffer.byteLength(r) <= 123, { message: 'must be at most 123 bytes' })
    .optional(),
  tenant,
});

export const errorBody = z.object({
  code: z.enum(SOCKET_ERROR_CODES),
  message: z.string().max(2_000).optional(),
  retry_after_ms: z.number().int().nonnegative().max(3_600_000).optional(),
  tenant,
});

export const expireTokensBody = z.object({ include_refresh: z.boolean().optional() });

export const restDelayBody = z.object({
  path_prefix: z.string().startsWith('/', 'must start with /, e.g. /api/goals').max(500),
  ms: z.number().int().min(0).max(600_000),
});

export const refuseBody = z.object({
  status: z.number().int().min(400).max(599),
  for_ms: z.number().int().min(0).max(3_600_000),
});

export const heartbeatBody = z.object({
  interval_ms: z
    .number()
    .int()
    .refine((ms) => ms === 0 || (ms >= 10 && ms <= 86_400_000), { message: 'must be 0 (off) or 10 to 86400000' }),
});

export const chaosBody = z
  .object({
    drop_rate: rate.optional(),
    duplicate_rate: rate.optional(),
    reorder_rate: rate.optional(),
    malformed_rate: rate.optional(),
    disconnect_every_ms: z
      .number()
      .int()
      .refine((ms) => ms === 0 || (ms >= 50 && ms <= 3_600_000), { message: 'must be 0 (off) or 50 to 3600000' })
      .optional(),
    rest_delay_max_ms: z.number().int().min(0).max(60_000).optional(),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .optional(),
  })
  .refine((c) => (c.drop_rate ?? 0) + (c.duplicate_rate ?? 0) + (c.reorder_rate ?? 0) + (c.malformed_rate ?? 0) <= 1, {
    message: 'drop_rate + duplicate_rate + reorder_rate + malformed_rate must be at most 1',
  });

export const logQuery = z.object({
  since: z.coerce.number().int().min(0).optional(),
  kind: z.enum(['rest', 'ws_out', 'ws_in', 'handshake', 'close']).optional(),
});
