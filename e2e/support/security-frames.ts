import { rejectedFrames, type HostileFrame } from '../../lib/realtime/__tests__/fixtures/hostile-frames';

/**
 * A sample of the unit tests' hostile-frame corpus for the browser: every rejection reason, the
 * hostile keys, the binary frames and the over-limit ones, each as a send-raw body for mock-ws.
 */
export type RawBody = { frame: string; binary?: boolean; encoding?: 'base64' };

const SAMPLE_NAMES = [
  'an empty frame',
  'a truncated frame',
  'a byte-order mark',
  'NaN as a value',
  'null',
  'an array of frames',
  '__proto__ at the top',
  '__proto__ inside the goal',
  'constructor 40 levels down',
  'prototype in an array element',
  'an escaped __proto__ key',
  "mock-ws chaos's own hostile stand-in",
  'arrays nested 60,000 deep in data',
  'a frame of 129 KB',
  '66,000 two-byte characters (under the limit in characters, over it in bytes)',
  'a 100,000-character title',
  'progress as a string',
  'a reading value as a string',
  'an impossible timestamp',
  'no type',
  'a goal.created without its goal',
  'an unknown event type',
  'the type "__proto__"',
  'a type smuggling a token',
  'a binary frame holding valid JSON',
  'random bytes',
];

export const browserSample: HostileFrame[] = SAMPLE_NAMES.map((name) => {
  const frame = rejectedFrames.find((f) => f.name === name);
  if (!frame) throw new Error(`security-frames: no rejected corpus frame named "${name}"`);
  return frame;
});

export function rawBody(frame: HostileFrame): RawBody {
  if (typeof frame.payload === 'string') return { frame: frame.payload };
  return { frame: Buffer.from(frame.payload).toString('base64'), binary: true, encoding: 'base64' };
}

export function expectedReasons(frames: readonly HostileFrame[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const frame of frames) out[frame.expect] = (out[frame.expect] ?? 0) + 1;
  return out;
}
