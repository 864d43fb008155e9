import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

// The full demo needs a Next build, too heavy for unit tests; this covers its guard that runs first.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let blocker: Server | undefined;
afterEach(() => blocker?.close());

function runDemo(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/demo.mjs'], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('scripts/demo.mjs', () => {
  it('says which port is taken and exits non-zero before building anything', async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker!.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const { code, output } = await runDemo({
      DEMO_APP_PORT: String(port),
      MOCK_WS_PORT: '4010',
      NEXT_DIST_DIR: '.next-demo-test-unused',
    });
    expect(code).toBe(1);
    expect(output).toContain(`Port ${port} on 127.0.0.1 is already in use, so the app cannot start there.`);
    expect(output).toContain('DEMO_APP_PORT');
    expect(output).not.toContain('Building');
  });

  it('rejects a port that is not a number', async () => {
    const { code, output } = await runDemo({ DEMO_APP_PORT: 'abc' });
    expect(code).toBe(2);
    expect(output).toContain('DEMO_APP_PORT="abc" is not a port number');
  });
});
