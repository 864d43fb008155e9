import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchChunkLabels, labelChunk } from '../chunk-labels';

describe('labelChunk', () => {
  it('names every library a minified chunk holds, or nothing', () => {
    expect(labelChunk('function x(){throw new RangeError("createCacheBridge: option")} /* partysocket */')).toBe('realtime bridge + partysocket');
    expect(labelChunk('e.queryHash=t')).toBe('TanStack Query');
    expect(labelChunk('var a=1')).toBe('');
  });
});

describe('fetchChunkLabels', () => {
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

  it('fetches each app path once; missing files and foreign sources stay unlabelled', async () => {
    const labels = await fetchChunkLabels(url, ['/chunks/a.js', '/chunks/a.js', '/chunks/gone.js', 'bench-probe.js', '']);
    expect([...labels]).toEqual([['/chunks/a.js', 'React DOM']]);
    expect(hits).toEqual(['/chunks/a.js', '/chunks/gone.js']);
  });
});
