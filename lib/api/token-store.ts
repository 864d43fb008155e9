import { z } from 'zod';
import { normalize, restSchemas, userSchema } from '@/lib/protocol';
import { ApiError, isApiError } from './api-error';
import { apiBaseUrl, joinUrl } from './config';
import { sendJson, type FetchLike } from './http';
import type { Tenant, User } from './types';

export const TOKEN_STORE_DEFAULTS = {
  /** Refresh this long before expiry, capped at a fifth of the token's lifetime. */
  refreshLeadMs: 60_000,
  /** After a refresh that failed for a transient reason (network, 5xx), try again after this. */
  refreshRetryMs: 10_000,
  storageKey: 'purposepath.session',
} as const;

export type AuthState =
  | { status: 'unknown' }
  | { status: 'signed-out' }
  | { status: 'signed-in'; user: User; tenantId: string; tenant: Tenant | null; expiresAt: number }
  /** The refresh token was refused: cached screens stay visible and the app offers to sign in again. */
  | { status: 'expired'; user: User; tenantId: string; tenant: Tenant | null };

export type TokenStoreOptions = {
  baseUrl?: string;
  fetch?: FetchLike;
  /** Where a reload finds the session; null keeps it in memory only. */
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  refreshLeadMs?: number;
  refreshRetryMs?: number;
  storageKey?: string;
};

export type TokenStore = {
  getState(): AuthState;
  getServerState(): AuthState;
  subscribe(listener: () => void): () => void;
  getAccessToken(): string | null;
  /** Epoch ms at which the access token expires, or null when signed out. */
  getTokenExpiry(): number | null;
  login(email: string, tenantId?: string): Promise<void>;
  switchTenant(tenantId: string): Promise<void>;
  refresh(): Promise<void>;
  logout(): void;
  dispose(): void;
};

const storedSessionSchema = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  expiresAt: z.number(),
  obtainedAt: z.number(),
  tenantId: z.string().min(1),
  user: userSchema,
});
type Session = z.infer<typeof storedSessionSchema>;

const UNKNOWN: AuthState = { status: 'unknown' };
const SIGNED_OUT: AuthState = { status: 'signed-out' };

/**
 * The session: memory plus storage, a proactive refresh timer, and one refresh in flight at a
 * time. Tokens never leave this module except through getAccessToken(); they are never logged.
 */
