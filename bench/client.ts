import { hashKey, QueryClient, type QueryKey } from '@tanstack/query-core';

/** Counts query-function calls: each one is a refetch that would have hit the REST API. */
export class FetchCounter {
  calls = 0;
  readonly byHash = new Map<string, number>();

  record(queryKey: QueryKey): void {
    this.calls++;
    const hash = hashKey(queryKey);
    this.byHash.set(hash, (this.byHash.get(hash) ?? 0) + 1);
  }

  /** The most refetches any one key saw. */
  maxPerKey(): number {
    let max = 0;
    for (const n of this.byHash.values()) if (n > max) max = n;
    return max;
  }

  reset(): void {
    this.calls = 0;
    this.byHash.clear();
  }
}

/**
 * A real QueryClient whose every query function counts its call and resolves at once with the data
 * already cached: a REST round trip that costs nothing, so refetches show up as a count, not as time
 * spent waiting. `staleTime: Infinity` is what a realtime app uses (data stays fresh until the bridge
 * says otherwise), so mounting observers fetches nothing; `gcTime: Infinity` keeps the process free of
 * garbage-collection timers.
 */
export function createBenchClient(counter: FetchCounter): QueryClient {
  const client: QueryClient = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: Infinity,
        gcTime: Infinity,
        retry: false,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        queryFn: ({ queryKey }) => {
          counter.record(queryKey);
          return Promise.resolve(client.getQueryData(queryKey) ?? null);
        },
      },
    },
  });
  return client;
}
