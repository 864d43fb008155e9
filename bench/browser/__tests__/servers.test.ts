import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildEnv, buildReason, portFree } from '../servers';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'bb-build-'));
  dirs.push(root);
  mkdirSync(join(root, 'lib'));
  writeFileSync(join(root, 'lib', 'a.ts'), 'export {}');
  const old = new Date(Date.now() - 60_000);
  utimesSync(join(root, 'lib', 'a.ts'), old, old);
  return root;
}

describe('buildReason', () => {
  const env = buildEnv(4160);

  it('builds the app against the bench backend port', () => {
    expect(env).toEqual({
      NEXT_PUBLIC_API_URL: 'http://127.0.0.1:4160/api',
      NEXT_PUBLIC_REALTIME_WS_URL: 'ws://127.0.0.1:4160/realtime',
    });
  });

  it('says why a rebuild is needed: no build, newer sources, another backend URL; null when current', () => {
    const root = project();
    expect(buildReason(root, '.next-bb', env)).toBe('no build in .next-bb/');
    mkdirSync(join(root, '.next-bb'));
    writeFileSync(join(root, '.next-bb', 'BUILD_ID'), 'x');
    expect(buildReason(root, '.next-bb', env)).toBe('the backend URL differs from the last build');
    writeFileSync(join(root, '.next-bb', 'bench-env.json'), JSON.stringify(env));
    expect(buildReason(root, '.next-bb', env)).toBeNull();
    expect(buildReason(root, '.next-bb', buildEnv(4170))).toBe('the backend URL differs from the last build');
    writeFileSync(join(root, 'lib', 'b.ts'), 'export {}');
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(root, 'lib', 'b.ts'), later, later);
    expect(buildReason(root, '.next-bb', env)).toBe('sources changed since the last build');
  });
});

describe('portFree', () => {
  it('is false while something listens on the port and true after', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    expect(await portFree(port)).toBe(false);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(await portFree(port)).toBe(true);
  });
});
