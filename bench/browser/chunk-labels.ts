/**
 * Names for the built JS chunks that long animation frames blame. Production chunks have hashed names
 * and minified code, but some strings survive minification; each marker says which code a chunk holds.
 */

export const BRIDGE_LABEL = 'realtime bridge';

export const CHUNK_MARKERS: ReadonlyArray<{ label: string; pattern: RegExp }> = [
  { label: BRIDGE_LABEL, pattern: /createCacheBridge/ },
  { label: 'partysocket', pattern: /partysocket/ },
  { label: 'TanStack Query', pattern: /queryHash/ },
  { label: 'React DOM', pattern: /Minified React error|react-dom/ },
  { label: 'zod', pattern: /ZodError|\$ZodType/ },
  { label: 'Next.js runtime', pattern: /__NEXT_DATA__|next-router|__next_f/ },
  { label: 'bench probe', pattern: /__benchProbe/ },
];

export function labelChunk(text: string): string {
  return CHUNK_MARKERS.filter((m) => m.pattern.test(text)).map((m) => m.label).join(' + ');
}

/** Fetch each app-relative script path once and label it; a path that cannot be fetched keeps no label. */
export async function fetchChunkLabels(appUrl: string, paths: Iterable<string>): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  for (const path of new Set(paths)) {
    if (!path.startsWith('/')) continue;
    try {
      const res = await fetch(new URL(path, appUrl), { signal: AbortSignal.timeout(5_000) });
      if (res.ok) labels.set(path, labelChunk(await res.text()));
    } catch {
      // unlabelled: the report shows the file name instead
    }
  }
  return labels;
}
