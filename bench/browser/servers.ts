import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildReason as sharedBuildReason, portFree as sharedPortFree } from '../../scripts/app-build.mjs';

/** Builds the app when needed and runs mock-ws and `next start` as child process groups of the bench. */

export const SERVER_DEFAULTS = {
  host: '127.0.0.1',
  mockPort: 4160,
  appPort: 3160,
  distDir: '.next-bb',
  readyTimeoutMs: 60_000,
  stopGraceMs: 5_000,
  pollMs: 200,
  /** Lines of a server's output kept to explain a failure. */
  tailLines: 30,
};

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'node_modules', '.bin');
const STAMP = 'bench-env.json';

export type ServerOptions = {
  mockPort: number;
  appPort: number;
  distDir: string;
  rebuild: boolean;
  log: (line: string) => void;
};
export type Servers = {
  appUrl: string;
  mockUrl: string;
  /** Servers that ended while the bench still needed them, with their last output. */
  exited(): string[];
  stop(): Promise<void>;
};

/** The NEXT_PUBLIC_* values inlined at build time: a build for other ports must be redone. */
export function buildEnv(mockPort: number): Record<string, string> {
  return {
    NEXT_PUBLIC_API_URL: `http://${SERVER_DEFAULTS.host}:${mockPort}/api`,
    NEXT_PUBLIC_REALTIME_WS_URL: `ws://${SERVER_DEFAULTS.host}:${mockPort}/realtime`,
  };
}

/** Why the app must be (re)built, or null when the build in distDir is current (for `env`, from its stamp). */
export function buildReason(root: string, distDir: string, env: Record<string, string>): string | null {
  return sharedBuildReason(root, distDir, env, { stampFile: STAMP });
}

export function portFree(port: number, host = SERVER_DEFAULTS.host): Promise<boolean> {
  return sharedPortFree(port, host);
}

type Child = { name: string; child: ChildProcess; tail: string[] };

function start(name: string, command: string, args: string[], env: Record<string, string>): Child {
  // Own process group: stopping it ends npm/tsx/next grandchildren too.
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const entry: Child = { name, child, tail: [] };
  const keep = (chunk: Buffer) => {
    entry.tail.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    entry.tail.splice(0, Math.max(0, entry.tail.length - SERVER_DEFAULTS.tailLines));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return entry;
}

async function waitUntilUp(entry: Child, url: string): Promise<void> {
  const deadline = Date.now() + SERVER_DEFAULTS.readyTimeoutMs;
  for (;;) {
    if (entry.child.exitCode !== null || entry.child.signalCode !== null) {
      throw new Error(`${entry.name} exited before it answered at ${url}. Its last output:\n${entry.tail.join('\n')}`);
    }
    try {
      await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      if (Date.now() > deadline)
        throw new Error(
          `${entry.name} did not answer at ${url} within ${SERVER_DEFAULTS.readyTimeoutMs / 1_000} s. Its last output:\n${entry.tail.join('\n')}`,
        );
      await new Promise((resolve) => setTimeout(resolve, SERVER_DEFAULTS.pollMs));
    }
  }
}

async function stopAll(children: Child[]): Promise<void> {
  const alive = children.filter(({ child }) => child.exitCode === null && child.signalCode === null);
  const signal = (sig: NodeJS.Signals) => {
    for (const { child } of alive) {
      try {
        if (child.pid) process.kill(-child.pid, sig);
      } catch {
        // already gone
      }
    }
  };
  signal('SIGTERM');
  const force = setTimeout(() => signal('SIGKILL'), SERVER_DEFAULTS.stopGraceMs);
  await Promise.all(
    alive.map(
      ({ child }) =>
        new Promise((resolve) =>
          child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve),
        ),
    ),
  );
  clearTimeout(force);
}

async function build(opts: ServerOptions, env: Record<string, string>): Promise<void> {
  const reason = opts.rebuild ? 'asked for with --rebuild' : buildReason(ROOT, opts.distDir, env);
  if (!reason) {
    opts.log(`using the existing build in ${opts.distDir}/`);
    return;
  }
  opts.log(`building the app into ${opts.distDir}/ (${reason})...`);
  const entry = start('next build', join(BIN, 'next'), ['build'], { ...env, NEXT_DIST_DIR: opts.distDir });
  const code = await new Promise<number | null>((resolve) => entry.child.once('exit', resolve));
  if (code !== 0) throw new Error(`next build failed (exit ${code}). Its last output:\n${entry.tail.join('\n')}`);
  writeFileSync(join(ROOT, opts.distDir, STAMP), JSON.stringify(env));
}

export async function startServers(opts: ServerOptions): Promise<Servers> {
  const { host } = SERVER_DEFAULTS;
  for (const [port, what, flag] of [
    [opts.mockPort, 'mock-ws', '--mock-port'],
    [opts.appPort, 'the app', '--app-port'],
  ] as const) {
    if (!(await portFree(port))) {
      throw new Error(
        `Port ${port} on ${host} is already in use, so ${what} cannot start there. Stop whatever uses it (another bench:browser run?) or pass ${flag} N (a new mock-ws port rebuilds the app).`,
      );
    }
  }
  const env = buildEnv(opts.mockPort);
  await build(opts, env);
  const appUrl = `http://${host}:${opts.appPort}`;
  const mockUrl = `http://${host}:${opts.mockPort}`;
  const children: Child[] = [];
  const stop = () => stopAll(children);
  try {
    children.push(
      start('mock-ws', join(BIN, 'tsx'), ['mock-ws/server.ts'], {
        MOCK_WS_PORT: String(opts.mockPort),
        MOCK_WS_ALLOWED_ORIGINS: appUrl,
        MOCK_WS_QUIET: '1',
      }),
    );
    children.push(
      start('next start', join(BIN, 'next'), ['start', '-H', host, '-p', String(opts.appPort)], {
        NEXT_DIST_DIR: opts.distDir,
      }),
    );
    await Promise.all([waitUntilUp(children[0]!, `${mockUrl}/health`), waitUntilUp(children[1]!, appUrl)]);
  } catch (error) {
    await stop();
    throw error;
  }
  opts.log(`mock-ws on ${mockUrl}, app on ${appUrl}`);
  const exited = () =>
    children
      .filter(({ child }) => child.exitCode !== null || child.signalCode !== null)
      .map(
        ({ name, child, tail }) =>
          `${name} exited (${child.signalCode ?? `exit code ${child.exitCode}`}). Its last output:\n${tail.join('\n')}`,
      );
  return { appUrl, mockUrl, exited, stop };
}
