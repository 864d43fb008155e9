import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RecordedRequest = { method: string; path: string; headers: IncomingHttpHeaders; body: unknown };
export type Reply = { status?: number; body?: unknown; raw?: string; delayMs?: number };
export type Handler = (req: RecordedRequest) => Reply | Promise<Reply>;

/** A real HTTP server on 127.0.0.1, port 0, answering with `handler` and recording every request. */
export async function startTestServer(handler: Handler) {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', async () => {
      let body: unknown = undefined;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = text;
      }
      const recorded = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body };
      requests.push(recorded);
      const reply = await handler(recorded);
      if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
      const payload = reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json' });
      res.end(payload);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

export const NOW_ISO = '2026-11-27T10:00:00.000Z';

export function wireGoal(overrides: Record<string, unknown> = {}) {
  return {
    id: 'g-1',
    title: 'Hire two engineers',
    description: 'For the platform team',
    status: 'active',
    owner_id: 'u-ava',
    progress: 40,
    created_at: NOW_ISO,
    updated_at: NOW_ISO,
    ...overrides,
  };
}

export function wireAuth(overrides: Record<string, unknown> = {}) {
  return {
    access_token: 'access-1',
    refresh_token: 'refresh-1',
    expires_in: 600,
    tenant_id: 'acme',
    user: {
      id: 'u-max',
      name: 'Max',
      email: 'max@acme.test',
      tenants: [
        { id: 'acme', name: 'Acme Corp' },
        { id: 'globex', name: 'Globex' },
      ],
    },
    ...overrides,
  };
}

/** A Storage that lives in memory, like sessionStorage in one tab. */
export function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
    removeItem: (key: string) => void map.delete(key),
  };
}
