// @vitest-environment jsdom
import { StrictMode, useEffect, useState, type ReactNode } from 'react';
import { act, cleanup, render, screen } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { encodeEvent, exampleEvents } from '@/lib/protocol';
import { goalKeys } from '@/lib/api/keys';
import {
  RealtimeProvider,
  useRealtimeBridge,
  useRealtimeEvent,
  useRealtimeState,
  useRealtimeStatus,
  type RealtimeProviderProps,
} from '..';
import { settle, startServer, until, type TestServer } from '../../__tests__/helpers/ws-server';

let server: TestServer;
let queryClient: QueryClient;

beforeEach(async () => {
  server = await startServer();
  queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
});

afterEach(async () => {
  cleanup();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  queryClient.clear();
  await server.close();
});

const ACME = { tenantId: 'acme', userId: 'u-ava' };
const quiet = { warn: () => {}, info: () => {} };
const GLOBEX = { tenantId: 'globex', userId: 'u-max' };

function Status() {
  const status = useRealtimeStatus();
  return (
    <output data-testid="status" data-state={status.state}>
      {status.lastError ?? ''}
    </output>
  );
}

type Props = Partial<RealtimeProviderProps> & { children?: ReactNode };
function ui(props: Props = {}, strict = true) {
  const tree = (
    <QueryClientProvider client={queryClient}>
      <RealtimeProvider
        session={ACME}
        getAccessToken={() => 'tok-secret-abcdefgh'}
        refreshToken={async () => {}}
        url={server.url}
        {...props}
        options={{ WebSocket: NodeWebSocket, initialDelayMs: 20, maxDelayMs: 20, logger: quiet, ...props.options }}
      >
        <Status />
        {props.children}
      </RealtimeProvider>
    </QueryClientProvider>
  );
  return strict ? <StrictMode>{tree}</StrictMode> : tree;
}

const state = () => screen.getByTestId('status').dataset.state;
const waitLive = (connections = 1) =>
  until(
    () => state() === 'live' && server.openCount() === 1 && server.sockets.length === connections,
    `live #${connections}`,
  );

