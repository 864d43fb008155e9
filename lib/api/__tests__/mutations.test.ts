import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MutationObserver, QueryClient, QueryObserver, type UseMutationOptions } from '@tanstack/react-query';
import { actionMutations } from '../actions';
import { createApiClient } from '../client';
import { goalMutations, goalQueries } from '../goals';
import { goalKeys } from '../keys';
import { undoneMessage } from '../mutation-helpers';
import { getOwnWrites } from '../own-writes';
import { setSharedInstances } from '../shared';
import type { ListResponse, Goal } from '../types';
import { NOW_ISO, startTestServer, wireGoal, type TestServer, type Reply } from './test-server';

let server: TestServer;
let client: QueryClient;
let patchReply: () => Reply;

beforeEach(async () => {
  patchReply = () => ({
    body: wireGoal({ status: 'completed', progress: 100, updated_at: '2026-11-27T10:05:00.000Z' }),
  });
  server = await startTestServer((req) => {
    if (req.method === 'GET' && req.path.startsWith('/api/goals?')) return { body: { items: [wireGoal()] } };
    if (req.method === 'GET' && req.path === '/api/goals') return { body: { items: [wireGoal()] } };
    if (req.method === 'PATCH' && req.path === '/api/goals/g-1') return patchReply();
    if (req.method === 'PATCH' && req.path === '/api/actions/a-1') {
      return {
        status: 422,
        body: { error: { code: 'validation_failed', message: 'progress must be between 0 and 100' } },
      };
    }
    return { status: 404, body: { error: { code: 'not_found', message: `No route ${req.path}` } } };
  });
  setSharedInstances({
    apiClient: createApiClient({
      baseUrl: server.baseUrl,
      auth: { getAccessToken: () => 't', refresh: async () => {} },
    }),
  });
  client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
});

afterEach(async () => {
  setSharedInstances({ apiClient: null });
  client.clear();
  await server.close();
});

function run<TData, TVars, TResult>(options: UseMutationOptions<TData, Error, TVars, TResult>, vars: TVars) {
  return new MutationObserver(client, options).mutate(vars);
}

describe('queries', () => {
  it('goalQueries.list fetches with the filter and stores { items } camelCased under the factory key', async () => {
    const data = await client.fetchQuery(goalQueries.list({ status: 'active' }));
    expect(server.requests[0]?.path).toBe('/api/goals?status=active');
    expect(data.items[0]?.ownerId).toBe('u-ava');
    expect(client.getQueryData(goalKeys.list({ status: 'active' }))).toBe(data);
  });
});

describe('goalMutations.setStatus', () => {
  it('changes the status at once, then stores the server entity', async () => {
    await client.fetchQuery(goalQueries.list());
    const slow = patchReply;
    patchReply = () => ({ ...slow(), delayMs: 100 });
    const pending = run(goalMutations.setStatus(), { id: 'g-1', status: 'completed' });
    await vi.waitFor(() =>
      expect(client.getQueryData<ListResponse<Goal>>(goalKeys.list())?.items[0]).toMatchObject({
        status: 'completed',
        updatedAt: NOW_ISO,
      }),
    );
    expect(
      getOwnWrites().isOwnEvent({
        type: 'goal.completed',
        timestamp: NOW_ISO,
        data: { goalId: 'g-1', previousStatus: 'active', status: 'completed', updatedAt: NOW_ISO },
      }),
    ).toBe(true);
    await pending;
    expect(client.getQueryData<ListResponse<Goal>>(goalKeys.list())?.items[0]).toMatchObject({
      status: 'completed',
      progress: 100,
      updatedAt: '2026-11-27T10:05:00.000Z',
    });
    expect(server.requests.at(-1)?.body).toEqual({ status: 'completed' });
  });

  it('rolls back when the server refuses, with a message that says so', async () => {
    patchReply = () => ({
      status: 409,
      body: { error: { code: 'conflict', message: 'A cancelled goal cannot be completed' } },
    });
    await client.fetchQuery(goalQueries.list());
    const error = await run(goalMutations.setStatus(), { id: 'g-1', status: 'completed' }).catch((e: unknown) => e);
    expect(client.getQueryData<ListResponse<Goal>>(goalKeys.list())?.items[0]).toMatchObject({ status: 'active' });
    expect(undoneMessage('complete', 'Hire two engineers', error)).toBe(
      "Couldn't complete 'Hire two engineers': A cancelled goal cannot be completed. The change was undone.",
    );
  });

  it('keeps a newer echoed event rather than the older PATCH response', async () => {
    await client.fetchQuery(goalQueries.list());
    patchReply = () => ({
      body: wireGoal({ status: 'completed', updated_at: '2026-11-27T10:01:00.000Z' }),
      delayMs: 30,
    });
    const pending = run(goalMutations.setStatus(), { id: 'g-1', status: 'completed' });
    await new Promise((r) => setTimeout(r, 5));
    // The bridge applied a later change from someone else while the PATCH was in flight.
    client.setQueryData<ListResponse<Goal>>(goalKeys.list(), (old) => ({
      items: old!.items.map((g) => ({ ...g, status: 'cancelled' as const, updatedAt: '2026-11-27T10:02:00.000Z' })),
    }));
    await pending;
    expect(client.getQueryData<ListResponse<Goal>>(goalKeys.list())?.items[0]).toMatchObject({ status: 'cancelled' });
  });
});

describe('actionMutations.update', () => {
  it('applies done ⇒ 100% optimistically and rolls back on a validation error', async () => {
    const action = {
      id: 'a-1',
      goalId: 'g-1',
      title: 'Post job ad',
      status: 'in_progress' as const,
      priority: 'high' as const,
      assigneeId: 'u-ben',
      progress: 40,
      dueDate: null,
      createdAt: NOW_ISO,
      updatedAt: NOW_ISO,
    };
    client.setQueryData(['actions', 'list', {}], { items: [action] });
    const observer = new QueryObserver(client, { queryKey: ['actions', 'list', {}], enabled: false });
    const seen: unknown[] = [];
    const unsubscribe = observer.subscribe((r) =>
      seen.push((r.data as ListResponse<typeof action>).items[0]?.progress),
    );
    await run(actionMutations.update(), { id: 'a-1', patch: { status: 'done' } }).catch(() => undefined);
    unsubscribe();
    expect(seen).toContain(100);
    expect(client.getQueryData<ListResponse<typeof action>>(['actions', 'list', {}])?.items[0]).toMatchObject({
      status: 'in_progress',
      progress: 40,
    });
  });
});
