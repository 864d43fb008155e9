// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { encodeEvent, exampleEvents } from '@/lib/protocol';
import { RealtimeProvider } from '@/lib/realtime';
import { goalKeys } from '@/lib/api/keys';
import { startServer, until, type TestServer } from '@/lib/realtime/__tests__/helpers/ws-server';
import { DevtoolsLauncher } from '../devtools-launcher';
import { DEVTOOLS_FLAG } from '../devtools-gate';
import { RealtimeDevtools } from '../realtime-devtools';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1LWF2YSJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
let server: TestServer;
let queryClient: QueryClient;

beforeEach(async () => {
  server = await startServer();
  queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
});

afterEach(async () => {
  cleanup();
  window.localStorage.clear();
  window.history.replaceState(null, '', '/');
  queryClient.clear();
  await server.close();
});

function app(children: React.ReactNode) {
  return (
    <QueryClientProvider client={queryClient}>
      <RealtimeProvider
        session={{ tenantId: 'acme', userId: 'u-ava' }}
        getAccessToken={() => TOKEN}
        refreshToken={async () => {}}
        url={server.url}
        options={{ WebSocket: NodeWebSocket, logger: { warn: () => {}, info: () => {} } }}
      >
        {children}
      </RealtimeProvider>
    </QueryClientProvider>
  );
}

describe('DevtoolsLauncher inside the real provider', () => {
  it('opens from its button, shows a socket event with its payload, and hands focus back on Escape', async () => {
    queryClient.setQueryData(goalKeys.detail('g-1'), {
      id: 'g-1',
      status: 'active',
      updatedAt: '2026-11-27T09:00:00.000Z',
    });
    render(app(<DevtoolsLauncher />));
    await until(() => server.openCount() === 1, 'the socket to open');
    const button = screen.getByRole('button', { name: 'Open realtime devtools' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button);
    const panel = screen.getByRole('dialog', { name: 'Realtime devtools' });

    await act(async () => {
      server.send(
        encodeEvent('goal.completed', exampleEvents['goal.completed'], {
          id: 'acme-7',
          timestamp: '2026-11-27T10:05:00.000Z',
        }),
      );
      await until(
        () => queryClient.getQueryData<{ status: string }>(goalKeys.detail('g-1'))?.status === 'completed',
        'the event to apply',
      );
    });
    const list = await within(panel).findByRole('listbox', { name: 'Event log' });
    const row = await within(list).findByRole('option', { name: /goal\.completed.*acme-7.*patched 1/ });
    fireEvent.click(row);
    expect(within(panel).getByTestId('devtools-payload').textContent).toContain('"goalId": "g-1"');
    expect(document.body.innerHTML).not.toContain(TOKEN);

    fireEvent.keyDown(row, { key: 'Escape' });
    expect(screen.queryByRole('dialog', { name: 'Realtime devtools' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Open realtime devtools' }));
  });
});

describe('RealtimeDevtools (the mount point)', () => {
  it('renders nothing in a production-like build without the flag', () => {
    render(app(<RealtimeDevtools />));
    expect(screen.queryByRole('button', { name: 'Open realtime devtools' })).toBeNull();
  });

  it('loads the panel lazily with ?realtime-devtools=1 and remembers the flag', async () => {
    window.history.replaceState(null, '', '/goals?realtime-devtools=1');
    render(app(<RealtimeDevtools />));
    expect(await screen.findByRole('button', { name: 'Open realtime devtools' }, { timeout: 5_000 })).toBeTruthy();
    expect(window.localStorage.getItem(DEVTOOLS_FLAG.storageKey)).toBe('1');
  });
});
