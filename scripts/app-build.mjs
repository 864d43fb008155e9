// Shared by `npm run demo` (scripts/demo.mjs) and `npm run bench:browser` (bench/browser/servers.ts):
// whether a production build of the app is current, and whether a port is free. Plain JavaScript so
// that the demo runs with node alone; types in app-build.d.mts.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** What the client bundle is built from; a file newer than the build means a rebuild. */
export const BUILD_SOURCES = ['app', 'components', 'lib', 'next.config.mjs', 'package.json', 'tsconfig.json', 'public'];

/** Newest modification time under `path`, tests and node_modules left out (0 when it does not exist). */
export function newestSourceMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === '__tests__' || entry.includes('.test.')) continue;
    newest = Math.max(newest, newestSourceMtime(join(path, entry)));
  }
  return newest;
}

/**
 * Why the app in `distDir` must be (re)built for `env` (the NEXT_PUBLIC_* values inlined at build
 * time), or null when it is current. The env of the last build is read from `stampFile` in
 * `distDir`; without one, a build counts as made for `unstampedEnv`, or as out of date when none is given.
 */
export function buildReason(root, distDir, env, { stampFile, unstampedEnv } = { stampFile: 'build-env.json' }) {
  const buildId = join(root, distDir, 'BUILD_ID');
  if (!existsSync(buildId)) return `no build in ${distDir}/`;
  const built = statSync(buildId).mtimeMs;
  if (BUILD_SOURCES.some((source) => newestSourceMtime(join(root, source)) > built))
    return 'sources changed since the last build';
  const stamp = join(root, distDir, stampFile);
  const stamped = existsSync(stamp)
    ? readFileSync(stamp, 'utf8')
    : unstampedEnv === undefined
      ? null
      : JSON.stringify(unstampedEnv);
  if (stamped !== JSON.stringify(env)) return 'the backend URL differs from the last build';
  return null;
}

/** Whether nothing listens on `host:port`. */
export function portFree(port, host) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}
