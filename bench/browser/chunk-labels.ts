/**
 * Names for the built JS chunks that long animation frames blame. Production chunks have hashed names
 * and minified code, but some strings survive minification; each marker says which code a chunk holds.
 */

export const BRIDGE_LABEL = 'realtime bridge';

export const CHUNK_MARKERS: ReadonlyArray<{ label: string; pattern: RegExp }> = [
  { label: BRIDGE_LABEL, pattern: /createCacheBridge/ },
  { label: 'partysocket', pattern: /partysocket/ },
  { label: 'TanStack Query', pattern: /No QueryClient set|Missing queryFn/ },
  { label: 'React DOM', pattern: /Minified React error/ },
  { label: 'zod', pattern: /ZodError/ },
  // Turbopack puts app components in shared chunks too: their CSS class names give them away.
  { label: 'app UI', pattern: /pp-progress|pp-flash/ },
  { label: 'Next.js runtime', pattern: /__NEXT_DATA__|next-router|__next_f/ },
];

export function labelChunk(text: string): string {
  return CHUNK_MARKERS.filter((m) => m.pattern.test(text))
    .map((m) => m.label)
    .join(' + ');
}

export type Chunk = { label: string; text: string };

/** Fetch each app-relative script path once and label it; a path that cannot be fetched is left out. */
export async function fetchChunks(appUrl: string, paths: Iterable<string>): Promise<Map<string, Chunk>> {
  const chunks = new Map<string, Chunk>();
  for (const path of new Set(paths)) {
    if (!path.startsWith('/')) continue;
    try {
      const res = await fetch(new URL(path, appUrl), { signal: AbortSignal.timeout(5_000) });
      if (res.ok) {
        const text = await res.text();
        chunks.set(path, { label: labelChunk(text), text });
      }
    } catch {
      // unlabelled: the report shows the file name instead
    }
  }
  return chunks;
}

export function labelsOf(chunks: ReadonlyMap<string, Chunk>): Map<string, string> {
  return new Map([...chunks].map(([path, chunk]) => [path, chunk.label]));
}

/** The code at a 0-based line and column of a chunk, for naming minified functions in a report. */
export function snippet(chunk: Chunk | undefined, line: number, column: number, length = 60): string | undefined {
  const text = chunk?.text.split('\n')[line]?.slice(column, column + length);
  return text ? text.replace(/\s+/g, ' ') : undefined;
}
