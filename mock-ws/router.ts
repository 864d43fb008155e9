import type { IncomingHttpHeaders } from 'node:http';

export type Method = 'GET' | 'POST' | 'PATCH';
export type Auth = { userId: string; tenant: string };
export type RouteContext = {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  auth: Auth;
  headers: IncomingHttpHeaders;
};
export type RouteResult = { status?: number; body: unknown };
export type Route = {
  method: Method;
  /** Segments starting with ':' capture a parameter, e.g. `/api/goals/:id`. */
  path: string;
  /** false for the few routes that work without a bearer token (login, refresh). */
  auth?: boolean;
  handler: (ctx: RouteContext) => RouteResult;
};

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'method_not_allowed'; allowed: Method[] }
  | { kind: 'not_found' };

export function createRouter(routes: Route[]) {
  const compiled = routes.map((route) => ({ route, segments: route.path.split('/').filter(Boolean) }));
  return {
    match(method: string, pathname: string): RouteMatch {
      const parts = pathname.split('/').filter(Boolean);
      const allowed: Method[] = [];
      for (const { route, segments } of compiled) {
        const params = matchSegments(segments, parts);
        if (!params) continue;
        if (route.method === method) return { kind: 'found', route, params };
        allowed.push(route.method);
      }
      return allowed.length ? { kind: 'method_not_allowed', allowed } : { kind: 'not_found' };
    },
  };
}

function matchSegments(segments: string[], parts: string[]): Record<string, string> | undefined {
  if (segments.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const part = parts[i]!;
    if (segment.startsWith(':')) {
      let value: string;
      try {
        value = decodeURIComponent(part);
      } catch {
        return undefined;
      }
      params[segment.slice(1)] = value;
    } else if (segment !== part) {
      return undefined;
    }
  }
  return params;
}