describe('RealtimeProvider', () => {
  it('opens exactly one socket under StrictMode, and unmount closes it', async () => {
    const view = render(ui());
    expect(state()).toBe('connecting');
    await waitLive();
    await settle(50);
    expect(server.handshakes).toHaveLength(1);
    expect(server.handshakes[0]).toMatchObject({ token: 'tok-secret-abcdefgh', tenant: 'acme' });
    view.unmount();
    await until(() => server.openCount() === 0, 'closed on unmount');
    await settle(50);
    expect(server.handshakes).toHaveLength(1);
  });

  it('switching tenant reconnects with the new tenant, clears the cache and remounts the screens', async () => {
    let tenant = 'acme';
    let mounts = 0;
    function Screen() {
      const [mount] = useState(() => ++mounts);
      const goal = useQuery({ queryKey: goalKeys.detail('g-1'), queryFn: async () => ({ title: `${tenant} goal` }) });
      const text = `${mount}:${goal.data?.title ?? 'loading'}`;
      if (tenant === 'globex') renderedAfterSwitch.push(text);
      return <p data-testid="screen">{text}</p>;
    }
    const renderedAfterSwitch: string[] = [];
    const view = render(ui({ children: <Screen /> }));
    await waitLive();
    await until(() => screen.getByTestId('screen').textContent === '1:acme goal', 'acme data');
    queryClient.setQueryData(goalKeys.list({}), [{ id: 'g-1' }]);

    tenant = 'globex';
    view.rerender(ui({ session: GLOBEX, children: <Screen /> }));
    expect(queryClient.getQueryData(goalKeys.list({}))).toBeUndefined();
    await until(() => server.handshakes.length === 2 && state() === 'live', 'globex live');
    await until(() => screen.getByTestId('screen').textContent?.endsWith(':globex goal') === true, 'globex data');
    expect(server.handshakes[1]).toMatchObject({ tenant: 'globex' });
    expect(server.openCount()).toBe(1);
    expect(screen.getByTestId('screen').textContent).not.toMatch(/^1:/); // remounted
    expect(renderedAfterSwitch.length).toBeGreaterThan(0);
    expect(renderedAfterSwitch.filter((text) => text.includes('acme'))).toEqual([]);
  });

  it('does nothing, and says disabled, when realtime is off, disabled, or nobody is signed in', async () => {
    vi.stubEnv('NEXT_PUBLIC_FEATURE_REALTIME', 'false');
    const view = render(ui({ enabled: undefined }));
    expect(state()).toBe('disabled');
    view.rerender(ui({ enabled: false }));
    view.rerender(ui({ enabled: true, session: null }));
    await settle(50);
    expect(state()).toBe('disabled');
    expect(server.handshakes).toHaveLength(0);
  });

  it('goes from disabled to live when a session arrives, and back when it leaves', async () => {
    const view = render(ui({ session: null }));
    expect(state()).toBe('disabled');
    view.rerender(ui({ session: ACME }));
    await waitLive();
    view.rerender(ui({ session: null }));
    await until(() => state() === 'disabled' && server.openCount() === 0, 'disabled again');
  });

  it('defaults to NEXT_PUBLIC_REALTIME_WS_URL, and refreshes an expired token through its props first', async () => {
    vi.stubEnv('NEXT_PUBLIC_REALTIME_WS_URL', server.url);
    let token = 'tok-old-abcdefgh';
    const refreshToken = vi.fn(async () => {
      token = 'tok-new-abcdefgh';
    });
    render(
      <QueryClientProvider client={queryClient}>
        <RealtimeProvider
          session={ACME}
          getAccessToken={() => token}
          getTokenExpiry={() => (token === 'tok-old-abcdefgh' ? Date.now() - 1_000 : Date.now() + 3_600_000)}
          refreshToken={refreshToken}
          options={{ WebSocket: NodeWebSocket }}
        >
          <Status />
        </RealtimeProvider>
      </QueryClientProvider>,
    );
    await waitLive();
    expect(refreshToken).toHaveBeenCalledTimes(1);
    expect(server.handshakes.map((h) => h.token)).toEqual(['tok-new-abcdefgh']);
  });

  it('renders on the server with the initial state and opens no socket there', async () => {
    const html = renderToString(
      <QueryClientProvider client={queryClient}>
        <RealtimeProvider session={ACME} getAccessToken={() => 'tok'} refreshToken={async () => {}} url={server.url}>
          <Status />
        </RealtimeProvider>
      </QueryClientProvider>,
    );
    expect(html).toContain('data-state="connecting"');
    await settle(50);
    expect(server.handshakes).toHaveLength(0);
  });

  it('reports an invalid URL as disabled with the reason, without throwing into React', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    render(ui({ url: 'http://127.0.0.1:1/realtime' }));
    await until(() => state() === 'disabled', 'disabled');
    expect(screen.getByTestId('status').textContent).toMatch(/is not a ws:\/\/ or wss:\/\/ URL/);
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/^Realtime: Realtime URL/));
  });
});

/** A devtools-like consumer of useRealtimeBridge, exposing what it last rendered with. */
function captureBridge() {
  const captured: { handle: ReturnType<typeof useRealtimeBridge> | null; Component: () => null } = {
    handle: null,
    Component: () => {
      const handle = useRealtimeBridge();
      useEffect(() => {
        captured.handle = handle;
      });
      return null;
    },
  };
  return captured;
}

