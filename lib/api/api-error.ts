/**
 * The one error type the REST layer throws. `code` is the server's code from
 * `{ error: { code, message } }`, or one of CLIENT_ERROR_CODES when the failure happened before or
 * after the server answered (no network, an unreadable body, a session that could not be renewed).
 */
export const CLIENT_ERROR_CODES = {
  network: 'network_error',
  http: 'http_error',
  unexpectedResponse: 'unexpected_response',
  sessionExpired: 'session_expired',
} as const;

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.status = status;
    this.code = code;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

export function isAbortError(value: unknown): boolean {
  return value instanceof Error && value.name === 'AbortError';
}

/** A 4xx other than 408/429 will fail the same way again: retrying only delays the message. */
export function isRetryable(error: unknown): boolean {
  if (!isApiError(error)) return true;
  if (error.status === 408 || error.status === 429) return true;
  return error.status === 0 || error.status >= 500;
}

/** Words for a person: the server's message when there is one. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Try again.';
}
