import { devices, type PlaywrightTestConfig } from '@playwright/test';
import type { KitOptions, KitWorkerOptions } from './fixtures';

/** What both Playwright configs share: Debian's chromium, one worker, and the two servers. */

export const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

export type ServerOptions = { mockPort: number; appPort: number; distDir?: string; realtime: boolean };

/**
 * mock-ws, then a fresh `next build` + `next start` wired to it. NEXT_PUBLIC_* are inlined at build
 * time, so each config builds its own app into its own folder. With CI unset an already running
 * server on a port is reused: stop stray servers first (STACK.md).
 */
export function servers(opts: ServerOptions): NonNullable<PlaywrightTestConfig['webServer']> {
  const appOrigin = `http://127.0.0.1:${opts.appPort}`;
  const mockOrigin = `http://127.0.0.1:${opts.mockPort}`;
  return [
    {
      command: 'npm run mock-ws',
      url: `${mockOrigin}/health`,
      reuseExistingServer: !process.env.CI,
      env: {
        MOCK_WS_PORT: String(opts.mockPort),
        MOCK_WS_CONTROL: '1',
        MOCK_WS_QUIET: '1',
        MOCK_WS_ALLOWED_ORIGINS: appOrigin,
      },
      stdout: 'ignore',
      stderr: 'pipe',
      timeout: 30_000,
    },
    {
      command: `npm run build && npx next start -H 127.0.0.1 -p ${opts.appPort}`,
      url: appOrigin,
      reuseExistingServer: !process.env.CI,
      env: {
        NEXT_PUBLIC_API_URL: `${mockOrigin}/api`,
        NEXT_PUBLIC_REALTIME_WS_URL: `ws://127.0.0.1:${opts.mockPort}/realtime`,
        NEXT_PUBLIC_FEATURE_REALTIME: opts.realtime ? 'true' : 'false',
        NEXT_TELEMETRY_DISABLED: '1',
        // `npm test` type-checks the whole repo before the e2e run; the two e2e builds skip the repeat.
        NEXT_SKIP_TYPECHECK: '1',
        ...(opts.distDir ? { NEXT_DIST_DIR: opts.distDir } : {}),
      },
      stdout: 'ignore',
      stderr: 'pipe',
      timeout: 300_000,
    },
  ];
}

export function baseConfig(opts: {
  mockPort: number;
  appPort: number;
}): PlaywrightTestConfig<KitOptions, KitWorkerOptions> {
  return {
    fullyParallel: false,
    // One worker: every test scripts the one shared fake backend (reset, faults, log).
    workers: 1,
    forbidOnly: !!process.env.CI,
    retries: 0,
    timeout: 30_000,
    expect: { timeout: 5_000 },
    reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
    use: {
      ...devices['Desktop Chrome'],
      baseURL: `http://127.0.0.1:${opts.appPort}`,
      mockOrigin: `http://127.0.0.1:${opts.mockPort}`,
      trace: 'retain-on-failure',
      launchOptions: CHROMIUM,
    },
  };
}
