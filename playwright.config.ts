import { defineConfig, devices } from '@playwright/test';

const MOCK_PORT = Number(process.env.MOCK_WS_PORT ?? 4010);
const APP_PORT = Number(process.env.APP_PORT ?? 3000);
const APP_ORIGIN = `http://127.0.0.1:${APP_PORT}`;
const MOCK_ORIGIN = `http://127.0.0.1:${MOCK_PORT}`;

// NEXT_PUBLIC_* are inlined at build time, so the app under test is built against this mock-ws.
const APP_ENV: Record<string, string> = {
  NEXT_PUBLIC_API_URL: `${MOCK_ORIGIN}/api`,
  NEXT_PUBLIC_REALTIME_WS_URL: `ws://127.0.0.1:${MOCK_PORT}/realtime`,
  ...(process.env.NEXT_DIST_DIR ? { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR } : {}),
  ...(process.env.NEXT_PUBLIC_FEATURE_REALTIME ? { NEXT_PUBLIC_FEATURE_REALTIME: process.env.NEXT_PUBLIC_FEATURE_REALTIME } : {}),
};

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: APP_ORIGIN,
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run', '--disable-quic',
      ],
    },
  },
  webServer: [
    {
      command: 'npm run mock-ws',
      url: `${MOCK_ORIGIN}/health`,
      reuseExistingServer: !process.env.CI,
      env: { MOCK_WS_PORT: String(MOCK_PORT), MOCK_WS_CONTROL: '1', MOCK_WS_ALLOWED_ORIGINS: APP_ORIGIN },
      stdout: 'ignore',
      stderr: 'pipe',
      timeout: 30_000,
    },
    {
      command: `npm run build && npx next start -H 127.0.0.1 -p ${APP_PORT}`,
      url: APP_ORIGIN,
      reuseExistingServer: !process.env.CI,
      env: APP_ENV,
      stdout: 'ignore',
      stderr: 'pipe',
      timeout: 180_000,
    },
  ],
});
