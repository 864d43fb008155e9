import { WebSocket } from 'ws';
import { decodeFrame, type WireAuthResponse } from '../../lib/protocol';
import { createMockServer, type MockServer, type MockServerOptions } from '../mock-server';

/** Test helpers: a real server on port 0, real fetch, real `ws` clients. */

export const SEED_DATE = '2026-11-27T00:00:00.000Z';

export function startServer(options: MockServerOptions = {}): Promise<MockServer> {
  return createMockServer({ port: 0, seedDate: SEED_DATE, ...options });
}

export type Reply<T = unknown> = { status: number; body: T; headers: Headers };

export async function api<T = any>( // eslint-disable-line @typescript-eslint/no-explicit-any
  server: MockServer,
  path: string,
  init: { method?: string; token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let body: string | undefined = init.rawBody;
  if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(`${server.url}${path}`, {
    method: init.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    body,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

export async function login(server: MockServer, email = 'ava@acme.test', tenantId?: string): Promise<WireAuthResponse> {
  const res = await api<WireAuthResponse>(server, '/api/auth/login', {
    body: tenantId ? { email, tenant_id: tenantId } : { email },
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function control<T = any>(
  server: MockServer,
  verb: string,
  body?: unknown,
  method = body === undefined ? 'GET' : 'POST',
) {
  return api<T>(server, `/__control/${verb}`, { method, body });
}

export type Frame = { type: string; id?: string; timestamp: string; data?: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A real client socket that records every frame it gets and lets a test wait for one. */
export class TestSocket {
  readonly raw: Array<{ data: string; binary: boolean }> = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters: Array<() => void> = [];

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer, binary) => {
      this.raw.push({ data: data.toString('utf8'), binary });
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.closed = new Promise((resolve) =>
      ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
  }

  /** Frames that parse as JSON. */
  get frames(): Frame[] {
    const out: Frame[] = [];
    for (const { data } of this.raw) {
      try {
        out.push(JSON.parse(data) as Frame);
      } catch {
        // malformed frames stay in `raw`
      }
    }
    return out;
  }

  events(): Frame[] {
    return this.frames.filter((f) => f.type !== 'ping' && f.type !== 'pong' && f.type !== 'error');
  }

  /** Wait until `count` frames match, or fail after `timeoutMs`. */
  async waitFor(match: (f: Frame) => boolean, count = 1, timeoutMs = 3_000): Promise<Frame[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.frames.filter(match);
      if (found.length >= count) return found;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `timed out waiting for ${count} frame(s); got ${JSON.stringify(this.frames.map((f) => f.type))}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  waitForRaw(count: number, timeoutMs = 3_000): Promise<void> {
    return this.waitForAny(() => this.raw.length >= count, timeoutMs);
  }

  private async waitForAny(done: () => boolean, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out; got ${this.raw.length} frame(s)`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  send(data: unknown): void {
    this.ws.send(typeof data === 'string' || Buffer.isBuffer(data) ? data : JSON.stringify(data));
  }

  close(): Promise<{ code: number; reason: string }> {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.close();
    return this.closed;
  }
}

export function socketUrl(server: MockServer, token: string, tenant?: string): string {
  const params = new URLSearchParams({ access_token: token });
  if (tenant !== undefined) params.set('tenant', tenant);
  return `${server.wsUrl}?${params}`;
}

export function connect(
  server: MockServer,
  token: string,
  opts: { tenant?: string; origin?: string } = {},
): Promise<TestSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(
      socketUrl(server, token, opts.tenant ?? 'acme'),
      opts.origin ? { origin: opts.origin } : {},
    );
    const socket = new TestSocket(ws);
    ws.once('open', () => resolve(socket));
    ws.once('error', reject);
  });
}

/** Try a handshake that should be refused; resolve with the HTTP status it got. */
export function refusedStatus(url: string, origin?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, origin ? { origin } : {});
    ws.once('open', () => {
      ws.terminate();
      reject(new Error('handshake was accepted'));
    });
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
      ws.terminate();
    });
    ws.once('error', () => {});
  });
}

/** Every frame must pass the app's own parser. */
export function expectValidFrames(frames: Array<{ data: string }>): void {
  for (const { data } of frames) {
    const result = decodeFrame(data);
    if (!result.ok) throw new Error(`frame rejected (${result.reason}): ${result.message}`);
  }
}

export const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
