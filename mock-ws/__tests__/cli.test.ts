import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = `${ROOT}node_modules/.bin/tsx`;
let child: ChildProcess | undefined;

afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = undefined;
});

function run(env: Record<string, string>) {
  const proc = spawn(TSX, ['mock-ws/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const waitFor = async (pattern: RegExp) => {
    const deadline = Date.now() + 10_000;
    while (!pattern.test(out)) {
      if (Date.now() > deadline || proc.exitCode !== null) throw new Error(`no ${pattern} in output:\n${out}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return pattern.exec(out)!;
  };
  return { proc, exited, waitFor, output: () => out };
}

describe('npm run mock-ws (server.ts)', () => {
  it('starts on MOCK_WS_PORT, prints no tokens, and stops on SIGTERM', async () => {
    const cli = run({ MOCK_WS_PORT: '0' });
    const [, url] = await cli.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
    expect(await (await fetch(`${url}/health`)).json()).toEqual({ ok: true });
    const auth = await (
      await fetch(`${url}/api/auth/login`, { method: 'POST', body: JSON.stringify({ email: 'ava@acme.test' }) })
    ).json();
    await fetch(`${url}/api/goals?access_token=${auth.access_token}`, {
      headers: { authorization: `Bearer ${auth.access_token}` },
    });
    const ws = new WebSocket(`${url!.replace('http', 'ws')}/realtime?access_token=${auth.access_token}&tenant=acme`);
    await new Promise((resolve) => ws.once('open', resolve));
    ws.close();
    await cli.waitFor(/closed 1005|closed 1000/);
    expect(cli.output()).toContain('access_token=[redacted]');
    expect(cli.output()).not.toContain(auth.access_token);
    expect(cli.output()).not.toContain(auth.access_token.split('.')[2]);
    cli.proc.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
  });

  it('says clearly when the port is taken and exits non-zero', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const cli = run({ MOCK_WS_PORT: String(port) });
      expect(await cli.exited).toBe(1);
      expect(cli.output()).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  });

  it('names a bad environment variable and exits non-zero', async () => {
    const cli = run({ MOCK_WS_PING_MS: 'often' });
    expect(await cli.exited).toBe(2);
    expect(cli.output()).toContain('MOCK_WS_PING_MS="often" is not valid');
  });
});
