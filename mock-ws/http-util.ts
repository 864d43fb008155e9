import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from './api-error';

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  sendText(res, status, body === undefined ? '' : JSON.stringify(body), headers);
}

/** Send an already serialised JSON body (serialised early, so a delayed response still shows the data of its time). */
export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, {
    ...headers,
    ...(text ? { 'Content-Type': 'application/json; charset=utf-8' } : {}),
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

export function errorBody(error: ApiError) {
  return { error: { code: error.code, message: error.message } };
}

/**
 * Read a request body up to `limit` bytes. A larger body is drained (so the client can read the 413)
 * up to `maxDrain` bytes; past that the connection is closed after the response.
 */
export function readBody(req: IncomingMessage, limit: number, maxDrain: number): Promise<string> {
  const tooLarge = () =>
    new ApiError(413, 'payload_too_large', `Request body is larger than ${limit} bytes. Send a smaller body.`, {
      Connection: 'close',
    });
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxDrain) {
    req.resume();
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = Number.isFinite(declared) && declared > limit;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      if (!over) chunks.push(chunk);
      else chunks.length = 0;
      if (size > maxDrain) {
        req.removeAllListeners('data');
        req.resume();
        reject(tooLarge());
      }
    });
    req.on('end', () => (over ? reject(tooLarge()) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

/** An empty body reads as `{}` so that validation names the missing fields. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'unreadable';
    throw new ApiError(
      400,
      'invalid_json',
      `Request body is not valid JSON (${detail.slice(0, 120)}). Send a JSON object.`,
    );
  }
}

export const sleep = (ms: number, timers: Set<NodeJS.Timeout>) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      resolve();
    }, ms);
    timers.add(timer);
  });
