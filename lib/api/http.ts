import type { z } from 'zod';
import { normalize, restErrorBodySchema, type Camelize } from '@/lib/protocol';
import { ApiError, CLIENT_ERROR_CODES, isAbortError } from './api-error';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export type SendOptions = {
  method: HttpMethod;
  url: string;
  /** Shown in error messages, e.g. `GET /goals`; never contains a token. */
  label: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
};

/** Counts of input the client refused, so bad responses are visible rather than silently dropped. */
export type HttpCounters = { badResponses: number; networkErrors: number };

/**
 * One request: JSON in, JSON out, validated against `schema` and camelCased with the safe
 * normalizer. Every failure becomes an `ApiError` whose message says what happened and what to do;
 * aborts are rethrown untouched so TanStack Query can treat them as cancellations.
 */
export async function sendJson<S extends z.ZodType>(
  fetchImpl: FetchLike,
  options: SendOptions,
  schema: S,
  counters?: HttpCounters,
): Promise<Camelize<z.infer<S>>> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  let text: string;
  try {
    response = await fetchImpl(options.url, {
      method: options.method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
    text = await response.text();
  } catch (error) {
    if (isAbortError(error) || options.signal?.aborted) throw error;
    if (counters) counters.networkErrors++;
    throw new ApiError(
      0,
      CLIENT_ERROR_CODES.network,
      `Could not reach the server (${options.label}). Check your connection and that the API is running, then try again.`,
      { cause: error },
    );
  }

  if (!response.ok) throw errorFromResponse(response, text, options.label);

  const unexpected = (why: string) => {
    if (counters) counters.badResponses++;
    return new ApiError(
      response.status,
      CLIENT_ERROR_CODES.unexpectedResponse,
      `The server sent an unexpected response to ${options.label} (${why}). Reload the page; if it persists, the API and the app are out of step.`,
    );
  };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw unexpected('the body is not JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw unexpected(`${where}${issue?.message ?? 'wrong shape'}`);
  }
  return normalize(parsed.data) as Camelize<z.infer<S>>;
}

function errorFromResponse(response: Response, text: string, label: string): ApiError {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const body = restErrorBodySchema.safeParse(json);
  if (body.success) return new ApiError(response.status, body.data.error.code, body.data.error.message);
  const statusText = response.statusText ? ` ${response.statusText}` : '';
  return new ApiError(
    response.status,
    CLIENT_ERROR_CODES.http,
    `${label} failed with HTTP ${response.status}${statusText}. Try again in a moment.`,
  );
}
