import { QueryClient, type Query } from '@tanstack/react-query';
import { isRetryable } from './api-error';

/**
 * QueryClient defaults for a cache the socket keeps current. While the socket is live, data is
 * pushed: no focus refetch, a long staleTime, no polling. When realtime is off or the socket is
 * down, queries fall back to polling and refetch on focus.
 */
export const QUERY_DEFAULTS = {
  liveStaleTimeMs: 5 * 60_000,
  fallbackStaleTimeMs: 5_000,
  pollIntervalMs: 15_000,
  gcTimeMs: 10 * 60_000,
  maxRetries: 2,
} as const;

export type QueryClientSettings = Partial<Record<keyof typeof QUERY_DEFAULTS, number>>;

type Freshness = { live: boolean };
const freshnessByClient = new WeakMap<QueryClient, Freshness>();

export function createQueryClient(settings: QueryClientSettings = {}): QueryClient {
  const s = { ...QUERY_DEFAULTS, ...settings };
  const freshness: Freshness = { live: false };
  const client = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: () => (freshness.live ? s.liveStaleTimeMs : s.fallbackStaleTimeMs),
        refetchInterval: () => (freshness.live ? false : s.pollIntervalMs),
        refetchOnWindowFocus: () => !freshness.live,
        gcTime: s.gcTimeMs,
        retry: (failureCount, error) => isRetryable(error) && failureCount < s.maxRetries,
      },
      mutations: { retry: false },
    },
  });
  freshnessByClient.set(client, freshness);
  return client;
}

export function isRealtimeLive(client: QueryClient): boolean {
  return freshnessByClient.get(client)?.live ?? false;
}

/**
 * Switch between pushed and polled freshness. Observers only recompute their timers when their
 * options are set, so each mounted observer is nudged to pick up the new interval at once.
 */
export function setRealtimeLive(client: QueryClient, live: boolean): void {
  const freshness = freshnessByClient.get(client);
  if (!freshness || freshness.live === live) return;
  freshness.live = live;
  for (const query of client.getQueryCache().getAll() as Query[]) {
    for (const observer of query.observers) observer.setOptions(observer.options);
  }
}
