import { ControlClient } from './control-client';
import { apiLogin } from './session';

/**
 * Node-side access to mock-ws for the chaos and security specs: its REST API as a signed-in user
 * (the truth the screens are compared with, and the driver's writes) and, outside fixtures, the
 * kit's control client.
 */
export const MOCK_ORIGIN = `http://127.0.0.1:${Number(process.env.MOCK_WS_PORT ?? 4010)}`;
export const backend = new ControlClient(MOCK_ORIGIN);

export type Session = { accessToken: string; refreshToken: string; tenant: string; userId: string };

export async function login(email: string, tenant?: 'acme' | 'globex'): Promise<Session> {
  const body = await apiLogin(MOCK_ORIGIN, email, tenant);
  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token,
    tenant: body.tenant_id,
    userId: body.user.id,
  };
}

/** One REST call; answers status and body, never throws on an HTTP error (the driver counts those). */
export async function rest<T = unknown>(
  session: Session,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { authorization: `Bearer ${session.accessToken}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${MOCK_ORIGIN}/api${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

export async function get<T>(session: Session, path: string): Promise<T> {
  const res = await rest<T>(session, 'GET', path);
  if (res.status !== 200)
    throw new Error(`GET /api${path} answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
  return res.body;
}

/** Accepted handshakes at or after `since` (epoch ms). */
export async function acceptedSince(since: number): Promise<number[]> {
  const { handshakes } = await backend.connections();
  return handshakes.filter((h) => h.outcome === 'accepted' && h.at >= since).map((h) => h.at);
}
