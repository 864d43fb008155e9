/**
 * Node-side access to mock-ws for the chaos and security specs: its REST API as a signed-in user
 * (the truth the screens are compared with) and its control API (faults, counts, the log).
 */
export const MOCK_ORIGIN = `http://127.0.0.1:${Number(process.env.MOCK_WS_PORT ?? 4010)}`;

export type Tenant = 'acme' | 'globex';
export type Session = { accessToken: string; refreshToken: string; tenant: string; userId: string };

async function asJson(res: Response, what: string): Promise<unknown> {
  const text = await res.text();
  if (!res.ok) throw new Error(`${what} answered ${res.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

export async function control<T = unknown>(verb: string, body?: unknown): Promise<T> {
  const init: RequestInit =
    body === undefined ? { method: 'GET' } : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  return (await asJson(await fetch(`${MOCK_ORIGIN}/__control/${verb}`, init), `${init.method} /__control/${verb}`)) as T;
}

export async function login(email: string, tenant?: Tenant): Promise<Session> {
  const res = await fetch(`${MOCK_ORIGIN}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(tenant ? { email, tenant_id: tenant } : { email }),
  });
  const body = (await asJson(res, `sign-in of ${email}`)) as { access_token: string; refresh_token: string; tenant_id: string; user: { id: string } };
  return { accessToken: body.access_token, refreshToken: body.refresh_token, tenant: body.tenant_id, userId: body.user.id };
}

/** One REST call; answers status and body, never throws on an HTTP error (the driver counts those). */
export async function rest<T = unknown>(session: Session, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { authorization: `Bearer ${session.accessToken}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${MOCK_ORIGIN}/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

export async function get<T>(session: Session, path: string): Promise<T> {
  const res = await rest<T>(session, 'GET', path);
  if (res.status !== 200) throw new Error(`GET /api${path} answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
  return res.body;
}

export type ChaosCounts = {
  dropped: number;
  duplicated: number;
  reordered: number;
  malformed: number;
  disconnected: number;
  rest_delayed: number;
};

export type LogEntry = {
  seq: number;
  at: number;
  kind: 'rest' | 'ws_out' | 'ws_in' | 'handshake' | 'close';
  type?: string;
  chaos?: string;
  outcome?: string;
  tenant?: string | null;
  connection_id?: string;
  path?: string;
  status?: number;
};

export async function logSince(seq: number, kind?: LogEntry['kind']): Promise<{ entries: LogEntry[]; last_seq: number }> {
  const query = new URLSearchParams({ since: String(seq), ...(kind ? { kind } : {}) });
  return control(`log?${query}`);
}

export type Handshake = { at: number; outcome: 'accepted' | 'refused'; status: number; reason: string; tenant: string | null };
export async function connections(): Promise<{ open: Array<{ id: string; tenant: string; user_id: string }>; handshakes: Handshake[] }> {
  return control('connections');
}