describe('events into the cache and to subscribers', () => {
  const completed = (id: string) =>
    encodeEvent(
      'goal.completed',
      { ...exampleEvents['goal.completed'], goal_id: 'g-1', updated_at: '2030-01-01T00:00:00.000Z' },
      { id },
    );

  it('applies each frame to the cache, then notifies useRealtimeEvent (once per event id)', async () => {
    const typed = vi.fn();
    const all = vi.fn();
    function Listener() {
      useRealtimeEvent('goal.completed', typed);
      useRealtimeEvent('*', all);
      return null;
    }
    const goal = { id: 'g-1', title: 'Hire', status: 'active', updatedAt: '2020-01-01T00:00:00.000Z' };
    queryClient.setQueryData(goalKeys.detail('g-1'), goal);
    render(ui({ children: <Listener /> }));
    await waitLive();
    server.send(completed('acme-1'));
    server.send(completed('acme-1'));
    await until(() => typed.mock.calls.length === 1, 'event delivered');
    await settle(30);
    expect(typed).toHaveBeenCalledTimes(1);
    expect(all).toHaveBeenCalledTimes(1);
    expect(typed.mock.calls[0]?.[0]).toMatchObject({ type: 'goal.completed', id: 'acme-1', data: { goalId: 'g-1' } });
    expect(queryClient.getQueryData(goalKeys.detail('g-1'))).toMatchObject({ status: 'completed' });
  });

  it('always calls the latest handler, and a throwing handler does not stop the others', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const seen: string[] = [];
    function Listener({ label }: { label: string }) {
      useRealtimeEvent('*', () => {
        seen.push(label);
      });
      useRealtimeEvent('goal.completed', () => {
        throw new Error('toast failed');
      });
      return null;
    }
    const view = render(ui({ children: <Listener label="first" /> }));
    await waitLive();
    view.rerender(ui({ children: <Listener label="second" /> }));
    server.send(completed('acme-2'));
    await until(() => seen.length === 1, 'handled');
    expect(seen).toEqual(['second']);
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/handler for goal\.completed threw \(toast failed\); other handlers still ran/),
    );
    expect(server.openCount()).toBe(1);
  });

  it('a status display re-renders when the connection changes, not on every frame received', async () => {
    let renders = 0;
    function Badge() {
      const { state } = useRealtimeStatus();
      const word = useRealtimeState();
      renders++;
      return <span data-testid="badge">{state === word ? word : 'mismatch'}</span>;
    }
    const devtools = captureBridge();
    render(ui({ children: [<Badge key="b" />, <devtools.Component key="d" />] }, false));
    await waitLive();
    await until(() => screen.getByTestId('badge').textContent === 'live', 'badge live');
    const before = renders;
    for (let i = 0; i < 20; i++) server.send(completed(`acme-frames-${i}`));
    await until(() => devtools.handle?.connection.getSnapshot().counters.framesReceived === 20, 'frames counted');
    await act(async () => {});
    expect(renders).toBe(before);
    server.last().terminate();
    await until(() => screen.getByTestId('badge').textContent !== 'live', 'badge leaves live');
    expect(renders).toBeGreaterThan(before);
  });

  it('records rejected frames with the bridge and keeps the socket open', async () => {
    const devtools = captureBridge();
    render(ui({ children: <devtools.Component /> }));
    await waitLive();
    server.send('{"type":"goal.created","timestamp":"2030-01-01T00:00:00.000Z","data":{"__proto__":{"x":1}}}');
    await until(() => devtools.handle?.stats?.getSnapshot().invalid === 1, 'rejection counted');
    expect(devtools.handle!.stats!.getSnapshot().rejected.hostile_key).toBe(1);
    expect(devtools.handle!.log!.getSnapshot().at(-1)).toMatchObject({ kind: 'rejection', reason: 'hostile_key' });
    expect(devtools.handle!.connection.getSnapshot().counters.framesReceived).toBe(1);
    expect(state()).toBe('live');
  });

  it('resyncs after a reconnect but not after the first connect; the controls reconnect and resync', async () => {
    const devtools = captureBridge();
    render(ui({ children: <devtools.Component /> }));
    await waitLive();
    const resyncs = () => devtools.handle?.stats?.getSnapshot().resyncs;
    expect(resyncs()).toBe(0);
    server.last().terminate();
    await waitLive(2);
    await until(() => resyncs() === 1, 'resync after reconnect');
    act(() => devtools.handle!.reconnectNow());
    await waitLive(3);
    await until(() => resyncs() === 2, 'resync after manual reconnect');
    act(() => devtools.handle!.resyncNow());
    expect(resyncs()).toBe(3);
  });
});

describe('hooks outside the provider', () => {
  it.each([
    ['useRealtimeStatus', () => useRealtimeStatus()],
    ['useRealtimeEvent', () => useRealtimeEvent('*', () => {})],
    ['useRealtimeBridge', () => useRealtimeBridge()],
  ])('%s throws a clear error', (name, hook) => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    function Probe() {
      hook();
      return null;
    }
    expect(() => render(<Probe />)).toThrow(`${name} must be used inside <RealtimeProvider>`);
  });
});
