import { defineConfig } from '@playwright/test';
import type { KitOptions, KitWorkerOptions } from './e2e/support/fixtures';
import { baseConfig, servers } from './e2e/support/playwright-base';

/**
 * The main e2e run: mock-ws plus a production build of the app with realtime on. The realtime-off
 * build has its own config (playwright.realtime-off.config.ts); `npm run test:e2e` runs both.
 * Ports: MOCK_WS_PORT (4010) and APP_PORT (3000); NEXT_DIST_DIR picks the build folder (.next).
 */
const mockPort = Number(process.env.MOCK_WS_PORT ?? 4010);
const appPort = Number(process.env.APP_PORT ?? 3000);

export default defineConfig<KitOptions, KitWorkerOptions>({
  ...baseConfig({ mockPort, appPort }),
  testDir: './e2e',
  testIgnore: ['realtime-off/**'],
  webServer: servers({ mockPort, appPort, distDir: process.env.NEXT_DIST_DIR, realtime: true }),
});
