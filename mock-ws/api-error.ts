import type { RestErrorCode } from '../lib/protocol';
import type { z } from 'zod';

/** An error a client caused or can act on; the HTTP layer turns it into `{error: {code, message}}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: RestErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} was not found in this tenant.`);

/** Parse untrusted input with a zod schema; a failure names the field(s) and what was expected. */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const detail = result.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.map(String).join('.') : '(body)'}: ${issue.message}`)
    .join('; ');
  throw new ApiError(400, 'validation_failed', `Invalid ${what}: ${detail}.`);
}
