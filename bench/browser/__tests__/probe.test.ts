// @vitest-environment jsdom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { WebSocket as NodeWebSocket, WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import { PROBE_GLOBAL, probeScript, type ProbeApi } from '../probe';

let wss: WebSocketServer;
let url: string;
const serverSockets: ServerSocket[] = [];
beforeAll(async () => {
  wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  wss.on('connection', (socket) => serverSockets.push(socket));
  await new Promise((resolve) => wss.once('listening', resolve));
  url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`;
  // jsdom's own WebSocket mixes Node's events with jsdom's; ws's client is a real browser-like socket.
  (window as unknown as { WebSocket: unknown }).WebSocket = NodeWebSocket;
  // The script as the page gets it: a string evaluated before any app code.
  new Function(probeScript())();
});
afterAll(() => new Promise<void>((resolve) => wss.close(() => resolve())));

const probe = () => (window as unknown as Record<string, ProbeApi>)[PROBE_GLOBAL]!;
const row = (id: string, value: number) =>
  `<li data-testid="action-row-${id}"><div role="progressbar" aria-valuenow="${value}"><span class="pp-progress__value">${value}%</span></div></li>`;
const frame = (action: string, progress: number, id: string) =>
  JSON.stringify({
    type: 'action.progress_updated',
    id,
    timestamp: new Date().toISOString(),
    data: { action_id: action, goal_id: 'g-1', progress, updated_at: new Date().toISOString() },
  });
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the in-page probe', () => {
  it('timestamps frames before the app sees them, and row changes when the DOM shows them', async () => {
    document.body.innerHTML = `<ul>${row('a-3', 40)}${row('a-4', 10)}</ul>`;
    probe().reset();
    const seen: string[] = [];
    const ws = new window.WebSocket(url);
    ws.onmessage = (event) => {
      seen.push(event.data as string);
      let parsed;
      try {
        parsed = JSON.parse(event.data as string);
      } catch {
        return;
      }
      if (parsed.type !== 'action.progress_updated') return;
      // What the app does: render the new value (attribute and text, as ProgressBar does).
      const bar = document.querySelector(`[data-testid="action-row-${parsed.data.action_id}"] [role="progressbar"]`)!;
      bar.setAttribute('aria-valuenow', String(parsed.data.progress));
      bar.querySelector('.pp-progress__value')!.firstChild!.textContent = `${parsed.data.progress}%`;
    };
    await new Promise((resolve) => ws.addEventListener('open', resolve));
    const server = serverSockets.at(-1)!;
    server.send(frame('a-3', 55, 'acme-000001'));
    server.send('{"type":');
    server.send(JSON.stringify({ type: 'ping', timestamp: new Date().toISOString() }));
    server.send(frame('a-3', 55, 'acme-000002'));
    await new Promise<void>((resolve) => {
      const wait = () => (seen.length >= 4 ? resolve() : setTimeout(wait, 5));
      wait();
    });
    await tick();
    const dump = probe().dump();
    expect(seen).toHaveLength(4);
    expect(dump.frameCounts).toEqual({ 'action.progress_updated': 2, '(invalid)': 1, ping: 1 });
    expect(dump.frames.map(([, , action, progress]) => [action, progress])).toEqual([
      ['a-3', 55],
      ['a-3', 55],
    ]);
    expect(dump.frames[0]![1]).toBeGreaterThan(Date.now() - 60_000);
    // One change (40 → 55): the second frame with the same value changes nothing on screen.
    expect(dump.dom.map(([, action, value]) => [action, value])).toEqual([['a-3', 55]]);
    expect(dump.dom[0]![0]).toBeGreaterThanOrEqual(dump.frames[0]![0]);
    expect(dump.rows).toEqual({ 'a-3': 55, 'a-4': 10 });
    expect(dump.visibility).toBe('visible');
    expect(dump.batches.some(([, changed]) => changed === 1)).toBe(true);
    ws.close();
  });

  it('sees rows that are added or re-rendered, and reset forgets the past', async () => {
    document.body.innerHTML = '<ul id="list"></ul>';
    probe().reset();
    document.getElementById('list')!.innerHTML = row('a-9', 70);
    await tick();
    expect(
      probe()
        .dump()
        .dom.map(([, a, v]) => [a, v]),
    ).toEqual([['a-9', 70]]);
    probe().reset();
    expect(probe().dump()).toMatchObject({ frames: [], dom: [], batches: [], longTasks: [], loafs: [] });
    document.getElementById('list')!.innerHTML = row('a-9', 70);
    await tick();
    expect(probe().dump().dom).toEqual([]);
  });

  it('installs once, even when the script runs again', () => {
    const before = window.WebSocket;
    new Function(probeScript())();
    expect(window.WebSocket).toBe(before);
  });
});
