import { QueryClient } from '@tanstack/query-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { encodeEvent, exampleEvents } from '@/lib/protocol';
import { goalKeys } from '@/lib/api/keys';
import { createRealtimeRuntime, type ConnectOptions } from '../runtime';
import { startServer, until, type TestServer } from '../../__tests__/helpers/ws-server';

let server: TestServer;
let queryClient: QueryClient;
const logger = { warn: vi.fn(), error: vi.fn(), info: vi.fn() };

beforeEach(async () => {
  server = await startServer();
  queryClient = new QueryClient();
});
afterEach(async () => {
  queryClient.clear();
  await server.close();
});

const ACME = { tenantId: 'acme', userId: 'u-1' };
const options = (session = ACME): ConnectOptions => ({
  session,
  url: server.url,
  getAccessToken: () => 'tok-secret-abcdefgh',
  refreshToken: async () => {},
  WebSocket: NodeWebSocket,
  env: {},
  logger,
});

describe('realtime runtime', () => {
  it('has no bridge and no socket until attached and connected; controls are safe no-ops', () => {
    const runtime = createRealtimeRuntime('connecting', logger);
    expect(runtime.getBridge()).toBeNull();
    runtime.reconnectNow();
    runtime.resyncNow();
    const close = runtime.connect(options());
    close();
    expect(server.handshakes).toHaveLength(0);
  });

  it('publishes the attached bridge, and a late detach of an older bridge keeps the newer one', () => {
    const runtime = createRealtimeRuntime('connecting', logger);
    const listener = vi.fn();
    const off = runtime.subscribeBridge(listener);
    const detachFirst = runtime.attachBridge(queryClient);
    const first = runtime.getBridge();
    const detachSecond = runtime.attachBridge(queryClient);
    const second = runtime.getBridge();
    expect(second).not.toBe(first);
    detachFirst();
    expect(runtime.getBridge()).toBe(second);
    detachSecond();
    expect(runtime.getBridge()).toBeNull();
    expect(listener).toHaveBeenCalledTimes(3);
    off();
  });

  it('clears the cache only when one identity replaces another', () => {
    const runtime = createRealtimeRuntime('disabled', logger);
    queryClient.setQueryData(goalKeys.list({}), []);
    expect(runtime.identityGeneration(null, queryClient)).toBe(0);
    expect(runtime.identityGeneration(ACME, queryClient)).toBe(0);
    expect(runtime.identityGeneration(null, queryClient)).toBe(0);
    expect(runtime.identityGeneration({ ...ACME }, queryClient)).toBe(0);
    expect(queryClient.getQueryData(goalKeys.list({}))).toEqual([]);
    expect(runtime.identityGeneration({ tenantId: 'acme', userId: 'u-2' }, queryClient)).toBe(1);
    expect(queryClient.getQueryData(goalKeys.list({}))).toBeUndefined();
  });

  it('resets the bridge when it serves a new identity, and keeps the newest socket as the controlled one', async () => {
    const runtime = createRealtimeRuntime('connecting', logger);
    runtime.attachBridge(queryClient);
    const bridge = runtime.getBridge()!;
    const reset = vi.spyOn(bridge, 'reset');
    const closeAcme = runtime.connect(options());
    await until(() => runtime.store.getSnapshot().state === 'live', 'acme live');
    const closeGlobex = runtime.connect(options({ tenantId: 'globex', userId: 'u-1' }));
    expect(reset).toHaveBeenCalledTimes(1);
    closeAcme();
    await until(() => server.openCount() === 1 && server.handshakes.length === 2, 'globex only');
    runtime.reconnectNow();
    await until(() => server.handshakes.length === 3, 'reconnect of the globex socket');
    expect(server.handshakes.map((h) => h.tenant)).toEqual(['acme', 'globex', 'globex']);

    server.send(encodeEvent('goal.created', exampleEvents['goal.created'], { id: 'globex-1' }));
    await until(() => bridge.stats.getSnapshot().received === 1, 'event applied');
    closeGlobex();
    expect(runtime.store.getSnapshot().nextRetryAt).toBeNull();
  });

  it('reports a socket it cannot create as disabled with the reason', () => {
    const runtime = createRealtimeRuntime('connecting', logger);
    runtime.attachBridge(queryClient);
    runtime.connect({ ...options(), url: 'nope' });
    expect(runtime.store.getSnapshot()).toMatchObject({
      state: 'disabled',
      lastError: expect.stringMatching(/not a ws:/),
    });
    expect(logger.error).toHaveBeenCalled();
    runtime.disable('Realtime is off.');
    expect(runtime.store.getSnapshot().lastError).toBe('Realtime is off.');
  });
});
