// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { focusManager, QueryObserver } from '@tanstack/react-query';
import { createQueryClient, isRealtimeLive, QUERY_DEFAULTS, setRealtimeLive } from '../query-client';
import { ApiError } from '../api-error';

afterEach(() => {
  vi.useRealTimers();
  focusManager.setFocused(undefined);
});

function observe(client: ReturnType<typeof createQueryClient>, queryFn: () => Promise<number>) {
  const observer = new QueryObserver(client, { queryKey: ['goals', 'list', {}], queryFn });
  const unsubscribe = observer.subscribe(() => {});
  return { observer, unsubscribe };
}

describe('createQueryClient', () => {
  it('polls while realtime is not live and stops polling as soon as it is', async () => {
    vi.useFakeTimers();
    const client = createQueryClient();
    const queryFn = vi.fn(async () => 1);
    const { unsubscribe } = observe(client, queryFn);
    await vi.advanceTimersByTimeAsync(0);
    expect(queryFn).toHaveBeenCalledTimes(1);

    await vi.advanceTimersByTimeAsync(QUERY_DEFAULTS.pollIntervalMs);
    expect(queryFn).toHaveBeenCalledTimes(2);

    setRealtimeLive(client, true);
    expect(isRealtimeLive(client)).toBe(true);
    await vi.advanceTimersByTimeAsync(QUERY_DEFAULTS.pollIntervalMs * 3);
    expect(queryFn).toHaveBeenCalledTimes(2);

    setRealtimeLive(client, false);
    await vi.advanceTimersByTimeAsync(QUERY_DEFAULTS.pollIntervalMs);
    expect(queryFn).toHaveBeenCalledTimes(3);
    unsubscribe();
    client.clear();
  });

  it('refetches on focus only while realtime is not live', async () => {
    vi.useFakeTimers();
    const client = createQueryClient({ fallbackStaleTimeMs: 0 });
    client.mount();
    const queryFn = vi.fn(async () => 1);
    const { unsubscribe } = observe(client, queryFn);
    await vi.advanceTimersByTimeAsync(0);

    setRealtimeLive(client, true);
    focusManager.setFocused(false);
    focusManager.setFocused(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(queryFn).toHaveBeenCalledTimes(1);

    setRealtimeLive(client, false);
    focusManager.setFocused(false);
    focusManager.setFocused(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(queryFn).toHaveBeenCalledTimes(2);
    unsubscribe();
    client.unmount();
  });

  it('uses a long staleTime while live', () => {
    const client = createQueryClient();
    const query = client.getQueryCache().build(client, { queryKey: ['x'] });
    const staleTime = client.getDefaultOptions().queries?.staleTime as unknown as (q: typeof query) => number;
    expect(staleTime(query)).toBe(QUERY_DEFAULTS.fallbackStaleTimeMs);
    setRealtimeLive(client, true);
    expect(staleTime(query)).toBe(QUERY_DEFAULTS.liveStaleTimeMs);
  });

  it('does not retry errors that will repeat (4xx) but retries server and network errors', () => {
    const retry = createQueryClient().getDefaultOptions().queries?.retry as (n: number, e: unknown) => boolean;
    expect(retry(0, new ApiError(404, 'not_found', 'x'))).toBe(false);
    expect(retry(0, new ApiError(401, 'session_expired', 'x'))).toBe(false);
    expect(retry(0, new ApiError(503, 'internal_error', 'x'))).toBe(true);
    expect(retry(0, new ApiError(0, 'network_error', 'x'))).toBe(true);
    expect(retry(QUERY_DEFAULTS.maxRetries, new ApiError(503, 'internal_error', 'x'))).toBe(false);
  });
});
