import { ApiError, parseInput } from './api-error';
import type { User } from './db';
import { loginBody, refreshBody } from './request-schemas';
import type { Route } from './router';
import type { Store } from './store';
import { describeTokenFailure, type TokenService } from './tokens';

export type ApiDeps = { store: Store; tokens: TokenService };

export function authRoutes({ store, tokens }: ApiDeps): Route[] {
  const authBody = (user: User, tenant: string) => {
    const pair = tokens.issuePair(user.id, tenant);
    return {
      access_token: pair.accessToken,
      refresh_token: pair.refreshToken,
      expires_in: pair.expiresIn,
      tenant_id: tenant,
      user: {
        id: user.id,
        name: user.name,
        email: user.email,
        tenants: user.tenants.map((id) => ({ id, name: store.db.tenants.get(id)?.name ?? id })),
      },
    };
  };

  return [
    {
      method: 'POST',
      path: '/api/auth/login',
      auth: false,
      handler: ({ body }) => {
        const input = parseInput(loginBody, body, 'request body');
        const email = input.email.toLowerCase();
        const user = [...store.db.users.values()].find((u) => u.email === email);
        if (!user) throw new ApiError(401, 'unauthorized', 'No demo user with that email. Try ava@acme.test.');
        const tenant = input.tenant_id ?? user.tenants[0]!;
        if (!user.tenants.includes(tenant)) {
          throw new ApiError(
            403,
            'forbidden',
            `${user.email} is not a member of tenant "${tenant.slice(0, 60)}". Sign in to one of: ${user.tenants.join(', ')}.`,
          );
        }
        return { body: authBody(user, tenant) };
      },
    },
    {
      method: 'POST',
      path: '/api/auth/refresh',
      auth: false,
      handler: ({ body }) => {
        const input = parseInput(refreshBody, body, 'request body');
        const result = tokens.verify(input.refresh_token, 'refresh');
        if (!result.ok) throw new ApiError(401, 'unauthorized', describeTokenFailure(result.reason, 'refresh'));
        const user = store.user(result.claims.sub);
        if (!user || !user.tenants.includes(result.claims.tenant)) {
          throw new ApiError(
            401,
            'unauthorized',
            'This account no longer exists. Sign in again with POST /api/auth/login.',
          );
        }
        return { body: authBody(user, result.claims.tenant) };
      },
    },
  ];
}
