import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from './api-error';
import type { Chaos } from './chaos';
import { applyCors } from './cors';
import type { EventLog } from './event-log';
import type { Faults } from './faults';
import { errorBody, parseJsonBody, readBody, sendText, sleep } from './http-util';
import { redact } from './redact';
import { createRouter, type Auth } from './router';
import { authRoutes, type ApiDeps } from './routes-auth';
import { goalRoutes } from './routes-goals';
import { recordRoutes } from './routes-records';
import { describeTokenFailure } from './tokens';

export type RestApiDeps = ApiDeps & {
  log: EventLog;
  faults: Faults;
  chaos: Chaos;
  allowedOrigins: readonly string[];
  maxBodyBytes: number;
  maxDrainBytes: number;
  /** Pending response delays, cleared when the server closes. */
  timers: Set<NodeJS.Timeout>;
  print: (line: string) => void;
};

/** The REST API under /api: CORS, routing, bearer auth, body limits, scripted delays, and the request log. */
export function createRestApi(deps: RestApiDeps) {
  const router = createRouter([...authRoutes(deps), ...goalRoutes(deps), ...recordRoutes(deps)]);

  const authenticate = (req: IncomingMessage): Auth => {
    const header = req.headers.authorization ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const result = deps.tokens.verify(token, 'access');
    const challenge = { 'WWW-Authenticate': 'Bearer error="invalid_token"' };
    if (!result.ok) throw new ApiError(401, 'unauthorized', describeTokenFailure(result.reason, 'access'), challenge);
    if (!deps.store.isMember(result.claims.tenant, result.claims.sub)) {
      throw new ApiError(
        401,
        'unauthorized',
        "The token's user is not a member of its tenant. Sign in again.",
        challenge,
      );
    }
    return { userId: result.claims.sub, tenant: result.claims.tenant };
  };

  return async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const started = Date.now();
    const method = req.method ?? 'GET';
    const path = url.pathname + url.search;
    let tenant: string | null = null;
    let status = 200;
    let text = '';
    let headers: Record<string, string> = {};

    const corsAllowed = applyCors(req, res, deps.allowedOrigins);
    if (method === 'OPTIONS') {
      if (corsAllowed) status = 204;
      else {
        const error = new ApiError(
          403,
          'forbidden',
          `Origin ${String(req.headers.origin ?? '(none)').slice(0, 200)} is not allowed. Add it to MOCK_WS_ALLOWED_ORIGINS.`,
        );
        status = error.status;
        text = JSON.stringify(errorBody(error));
      }
    } else {
      try {
        const match = router.match(method, url.pathname);
        if (match.kind === 'not_found') {
          throw new ApiError(
            404,
            'not_found',
            `No API route ${method} ${url.pathname}. See mock-ws/README.md for the routes.`,
          );
        }
        if (match.kind === 'method_not_allowed') {
          const allow = [...new Set(match.allowed)].join(', ');
          throw new ApiError(405, 'method_not_allowed', `${method} is not allowed on ${url.pathname}; use ${allow}.`, {
            Allow: allow,
          });
        }
        const { route, params } = match;
        const auth = route.auth === false ? { userId: '', tenant: '' } : authenticate(req);
        if (route.auth !== false) tenant = auth.tenant;
        const body =
          method === 'GET' ? undefined : parseJsonBody(await readBody(req, deps.maxBodyBytes, deps.maxDrainBytes));
        const result = route.handler({ params, query: url.searchParams, body, auth, headers: req.headers });
        status = result.status ?? 200;
        text = JSON.stringify(result.body);
      } catch (error) {
        const known =
          error instanceof ApiError
            ? error
            : new ApiError(
                500,
                'internal_error',
                'The mock backend hit an unexpected error; its log has the details. This is a bug in mock-ws.',
              );
        if (!(error instanceof ApiError)) {
          deps.print(
            `internal error on ${method} ${redact(path)}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
          );
        }
        status = known.status;
        headers = known.headers;
        text = JSON.stringify(errorBody(known));
      }
    }

    // Preflights are not delayed: one scripted delay should slow a browser request once, not twice.
    const delay = method === 'OPTIONS' ? 0 : deps.faults.restDelayFor(url.pathname) + deps.chaos.restDelay();
    if (delay > 0) await sleep(delay, deps.timers);
    sendText(res, status, text, headers);
    const ms = Date.now() - started;
    deps.log.add({ kind: 'rest', method, path, status, tenant, ms });
    deps.print(`${method} ${redact(path)} ${status} ${ms}ms tenant=${tenant ?? '-'}`);
  };
}