export function createTokenStore(options: TokenStoreOptions = {}): TokenStore {
  const settings = { ...TOKEN_STORE_DEFAULTS, ...definedOnly(options) };
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const storage = options.storage ?? null;
  const listeners = new Set<() => void>();
  let session: Session | null = null;
  let expiredUser: { user: User; tenantId: string } | null = null;
  let state: AuthState = SIGNED_OUT;
  let hydrated = false;
  let inflight: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  // Bumped by login/logout so that a refresh which started earlier cannot overwrite them.
  let epoch = 0;

  const baseUrl = () => options.baseUrl ?? apiBaseUrl();

  function hydrate() {
    if (hydrated) return;
    hydrated = true;
    let raw: string | null = null;
    try {
      raw = storage?.getItem(settings.storageKey) ?? null;
    } catch {
      raw = null;
    }
    if (!raw) return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      json = undefined;
    }
    const parsed = storedSessionSchema.safeParse(json);
    if (!parsed.success) {
      storage?.removeItem(settings.storageKey);
      return;
    }
    setSession(parsed.data, false);
  }

  function tenantOf(user: User, tenantId: string): Tenant | null {
    return user.tenants.find((t) => t.id === tenantId) ?? null;
  }

  function publish() {
    if (session) {
      const user = normalize(session.user) as User;
      state = {
        status: 'signed-in',
        user,
        tenantId: session.tenantId,
        tenant: tenantOf(user, session.tenantId),
        expiresAt: session.expiresAt,
      };
    } else if (expiredUser) {
      const user = normalize(expiredUser.user) as User;
      state = { status: 'expired', user, tenantId: expiredUser.tenantId, tenant: tenantOf(user, expiredUser.tenantId) };
    } else {
      state = SIGNED_OUT;
    }
    for (const listener of [...listeners]) listener();
  }

  function setSession(next: Session | null, persist = true) {
    session = next;
    if (next) expiredUser = null;
    if (persist) {
      try {
        if (next) storage?.setItem(settings.storageKey, JSON.stringify(next));
        else storage?.removeItem(settings.storageKey);
      } catch {
        // Storage full or blocked (private mode): the session still lives in memory.
      }
    }
    schedule();
    publish();
  }

  function clearTimer() {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  }

  function schedule(delayOverride?: number) {
    clearTimer();
    if (!session) return;
    const lifetime = Math.max(0, session.expiresAt - session.obtainedAt);
    const lead = Math.min(settings.refreshLeadMs, lifetime / 5);
    const delay = delayOverride ?? Math.max(0, session.expiresAt - lead - Date.now());
    timer = setTimeout(() => {
      timer = null;
      refresh().catch(() => {
        // refresh() already moved the state on (expired) or scheduled a retry; nothing to add here.
      });
    }, delay);
  }

  function sessionFrom(body: z.infer<typeof restSchemas.auth>): Session {
    const now = Date.now();
    return {
      accessToken: body.access_token,
      refreshToken: body.refresh_token,
      expiresAt: now + body.expires_in * 1000,
      obtainedAt: now,
      tenantId: body.tenant_id,
      user: body.user,
    };
  }

  async function postAuth(path: string, body: unknown) {
    // Validate the wire body, keep it snake_case for storage; normalize() is applied on publish.
    const result = await sendJson(
      fetchImpl,
      { method: 'POST', url: joinUrl(baseUrl(), path), label: `POST ${path}`, body },
      restSchemas.auth,
    );
    return {
      access_token: result.accessToken,
      refresh_token: result.refreshToken,
      expires_in: result.expiresIn,
      tenant_id: result.tenantId,
      user: result.user,
    };
  }

  async function login(email: string, tenantId?: string) {
    hydrate();
    const myEpoch = ++epoch;
    const body = await postAuth(
      '/auth/login',
      tenantId ? { email: email.trim(), tenant_id: tenantId } : { email: email.trim() },
    );
    if (myEpoch !== epoch) return;
    inflight = null;
    setSession(sessionFrom(body));
  }

  function refresh(): Promise<void> {
    hydrate();
    if (inflight) return inflight;
    const current = session;
    if (!current)
      return Promise.reject(new ApiError(401, 'session_expired', 'You are signed out. Sign in to continue.'));
    const myEpoch = epoch;
    let run: Promise<void> | undefined = undefined;
    run = (async () => {
      try {
        const body = await postAuth('/auth/refresh', { refresh_token: current.refreshToken });
        if (myEpoch === epoch) setSession(sessionFrom(body));
      } catch (error) {
        if (myEpoch !== epoch) return;
        if (isApiError(error) && (error.status === 401 || error.status === 403)) {
          expiredUser = { user: current.user, tenantId: current.tenantId };
          setSession(null);
        } else {
          schedule(settings.refreshRetryMs);
        }
        throw error;
      } finally {
        if (inflight === run) inflight = null;
      }
    })();
    inflight = run;
    return run;
  }

  return {
    getState: () => {
      hydrate();
      return state;
    },
    getServerState: () => UNKNOWN,
    subscribe(listener) {
      hydrate();
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getAccessToken: () => {
      hydrate();
      return session?.accessToken ?? null;
    },
    getTokenExpiry: () => {
      hydrate();
      return session?.expiresAt ?? null;
    },
    login,
    async switchTenant(tenantId) {
      hydrate();
      const user = session?.user;
      if (!user) throw new ApiError(401, 'session_expired', 'You are signed out. Sign in to switch tenant.');
      if (!user.tenants.some((t) => t.id === tenantId)) {
        throw new ApiError(403, 'forbidden', `${user.name} is not a member of tenant "${tenantId}".`);
      }
      await login(user.email, tenantId);
    },
    refresh,
    logout() {
      hydrate();
      epoch++;
      inflight = null;
      expiredUser = null;
      setSession(null);
    },
    dispose() {
      clearTimer();
      listeners.clear();
    },
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
