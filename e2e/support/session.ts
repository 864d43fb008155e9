import type { BrowserContext } from '@playwright/test';
import type { Tenant } from './control-client';

/** The app's sessionStorage key (lib/api/token-store.ts TOKEN_STORE_DEFAULTS.storageKey). */
const STORAGE_KEY = 'purposepath.session';
const SEEDED_FLAG = 'e2e.session-seeded';

export type AuthBody = {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  tenant_id: string;
  user: { id: string; name: string; email: string; tenants: { id: string; name: string }[] };
};

/** Sign in through mock-ws's REST API from the test process (the same call the login form makes). */
export async function apiLogin(mockOrigin: string, email: string, tenant?: Tenant): Promise<AuthBody> {
  const res = await fetch(`${mockOrigin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(tenant ? { email, tenant_id: tenant } : { email }),
  });
  const text = await res.text();
  if (!res.ok)
    throw new Error(`Signing in ${email}${tenant ? ` to ${tenant}` : ''} failed with ${res.status}: ${text}`);
  return JSON.parse(text) as AuthBody;
}

/**
 * Make every page of `context` start signed in, as after a reload: the session is written to
 * sessionStorage before the app's scripts run. Only once per tab, so a refreshed token or a
 * sign-out made by the app is not overwritten by the next navigation.
 */
export async function seedSession(context: BrowserContext, appOrigin: string, auth: AuthBody): Promise<void> {
  const now = Date.now();
  const session = {
    accessToken: auth.access_token,
    refreshToken: auth.refresh_token,
    expiresAt: now + auth.expires_in * 1000,
    obtainedAt: now,
    tenantId: auth.tenant_id,
    user: auth.user,
  };
  await context.addInitScript(
    ({ origin, key, flag, value }) => {
      if (location.origin !== origin || sessionStorage.getItem(flag)) return;
      sessionStorage.setItem(flag, '1');
      sessionStorage.setItem(key, value);
    },
    { origin: appOrigin, key: STORAGE_KEY, flag: SEEDED_FLAG, value: JSON.stringify(session) },
  );
}

export type RestWriter = {
  readonly auth: AuthBody;
  get<T = unknown>(path: string): Promise<T>;
  post(path: string, body: unknown): Promise<unknown>;
  patch(path: string, body: unknown): Promise<unknown>;
};

/** Another user on mock-ws's REST API: reads the truth, writes (each write broadcasts its events, as in production). */
export async function restAs(mockOrigin: string, email: string, tenant?: Tenant): Promise<RestWriter> {
  const auth = await apiLogin(mockOrigin, email, tenant);
  const send = async (method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown) => {
    const res = await fetch(`${mockOrigin}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${auth.access_token}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} as ${email} answered ${res.status}: ${text}`);
    return JSON.parse(text) as unknown;
  };
  return {
    auth,
    get: <T>(path: string) => send('GET', path) as Promise<T>,
    post: (path, body) => send('POST', path, body),
    patch: (path, body) => send('PATCH', path, body),
  };
}
