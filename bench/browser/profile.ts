import type { CDPSession, Page } from '@playwright/test';
import { snippet, type Chunk } from './chunk-labels';

/**
 * `--profile`: a sampling CPU profile of each screen's main thread while a rate streams, summed by the
 * chunk each sampled function lives in. Long-frame attribution names only the entry point (the socket
 * handler); this says where the time inside it went (bridge, TanStack Query, React DOM, GC, ...).
 */

export const PROFILE_DEFAULTS = {
  /** Sampling interval in µs: fine enough for 5 s runs, cheap enough not to move the figures much. */
  samplingUs: 500,
  top: 6,
};

type CallFrame = { url: string; functionName: string; lineNumber?: number; columnNumber?: number };
export type CpuProfile = {
  nodes: Array<{ id: number; callFrame: CallFrame }>;
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
};
export type ProfileShare = { what: string; ms: number; share: number };
export type ProfileSummary = {
  totalMs: number;
  busyMs: number;
  /** By chunk. */
  top: ProfileShare[];
  /** By function within its chunk (names survive minification where they are properties or methods). */
  functions: ProfileShare[];
};

export async function startProfile(page: Page): Promise<CDPSession> {
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: PROFILE_DEFAULTS.samplingUs });
  await session.send('Profiler.start');
  return session;
}

export async function stopProfile(session: CDPSession): Promise<CpuProfile> {
  const { profile } = (await session.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  await session.detach().catch(() => {});
  return profile;
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url; // not a URL (e.g. the probe's sourceURL)
  }
}

/** Where a sampled function lives: a labelled chunk, a file name, or V8's own buckets such as (garbage collector). */
function bucketOf(frame: CallFrame, chunks: ReadonlyMap<string, Chunk>): string {
  if (!frame.url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  const path = pathOf(frame.url);
  return chunks.get(path)?.label || path.split('/').pop() || frame.url;
}

/** A function's name, or for a minified one (short or anonymous) the code it starts with. */
function nameOf(frame: CallFrame, chunks: ReadonlyMap<string, Chunk>): string {
  if (frame.functionName.length > 3) return frame.functionName;
  const code = snippet(chunks.get(pathOf(frame.url)), frame.lineNumber ?? 0, frame.columnNumber ?? 0);
  const name = frame.functionName || 'anonymous';
  return code ? `${name} \`${code}…\`` : `${name} at ${frame.lineNumber ?? 0}:${frame.columnNumber ?? 0}`;
}

/** Self time per bucket, from the samples and their time deltas; idle time is left out of the shares. */
export function summarizeProfile(
  profile: CpuProfile,
  chunks: ReadonlyMap<string, Chunk> = new Map(),
  top = PROFILE_DEFAULTS.top,
): ProfileSummary {
  const nodeById = new Map(
    profile.nodes.map((n) => {
      const bucket = bucketOf(n.callFrame, chunks);
      const fn = n.callFrame.url ? `${bucket}: ${nameOf(n.callFrame, chunks)}` : bucket;
      return [n.id, { bucket, fn }];
    }),
  );
  const byBucket = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    // A sample's time is the gap until the next sample.
    const ms = (deltas[i + 1] ?? 0) / 1_000;
    const node = nodeById.get(samples[i]!) ?? { bucket: '(unknown)', fn: '(unknown)' };
    byBucket.set(node.bucket, (byBucket.get(node.bucket) ?? 0) + ms);
    byFunction.set(node.fn, (byFunction.get(node.fn) ?? 0) + ms);
  }
  byBucket.delete('(idle)');
  byFunction.delete('(idle)');
  const busyMs = [...byBucket.values()].reduce((a, b) => a + b, 0);
  const shares = (map: Map<string, number>) =>
    [...map]
      .map(([what, ms]) => ({ what, ms, share: busyMs > 0 ? ms / busyMs : 0 }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top);
  return {
    totalMs: (profile.endTime - profile.startTime) / 1_000,
    busyMs,
    top: shares(byBucket),
    functions: shares(byFunction),
  };
}
