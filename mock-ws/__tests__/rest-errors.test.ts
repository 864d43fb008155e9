import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restErrorBodySchema } from '../../lib/protocol';
import type { MockServer } from '../mock-server';
import { api, login, startServer } from './helpers';

let server: MockServer;
let token: string;
const printed: string[] = [];
beforeAll(async () => {
  server = await startServer({ allowedOrigins: ['http://127.0.0.1:3110'], print: (line) => printed.push(line) });
  token = (await login(server)).access_token;
});
afterAll(() => server.close());

describe('bad input never crashes the server', () => {
  it('answers GET /health', async () => {
    expect(await api(server, '/health')).toMatchObject({ status: 200, body: { ok: true } });
  });

  it('answers invalid JSON with 400 invalid_json', async () => {
    const res = await api(server, '/api/goals', {
      token,
      method: 'POST',
      rawBody: '{"title": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(restErrorBodySchema.parse(res.body).error.code).toBe('invalid_json');
    expect(res.body.error.message).toContain('not valid JSON');
  });

  it('answers a JSON body that is not an object with 400 validation_failed', async () => {
    const res = await api(server, '/api/goals', { token, body: ['title'] });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
  });

  it('answers bodies over 64 KB with 413', async () => {
    const res = await api(server, '/api/goals', { token, body: { title: 'x', description: 'y'.repeat(70 * 1024) } });
    expect(res.status).toBe(413);
    expect(res.body.error).toEqual({
      code: 'payload_too_large',
      message: 'Request body is larger than 65536 bytes. Send a smaller body.',
    });
    expect((await api(server, '/api/goals', { token })).status).toBe(200);
  });

  it('answers 413 for a streamed (chunked) body that grows too large', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        `${server.url}/api/goals`,
        { method: 'POST', headers: { authorization: `Bearer ${token}`, 'transfer-encoding': 'chunked' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      for (let i = 0; i < 10; i++) req.write('z'.repeat(10 * 1024));
      req.end();
    });
    expect(status).toBe(413);
  });

  it('never lets hostile keys in a body reach a prototype or an entity', async () => {
    const res = await api(server, '/api/goals', {
      token,
      method: 'POST',
      rawBody:
        '{"title":"x","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"owner_id":"u-2"}',
    });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body).sort()).toEqual([
      'created_at',
      'description',
      'id',
      'owner_id',
      'progress',
      'status',
      'title',
      'updated_at',
    ]);
    expect(res.body.owner_id).toBe('u-1');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers unknown routes with 404 and wrong methods with 405', async () => {
    const missing = await api(server, '/api/projects', { token });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
    expect((await api(server, '/nowhere')).status).toBe(404);
    const wrong = await api(server, '/api/goals/g-1', { token, method: 'DELETE' });
    expect(wrong.status).toBe(405);
    expect(wrong.body.error.code).toBe('method_not_allowed');
    expect(wrong.headers.get('allow')).toBe('GET, PATCH');
  });

  it('turns an unexpected throw into 500 internal_error and logs it', async () => {
    const row = server.state.store.db.goals.get('g-2')!;
    Object.defineProperty(row, 'value', {
      get() {
        throw new Error('boom');
      },
    });
    const res = await api(server, '/api/goals/g-2', { token });
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe('internal_error');
    expect(printed.some((line) => line.includes('internal error on GET /api/goals/g-2') && line.includes('boom'))).toBe(
      true,
    );
    expect((await api(server, '/api/goals/g-1', { token })).status).toBe(200);
  });
});

describe('CORS on /api', () => {
  it("answers an allowed origin's preflight with 204 and the allowed headers and methods", async () => {
    const res = await fetch(`${server.url}/api/goals/g-1`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://127.0.0.1:3110',
        'access-control-request-method': 'PATCH',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3110');
    expect(res.headers.get('access-control-allow-methods')).toBe('GET, POST, PATCH, OPTIONS');
    expect(res.headers.get('access-control-allow-headers')).toBe('Authorization, Content-Type');
  });

  it("refuses a foreign origin's preflight and sends no allow-origin to it", async () => {
    const pre = await fetch(`${server.url}/api/goals`, { method: 'OPTIONS', headers: { origin: 'http://evil.test' } });
    expect(pre.status).toBe(403);
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    const get = await api(server, '/api/goals', { token, headers: { origin: 'http://evil.test' } });
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('adds the allow-origin header to real responses, errors included', async () => {
    const ok = await api(server, '/api/goals', { token, headers: { origin: 'http://127.0.0.1:3110' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3110');
    const denied = await api(server, '/api/goals', { headers: { origin: 'http://127.0.0.1:3110' } });
    expect(denied.status).toBe(401);
    expect(denied.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3110');
  });
});
