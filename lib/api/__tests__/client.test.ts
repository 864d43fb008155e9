import { afterEach, describe, expect, it, vi } from 'vitest';
import { restSchemas } from '@/lib/protocol';
import { ApiError } from '../api-error';
import { createApiClient } from '../client';
import { createTokenStore } from '../token-store';
import { startTestServer, wireAuth, wireGoal, type TestServer } from './test-server';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function staticAuth(token = 'access-1') {
  let current: string | null = token;
  return {
    refresh: vi.fn(async () => {
      current = `${current}-renewed`;
    }),
    getAccessToken: () => current,
  };
}

describe('createApiClient', () => {
  it('sends the bearer token and query, and returns camelCased, validated data', async () => {
    server = await startTestServer(() => ({ body: { items: [wireGoal()] } }));
    const client = createApiClient({ baseUrl: server.baseUrl, auth: staticAuth() });
    const result = await client.get('/goals', {
      schema: restSchemas.goals,
      query: { status: 'active', empty: undefined },
    });
    expect(result.items[0]).toMatchObject({ id: 'g-1', ownerId: 'u-ava', updatedAt: '2026-11-27T10:00:00.000Z' });
    expect(server.requests[0]).toMatchObject({ method: 'GET', path: '/api/goals?status=active' });
    expect(server.requests[0]?.headers.authorization).toBe('Bearer access-1');
  });

  it('turns an error body into an ApiError with the server message and code', async () => {
    server = await startTestServer(() => ({
      status: 404,
      body: { error: { code: 'not_found', message: 'Goal g-9 does not exist.' } },
    }));
    const client = createApiClient({ baseUrl: server.baseUrl, auth: staticAuth() });
    const error = await client.get('/goals/g-9', { schema: restSchemas.goal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: 'not_found', message: 'Goal g-9 does not exist.' });
  });

  it('explains an error status that came without a readable body', async () => {
    server = await startTestServer(() => ({ status: 502, raw: '<html>Bad gateway</html>' }));
    const client = createApiClient({ baseUrl: server.baseUrl, auth: staticAuth() });
    await expect(client.get('/people', { schema: restSchemas.people })).rejects.toMatchObject({
      status: 502,
      code: 'http_error',
      message: expect.stringContaining('GET /people failed with HTTP 502'),
    });
  });

  it('rejects a body of the wrong shape with a typed error, and counts it', async () => {
    server = await startTestServer(() => ({ body: { items: [{ ...wireGoal(), status: 'exploded' }] } }));
    const client = createApiClient({ baseUrl: server.baseUrl, auth: staticAuth() });
    const error = await client.get('/goals', { schema: restSchemas.goals }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'unexpected_response', status: 200 });
    expect((error as Error).message).toMatch(/unexpected response to GET \/goals \(items\.0\.status/);
    expect(client.counters.badResponses).toBe(1);
  });

  it('rejects a body that is not JSON', async () => {
    server = await startTestServer(() => ({ raw: 'not json' }));
    const client = createApiClient({ baseUrl: server.baseUrl, auth: staticAuth() });
    await expect(client.get('/dashboard', { schema: restSchemas.dashboard })).rejects.toMatchObject({
      code: 'unexpected_response',
      message: expect.stringContaining('the body is not JSON'),
    });
  });

  it('cannot be made to pollute prototypes by a hostile body', async () => {
    server = await startTestServer(() => ({
      raw: `{"items":[],"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}`,
    }));
    const client = createApiClient({ baseUrl: server.baseUrl, auth: staticAuth() });
    const result = await client.get('/goals', { schema: restSchemas.goals });
    expect(result).toEqual({ items: [] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports an unreachable server as a network error that names the request', async () => {
    server = await startTestServer(() => ({ body: {} }));
    const baseUrl = server.baseUrl;
    await server.close();
    server = undefined;
    const client = createApiClient({ baseUrl, auth: staticAuth() });
    await expect(client.get('/goals', { schema: restSchemas.goals })).rejects.toMatchObject({
      status: 0,
      code: 'network_error',
      message: expect.stringContaining('Could not reach the server (GET /goals)'),
    });
    expect(client.counters.networkErrors).toBe(1);
  });

  it('passes the abort signal through and rethrows the abort untouched', async () => {
    server = await startTestServer(() => ({ body: { items: [] }, delayMs: 2_000 }));
    const client = createApiClient({ baseUrl: server.baseUrl, auth: staticAuth() });
    const controller = new AbortController();
    const pending = client.get('/goals', { schema: restSchemas.goals, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const error = await pending.catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(ApiError);
    expect((error as Error).name).toBe('AbortError');
  });

  it('refreshes once on 401 and retries with the new token', async () => {
    server = await startTestServer((req) =>
      req.headers.authorization === 'Bearer access-1-renewed'
        ? { body: { items: [] } }
        : { status: 401, body: { error: { code: 'unauthorized', message: 'Token expired.' } } },
    );
    const auth = staticAuth();
    const client = createApiClient({ baseUrl: server.baseUrl, auth });
    await expect(client.get('/goals', { schema: restSchemas.goals })).resolves.toEqual({ items: [] });
    expect(auth.refresh).toHaveBeenCalledTimes(1);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer access-1', 'Bearer access-1-renewed']);
    expect(client.counters.refreshRetries).toBe(1);
  });

  it('gives up after one retry and says the session expired, without naming the token', async () => {
    server = await startTestServer(() => ({
      status: 401,
      body: { error: { code: 'unauthorized', message: 'Token expired.' } },
    }));
    const auth = staticAuth('secret-token');
    const client = createApiClient({ baseUrl: server.baseUrl, auth });
    const error = (await client.get('/goals', { schema: restSchemas.goals }).catch((e: unknown) => e)) as ApiError;
    expect(error).toMatchObject({ status: 401, code: 'session_expired' });
    expect(error.message).toMatch(/Sign in again/);
    expect(error.message).not.toContain('secret-token');
    expect(auth.refresh).toHaveBeenCalledTimes(1);
    expect(server.requests).toHaveLength(2);
  });

  it('says the session expired when the refresh itself is refused', async () => {
    server = await startTestServer(() => ({
      status: 401,
      body: { error: { code: 'unauthorized', message: 'Token expired.' } },
    }));
    const auth = {
      getAccessToken: () => 'access-1',
      refresh: vi.fn(async () => {
        throw new ApiError(401, 'unauthorized', 'Refresh token expired.');
      }),
    };
    const client = createApiClient({ baseUrl: server.baseUrl, auth });
    await expect(client.get('/goals', { schema: restSchemas.goals })).rejects.toMatchObject({
      code: 'session_expired',
    });
    expect(server.requests).toHaveLength(1);
  });

  it('does not send a request without a token', async () => {
    server = await startTestServer(() => ({ body: { items: [] } }));
    const client = createApiClient({ baseUrl: server.baseUrl, auth: { getAccessToken: () => null, refresh: vi.fn() } });
    await expect(client.get('/goals', { schema: restSchemas.goals })).rejects.toMatchObject({
      code: 'session_expired',
    });
    expect(server.requests).toHaveLength(0);
  });

  it('shares one refresh between many requests that hit 401 together (real token store)', async () => {
    let tokenVersion = 1;
    server = await startTestServer((req) => {
      if (req.path === '/api/auth/login') return { body: wireAuth() };
      if (req.path === '/api/auth/refresh') {
        tokenVersion++;
        return {
          body: wireAuth({ access_token: `access-${tokenVersion}`, refresh_token: `refresh-${tokenVersion}` }),
          delayMs: 30,
        };
      }
      return req.headers.authorization === `Bearer access-${tokenVersion}` && tokenVersion > 1
        ? { body: { items: [] } }
        : { status: 401, body: { error: { code: 'unauthorized', message: 'Token expired.' } } };
    });
    const store = createTokenStore({ baseUrl: server.baseUrl, storage: null });
    await store.login('max@acme.test');
    const client = createApiClient({ baseUrl: server.baseUrl, auth: store });
    const results = await Promise.all(
      Array.from({ length: 5 }, () => client.get('/goals', { schema: restSchemas.goals })),
    );
    expect(results).toHaveLength(5);
    expect(server.requests.filter((r) => r.path === '/api/auth/refresh')).toHaveLength(1);
    store.dispose();
  });
});
