#!/usr/bin/env node
// `npm run demo`: build the app when needed, start the fake backend (with simulated teammates) and
// `next start` on 127.0.0.1, print where to go and who to sign in as, and stop both on Ctrl-C/SIGTERM.
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildReason as sharedBuildReason, portFree } from './app-build.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'node_modules', '.bin');
const DEFAULTS = {
  host: '127.0.0.1',
  appPort: 3000,
  mockPort: 4010,
  readyTimeoutMs: 60_000,
  stopGraceMs: 5_000,
  pollMs: 250,
};
const STAMP = 'demo-env.json';

const appPort = portFromEnv('DEMO_APP_PORT', DEFAULTS.appPort);
const mockPort = portFromEnv('MOCK_WS_PORT', DEFAULTS.mockPort);
const distDir = process.env.NEXT_DIST_DIR || '.next';
const appUrl = `http://${DEFAULTS.host}:${appPort}`;
const mockUrl = `http://${DEFAULTS.host}:${mockPort}`;
// Inlined into the client bundle at build time, so a build made for other ports must be redone.
const buildEnv = {
  NEXT_PUBLIC_API_URL: process.env.NEXT_PUBLIC_API_URL || `${mockUrl}/api`,
  NEXT_PUBLIC_REALTIME_WS_URL: process.env.NEXT_PUBLIC_REALTIME_WS_URL || `ws://${DEFAULTS.host}:${mockPort}/realtime`,
};

const children = [];
let stopping = false;

function log(line) {
  console.log(`[demo] ${line}`);
}

function fail(message) {
  console.error(`[demo] ${message}`);
  stopAll(1);
}

function portFromEnv(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    console.error(`[demo] ${name}="${raw}" is not a port number (1-65535).`);
    process.exit(2);
  }
  return port;
}

function buildReason() {
  // A build without a stamp (a plain `next build`) was made for the default ports.
  return sharedBuildReason(ROOT, distDir, buildEnv, { stampFile: STAMP, unstampedEnv: defaultBuildEnv() });
}

function defaultBuildEnv() {
  return {
    NEXT_PUBLIC_API_URL: `http://${DEFAULTS.host}:${DEFAULTS.mockPort}/api`,
    NEXT_PUBLIC_REALTIME_WS_URL: `ws://${DEFAULTS.host}:${DEFAULTS.mockPort}/realtime`,
  };
}

function build() {
  const reason = buildReason();
  if (!reason) {
    log(`Using the existing build in ${distDir}/.`);
    return;
  }
  log(`Building the app (${reason}); this takes about a minute...`);
  const result = spawnSync(join(BIN, 'next'), ['build'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { NEXT_TELEMETRY_DISABLED: '1', ...process.env, ...buildEnv },
  });
  if (result.status !== 0) {
    console.error('[demo] The build failed (see above). Fix the error and run `npm run demo` again.');
    process.exit(1);
  }
  writeFileSync(join(ROOT, distDir, STAMP), JSON.stringify(buildEnv));
}

function start(name, command, args, env) {
  // Own process group, so stopping kills the whole tree (npm, tsx and next spawn children of their own).
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { NEXT_TELEMETRY_DISABLED: '1', ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  children.push({ name, child });
  const prefix = (stream, out) => {
    let rest = '';
    stream.on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) out.write(line.startsWith('[') ? `${line}\n` : `[${name}] ${line}\n`);
    });
  };
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  child.on('exit', (code, signal) => {
    if (!stopping) fail(`${name} stopped unexpectedly (${signal ?? `exit code ${code}`}); stopping the demo.`);
  });
  return child;
}

async function waitUntilUp(name, url) {
  const deadline = Date.now() + DEFAULTS.readyTimeoutMs;
  while (!stopping) {
    try {
      await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      if (Date.now() > deadline)
        return fail(`${name} did not answer at ${url} within ${DEFAULTS.readyTimeoutMs / 1000} s.`);
      await new Promise((resolve) => setTimeout(resolve, DEFAULTS.pollMs));
    }
  }
}

function stopAll(exitCode) {
  if (stopping) return;
  stopping = true;
  const alive = children.filter(({ child }) => child.exitCode === null && child.signalCode === null);
  const signalAll = (signal) => {
    for (const { child } of alive) {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    }
  };
  signalAll('SIGTERM');
  const force = setTimeout(() => signalAll('SIGKILL'), DEFAULTS.stopGraceMs);
  Promise.all(
    alive.map(
      ({ child }) => new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve))),
    ),
  ).then(() => {
    clearTimeout(force);
    process.exit(exitCode);
  });
  if (alive.length === 0) process.exit(exitCode);
}

async function main() {
  for (const [port, what, variable] of [
    [appPort, 'the app', 'DEMO_APP_PORT'],
    [mockPort, 'the fake backend', 'MOCK_WS_PORT'],
  ]) {
    if (!(await portFree(port, DEFAULTS.host))) {
      console.error(
        `[demo] Port ${port} on ${DEFAULTS.host} is already in use, so ${what} cannot start there. ` +
          `Stop whatever is using it (another demo, \`npm run dev\`, a test run), or set ${variable} to a free port.`,
      );
      process.exit(1);
    }
  }
  build();
  process.once('SIGINT', () => {
    log('Stopping...');
    stopAll(0);
  });
  process.once('SIGTERM', () => stopAll(0));

  start('mock-ws', join(BIN, 'tsx'), ['mock-ws/server.ts'], {
    MOCK_WS_PORT: String(mockPort),
    MOCK_WS_SIMULATE: '1',
    MOCK_WS_ALLOWED_ORIGINS: process.env.MOCK_WS_ALLOWED_ORIGINS || `${appUrl},http://localhost:${appPort}`,
  });
  start('next', join(BIN, 'next'), ['start', '-H', DEFAULTS.host, '-p', String(appPort)], {});
  await Promise.all([waitUntilUp('mock-ws', `${mockUrl}/health`), waitUntilUp('next', appUrl)]);
  if (stopping) return;
  console.log(`
  PurposePath demo is running:   ${appUrl}
  Fake backend (mock-ws):        ${mockUrl}   (simulated teammates make changes every few seconds)

  Sign in with one of these emails (no password):
    ava@acme.test, ben@acme.test, cho@acme.test          Acme Corp
    dana@globex.test, eli@globex.test, fay@globex.test   Globex
    max@acme.test                                        both tenants: switch between Acme Corp and Globex

  Press Ctrl-C to stop both servers.
`);
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
