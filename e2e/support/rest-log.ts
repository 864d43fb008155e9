import type { LogEntry } from './control-client';

type RestEntry = Extract<LogEntry, { kind: 'rest' }>;

/** `/api/actions?status=done&goal_id=g-2` → `/api/actions?goal_id=g-2&status=done`: one spelling per request. */
export function normalizePath(path: string): string {
  const [pathname = '', query = ''] = path.split('?', 2);
  const params = [...new URLSearchParams(query)].sort(([a], [b]) => a.localeCompare(b));
  return params.length === 0 ? pathname : `${pathname}?${new URLSearchParams(params)}`;
}

/** REST entries of the log, optionally only one method, with normalized paths. */
export function restEntries(entries: readonly LogEntry[], method?: string): RestEntry[] {
  return entries
    .filter((e): e is RestEntry => e.kind === 'rest' && (method === undefined || e.method === method))
    .map((e) => ({ ...e, path: normalizePath(e.path) }));
}

/** `GET` paths the app requested, sorted, so two lists compare as multisets. */
export function getPaths(entries: readonly LogEntry[]): string[] {
  return restEntries(entries, 'GET')
    .map((e) => e.path)
    .sort();
}

/** How many times each path appears. */
export function countPaths(paths: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const path of paths) counts[path] = (counts[path] ?? 0) + 1;
  return counts;
}

/** Handshake log entries (accepted and refused), oldest first. */
export function handshakes(entries: readonly LogEntry[]) {
  return entries.filter((e): e is Extract<LogEntry, { kind: 'handshake' }> => e.kind === 'handshake');
}
