import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchChunks, labelChunk, labelsOf, snippet } from '../chunk-labels';

describe('labelChunk', () => {
  it('names every library a minified chunk holds, or nothing', () => {
    expect(labelChunk('function x(){throw new RangeError("createCacheBridge: option")} /* partysocket */')).toBe(
      'realtime bridge + partysocket',
    );
    expect(
      labelChunk('throw Error("No QueryClient set, use QueryClientProvider to set one");e.classList.add("pp-flash")'),
    ).toBe('TanStack Query + app UI');
    expect(labelChunk('var a=1')).toBe('');
  });
});

describe('snippet', () => {
  it('shows the code at a 0-based line and column, whitespace squeezed', () => {
    const chunk = { label: '', text: 'first line\nlet a=1;()=>{t.offsetWidth,\n  t.classList.add("x")}' };
    expect(snippet(chunk, 1, 8, 20)).toBe('()=>{t.offsetWidth,');
    expect(snippet(chunk, 9, 0)).toBeUndefined();
    expect(snippet(undefined, 0, 0)).toBeUndefined();
  });
});

describe('fetchChunks', () => {
  let server: Server;
  let url: string;
  const hits: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      if (req.url === '/chunks/a.js') res.end('Minified React error #1');
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('fetches each app path once; missing files and foreign sources are left out', async () => {
    const chunks = await fetchChunks(url, ['/chunks/a.js', '/chunks/a.js', '/chunks/gone.js', 'bench-probe.js', '']);
    expect([...labelsOf(chunks)]).toEqual([['/chunks/a.js', 'React DOM']]);
    expect(chunks.get('/chunks/a.js')?.text).toBe('Minified React error #1');
    expect(hits).toEqual(['/chunks/a.js', '/chunks/gone.js']);
  });
});
