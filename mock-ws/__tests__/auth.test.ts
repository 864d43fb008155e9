import { afterEach, describe, expect, it } from 'vitest';
import { restSchemas } from '../../lib/protocol';
import type { MockServer } from '../mock-server';
import { api, login, startServer, tick } from './helpers';

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('POST /api/auth/login', () => {
  it('signs a demo user in to their first tenant', async () => {
    server = await startServer();
    const res = await api(server, '/api/auth/login', { body: { email: 'Ava@Acme.test ' } });
    expect(res.status).toBe(200);
    const body = restSchemas.auth.parse(res.body);
    expect(body).toMatchObject({
      expires_in: 900,
      tenant_id: 'acme',
      user: { id: 'u-1', name: 'Ava Adams', email: 'ava@acme.test', tenants: [{ id: 'acme', name: 'Acme Corp' }] },
    });
  });

  it('lets a member of two tenants pick one, and refuses a tenant the user is not in', async () => {
    server = await startServer();
    const max = await login(server, 'max@acme.test');
    expect(max.tenant_id).toBe('acme');
    expect(max.user.tenants).toEqual([
      { id: 'acme', name: 'Acme Corp' },
      { id: 'globex', name: 'Globex' },
    ]);
    expect((await login(server, 'max@acme.test', 'globex')).tenant_id).toBe('globex');
    const denied = await api(server, '/api/auth/login', { body: { email: 'ava@acme.test', tenant_id: 'globex' } });
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('forbidden');
    expect(denied.body.error.message).toContain('acme');
  });

  it('answers 401 with a hint for an unknown email and 400 for a wrong type', async () => {
    server = await startServer();
    const unknown = await api(server, '/api/auth/login', { body: { email: 'nobody@acme.test' } });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual({
      error: { code: 'unauthorized', message: 'No demo user with that email. Try ava@acme.test.' },
    });
    const bad = await api(server, '/api/auth/login', { body: { email: 42 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    expect(bad.body.error.message).toContain('email');
  });
});

describe('POST /api/auth/refresh', () => {
  it('returns a new working pair for the same tenant', async () => {
    server = await startServer();
    const first = await login(server, 'max@acme.test', 'globex');
    const res = await api(server, '/api/auth/refresh', { body: { refresh_token: first.refresh_token } });
    expect(res.status).toBe(200);
    const next = restSchemas.auth.parse(res.body);
    expect(next.tenant_id).toBe('globex');
    expect(next.access_token).not.toBe(first.access_token);
    expect((await api(server, '/api/goals', { token: next.access_token })).body.items[0].id).toBe('g-7');
  });

  it('refuses an access token, garbage and a missing field', async () => {
    server = await startServer();
    const { access_token } = await login(server);
    for (const body of [{ refresh_token: access_token }, { refresh_token: 'nope' }]) {
      const res = await api(server, '/api/auth/refresh', { body });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthorized');
    }
    expect((await api(server, '/api/auth/refresh', { body: {} })).status).toBe(400);
  });
});

describe('bearer auth on /api', () => {
  it('answers 401 JSON without a valid token', async () => {
    server = await startServer();
    const missing = await api(server, '/api/goals');
    expect(missing.status).toBe(401);
    expect(missing.body.error).toEqual({
      code: 'unauthorized',
      message:
        'Missing access token. Sign in with POST /api/auth/login and send "Authorization: Bearer <access_token>".',
    });
    expect(missing.headers.get('www-authenticate')).toContain('Bearer');
    expect((await api(server, '/api/goals', { token: 'a.b.c' })).status).toBe(401);
  });

  it('expires access tokens after MOCK_WS_TOKEN_TTL_S while the refresh token keeps working', async () => {
    server = await startServer({ accessTtlS: 1 });
    const auth = await login(server);
    expect(auth.expires_in).toBe(1);
    expect((await api(server, '/api/goals', { token: auth.access_token })).status).toBe(200);
    // Whole-second expiry: at most one second after issue.
    await tick(1_050 - (Date.now() % 1000));
    const expired = await api(server, '/api/goals', { token: auth.access_token });
    expect(expired.status).toBe(401);
    expect(expired.body.error.message).toMatch(/expired.*\/api\/auth\/refresh/);
    const refreshed = await api(server, '/api/auth/refresh', { body: { refresh_token: auth.refresh_token } });
    expect(refreshed.status).toBe(200);
    expect((await api(server, '/api/goals', { token: refreshed.body.access_token })).status).toBe(200);
  });
});
