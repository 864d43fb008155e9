import type { z } from 'zod';
import type { Camelize } from '@/lib/protocol';
import { ApiError, CLIENT_ERROR_CODES, isApiError } from './api-error';
import { apiBaseUrl, joinUrl } from './config';
import { sendJson, type FetchLike, type HttpCounters, type HttpMethod } from './http';

/** What the client needs from the auth layer (the token store implements it). */
export type ApiAuth = {
  getAccessToken(): string | null;
  /** Renews the access token; single-flight in the token store. Rejects when the session is over. */
  refresh(): Promise<void>;
};

export type ApiClientOptions = {
  baseUrl?: string;
  auth: ApiAuth;
  fetch?: FetchLike;
};

export type RequestOptions<S extends z.ZodType> = {
  schema: S;
  query?: Record<string, string | null | undefined>;
  body?: unknown;
  signal?: AbortSignal;
};

export type ApiClient = {
  readonly baseUrl: string;
  readonly counters: HttpCounters & { refreshRetries: number };
  request<S extends z.ZodType>(
    method: HttpMethod,
    path: string,
    options: RequestOptions<S>,
  ): Promise<Camelize<z.infer<S>>>;
  get<S extends z.ZodType>(path: string, options: RequestOptions<S>): Promise<Camelize<z.infer<S>>>;
  post<S extends z.ZodType>(path: string, options: RequestOptions<S>): Promise<Camelize<z.infer<S>>>;
  patch<S extends z.ZodType>(path: string, options: RequestOptions<S>): Promise<Camelize<z.infer<S>>>;
};

const sessionOver = (cause?: unknown) =>
  new ApiError(401, CLIENT_ERROR_CODES.sessionExpired, 'Your session has expired. Sign in again to continue.', {
    cause,
  });

/**
 * REST client: bearer token, typed errors, and one refresh-and-retry on 401. A 401 for a request
 * sent with a token that has since been replaced retries without refreshing again.
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const baseUrl = options.baseUrl ?? apiBaseUrl();
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const counters = { badResponses: 0, networkErrors: 0, refreshRetries: 0 };

  async function request<S extends z.ZodType>(method: HttpMethod, path: string, opts: RequestOptions<S>) {
    const url = joinUrl(baseUrl, path, opts.query);
    const label = `${method} ${path}`;
    const send = (token: string) =>
      sendJson(
        fetchImpl,
        { method, url, label, body: opts.body, signal: opts.signal, headers: { authorization: `Bearer ${token}` } },
        opts.schema,
        counters,
      );

    const token = options.auth.getAccessToken();
    if (!token) throw sessionOver();
    try {
      return await send(token);
    } catch (error) {
      if (!isApiError(error) || error.status !== 401) throw error;
    }
    if (options.auth.getAccessToken() === token) {
      try {
        await options.auth.refresh();
      } catch (error) {
        if (isApiError(error) && error.status !== 401 && error.status !== 403) throw error;
        throw sessionOver(error);
      }
    }
    const fresh = options.auth.getAccessToken();
    if (!fresh) throw sessionOver();
    counters.refreshRetries++;
    try {
      return await send(fresh);
    } catch (error) {
      if (isApiError(error) && error.status === 401) throw sessionOver(error);
      throw error;
    }
  }

  return {
    baseUrl,
    counters,
    request,
    get: (path, opts) => request('GET', path, opts),
    post: (path, opts) => request('POST', path, opts),
    patch: (path, opts) => request('PATCH', path, opts),
  };
}
