import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTokenStore, TOKEN_STORE_DEFAULTS, type TokenStore } from '../token-store';
import { memoryStorage, startTestServer, wireAuth, type TestServer } from './test-server';

let server: TestServer;
let store: TokenStore | undefined;
let refreshReply: () => { status?: number; body?: unknown; delayMs?: number };
let issued = 1;

beforeEach(async () => {
  issued = 1;
  refreshReply = () => {
    issued++;
    return { body: wireAuth({ access_token: `access-${issued}`, refresh_token: `refresh-${issued}` }) };
  };
  server = await startTestServer((req) => {
    if (req.path === '/api/auth/login') {
      const body = req.body as { email: string; tenant_id?: string };
      if (body.email === 'nobody@acme.test') {
        return { status: 401, body: { error: { code: 'unauthorized', message: 'No demo user has that email.' } } };
      }
      return {
        body: wireAuth({ tenant_id: body.tenant_id ?? 'acme', access_token: `access-${body.tenant_id ?? 'acme'}` }),
      };
    }
    if (req.path === '/api/auth/refresh') return refreshReply();
    return { status: 404, body: { error: { code: 'not_found', message: 'no' } } };
  });
});

afterEach(async () => {
  store?.dispose();
  store = undefined;
  vi.useRealTimers();
  await server.close();
});

const refreshCalls = () => server.requests.filter((r) => r.path === '/api/auth/refresh');

