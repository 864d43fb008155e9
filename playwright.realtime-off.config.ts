import { defineConfig } from '@playwright/test';
import type { KitOptions, KitWorkerOptions } from './e2e/support/fixtures';
import { baseConfig, servers } from './e2e/support/playwright-base';

/**
 * The realtime-off build (NEXT_PUBLIC_FEATURE_REALTIME=false is inlined at build time, so it is a
 * build of its own, in .next-realtime-off) with its own mock-ws, on ports of its own so it never
 * reuses the main run's servers: MOCK_WS_PORT_OFF (4011), APP_PORT_OFF (3001), NEXT_DIST_DIR_OFF.
 */
const mockPort = Number(process.env.MOCK_WS_PORT_OFF ?? 4011);
const appPort = Number(process.env.APP_PORT_OFF ?? 3001);

const base = baseConfig({ mockPort, appPort });

export default defineConfig<KitOptions, KitWorkerOptions>({
  ...base,
  testDir: './e2e/realtime-off',
  // Beside the main run's results and report, not over them (each run empties its own folders).
  outputDir: 'test-results/realtime-off',
  reporter: process.env.CI
    ? [['list']]
    : [['list'], ['html', { open: 'never', outputFolder: 'playwright-report/realtime-off' }]],
  webServer: servers({
    mockPort,
    appPort,
    distDir: process.env.NEXT_DIST_DIR_OFF ?? '.next-realtime-off',
    realtime: false,
  }),
});
