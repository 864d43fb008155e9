import type { IncomingMessage, ServerResponse } from 'node:http';

const CORS = {
  methods: 'GET, POST, PATCH, OPTIONS',
  headers: 'Authorization, Content-Type',
  maxAgeS: '600',
} as const;

/** Add CORS headers when the request comes from an allowed app origin. Returns whether it did. */
export function applyCors(req: IncomingMessage, res: ServerResponse, allowedOrigins: readonly string[]): boolean {
  res.setHeader('Vary', 'Origin');
  const origin = req.headers.origin;
  if (!origin || !allowedOrigins.includes(origin)) return false;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Allow-Methods', CORS.methods);
  res.setHeader('Access-Control-Allow-Headers', CORS.headers);
  res.setHeader('Access-Control-Max-Age', CORS.maxAgeS);
  return true;
}