describe('createTokenStore', () => {
  it('signs in, publishes the user and tenant, and keeps the session in storage for a reload', async () => {
    const storage = memoryStorage();
    store = createTokenStore({ baseUrl: server.baseUrl, storage });
    const listener = vi.fn();
    store.subscribe(listener);
    expect(store.getState()).toEqual({ status: 'signed-out' });

    await store.login(' max@acme.test ');
    expect(server.requests[0]?.body).toEqual({ email: 'max@acme.test' });
    expect(listener).toHaveBeenCalled();
    expect(store.getState()).toMatchObject({
      status: 'signed-in',
      tenantId: 'acme',
      tenant: { name: 'Acme Corp' },
      user: { name: 'Max' },
    });
    expect(store.getAccessToken()).toBe('access-acme');
    expect(store.getState()).toBe(store.getState());
    expect(JSON.stringify(store.getState())).not.toContain('access-acme');

    const reloaded = createTokenStore({ baseUrl: server.baseUrl, storage });
    expect(reloaded.getAccessToken()).toBe('access-acme');
    expect(reloaded.getState()).toMatchObject({ status: 'signed-in', tenantId: 'acme' });
    reloaded.dispose();
  });

  it('answers the server render with an unknown state, never with a session', () => {
    store = createTokenStore({ baseUrl: server.baseUrl, storage: null });
    expect(store.getServerState()).toEqual({ status: 'unknown' });
  });

  it('throws away a stored session it cannot read', () => {
    const storage = memoryStorage();
    storage.setItem(TOKEN_STORE_DEFAULTS.storageKey, '{"accessToken": 42');
    store = createTokenStore({ baseUrl: server.baseUrl, storage });
    expect(store.getState()).toEqual({ status: 'signed-out' });
    expect(storage.map.size).toBe(0);
  });

  it('reports a refused login in the server’s words and stays signed out', async () => {
    store = createTokenStore({ baseUrl: server.baseUrl, storage: null });
    await expect(store.login('nobody@acme.test')).rejects.toMatchObject({
      status: 401,
      message: 'No demo user has that email.',
    });
    expect(store.getState()).toEqual({ status: 'signed-out' });
  });

  it('refreshes proactively shortly before expiry, then again for the new token', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    store = createTokenStore({ baseUrl: server.baseUrl, storage: null });
    await store.login('max@acme.test');
    const expiry = store.getTokenExpiry()!;
    expect(expiry - Date.now()).toBe(600_000);

    await vi.advanceTimersByTimeAsync(600_000 - TOKEN_STORE_DEFAULTS.refreshLeadMs - 1_000);
    expect(refreshCalls()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.waitFor(() => expect(store!.getAccessToken()).toBe('access-2'));
    expect(refreshCalls()[0]?.body).toEqual({ refresh_token: 'refresh-1' });

    await vi.advanceTimersByTimeAsync(600_000 - TOKEN_STORE_DEFAULTS.refreshLeadMs);
    await vi.waitFor(() => expect(store!.getAccessToken()).toBe('access-3'));
    expect(refreshCalls()).toHaveLength(2);
  });

  it('uses a fifth of a short token lifetime as the lead', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    server.requests.length = 0;
    store = createTokenStore({ baseUrl: server.baseUrl, storage: null });
    refreshReply = () => ({ body: wireAuth({ access_token: 'access-short', expires_in: 10 }) });
    await store.login('max@acme.test');
    await store.refresh();
    expect(store.getAccessToken()).toBe('access-short');
    await vi.advanceTimersByTimeAsync(7_999);
    expect(refreshCalls()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await vi.waitFor(() => expect(refreshCalls()).toHaveLength(2));
  });

  it('keeps one refresh in flight however many callers ask', async () => {
    store = createTokenStore({ baseUrl: server.baseUrl, storage: null });
    await store.login('max@acme.test');
    const before = refreshReply;
    refreshReply = () => ({ ...before(), delayMs: 50 });
    const calls = [store.refresh(), store.refresh(), store.refresh()];
    expect(calls[1]).toBe(calls[0]);
    await Promise.all(calls);
    expect(refreshCalls()).toHaveLength(1);
    expect(store.getAccessToken()).toBe('access-2');
    await store.refresh();
    expect(refreshCalls()).toHaveLength(2);
  });

  it('marks the session expired, keeping the user, when the refresh token is refused', async () => {
    const storage = memoryStorage();
    store = createTokenStore({ baseUrl: server.baseUrl, storage });
    await store.login('max@acme.test');
    refreshReply = () => ({
      status: 401,
      body: { error: { code: 'unauthorized', message: 'Refresh token expired.' } },
    });
    await expect(store.refresh()).rejects.toMatchObject({ status: 401 });
    expect(store.getState()).toMatchObject({ status: 'expired', user: { name: 'Max' }, tenantId: 'acme' });
    expect(store.getAccessToken()).toBeNull();
    expect(store.getTokenExpiry()).toBeNull();
    expect(storage.map.size).toBe(0);
  });

  it('stays signed in after a transient refresh failure and retries later', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    store = createTokenStore({ baseUrl: server.baseUrl, storage: null, refreshRetryMs: 5_000 });
    await store.login('max@acme.test');
    const good = refreshReply;
    refreshReply = () => ({ status: 503, body: { error: { code: 'internal_error', message: 'Try later.' } } });
    await expect(store.refresh()).rejects.toMatchObject({ status: 503 });
    expect(store.getState()).toMatchObject({ status: 'signed-in' });
    expect(store.getAccessToken()).toBe('access-acme');
    refreshReply = good;
    await vi.advanceTimersByTimeAsync(5_000);
    await vi.waitFor(() => expect(store!.getAccessToken()).toBe('access-2'));
  });

  it('switches tenant by signing in again with tenant_id, only to a tenant the user belongs to', async () => {
    store = createTokenStore({ baseUrl: server.baseUrl, storage: null });
    await store.login('max@acme.test');
    await store.switchTenant('globex');
    expect(server.requests.at(-1)?.body).toEqual({ email: 'max@acme.test', tenant_id: 'globex' });
    expect(store.getState()).toMatchObject({ status: 'signed-in', tenantId: 'globex', tenant: { name: 'Globex' } });
    await expect(store.switchTenant('initech')).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('not a member of tenant "initech"'),
    });
  });

  it('ignores a refresh that finishes after logout', async () => {
    store = createTokenStore({ baseUrl: server.baseUrl, storage: memoryStorage() });
    await store.login('max@acme.test');
    const before = refreshReply;
    refreshReply = () => ({ ...before(), delayMs: 50 });
    const pending = store.refresh();
    store.logout();
    await pending;
    expect(store.getState()).toEqual({ status: 'signed-out' });
    expect(store.getAccessToken()).toBeNull();
  });

  it('refreshes at once a stored session whose token already expired', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const storage = memoryStorage();
    const first = createTokenStore({ baseUrl: server.baseUrl, storage });
    await first.login('max@acme.test');
    first.dispose();
    vi.setSystemTime(Date.now() + 3_600_000);
    store = createTokenStore({ baseUrl: server.baseUrl, storage });
    expect(store.getAccessToken()).toBe('access-acme');
    await vi.advanceTimersByTimeAsync(0);
    await vi.waitFor(() => expect(store!.getAccessToken()).toBe('access-2'));
  });
});
