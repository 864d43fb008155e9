import { test as base, expect, type BrowserContext } from '@playwright/test';
import { App } from '../pages/app';
import { ConsoleGuard } from './console-guard';
import { ControlClient, type Tenant } from './control-client';
import { apiLogin, restAs, seedSession, type RestWriter } from './session';

export type Login = { user: string; tenant?: Tenant };

export type KitOptions = {
  /** Who `app` is signed in as (default ava@acme.test): `test.use({ user: 'max@acme.test' })`. */
  user: string;
  /** Which tenant `app` signs in to; default: the user's first. */
  tenant: Tenant | undefined;
};

export type KitWorkerOptions = {
  /** mock-ws origin, set by the Playwright config (`use: { mockOrigin }`). */
  mockOrigin: string;
};

export type KitFixtures = {
  /** The `/__control` client. */
  control: ControlClient;
  /** Auto: restores the seed and clears every fault before each test. */
  resetBackend: void;
  /** Auto: fails the test on any console error/warning or page error it did not `allow`. */
  consoleErrors: ConsoleGuard;
  /** The test's `page`, signed in as `user` (sessionStorage, as after a reload); not navigated yet. */
  app: App;
  /** Another signed-in tab in a new, independent browser context (closed after the test). */
  openApp: (login: Login) => Promise<App>;
  /** A new browser context whose pages the console guard watches too (closed after the test). */
  newContext: () => Promise<BrowserContext>;
  /** Another user writing through REST (the server broadcasts each write's events). */
  restAs: (email: string, tenant?: Tenant) => Promise<RestWriter>;
};

const DEFAULT_MOCK_ORIGIN = `http://127.0.0.1:${Number(process.env.MOCK_WS_PORT ?? 4010)}`;

export const test = base.extend<KitFixtures & KitOptions, KitWorkerOptions>({
  mockOrigin: [DEFAULT_MOCK_ORIGIN, { option: true, scope: 'worker' }],
  user: ['ava@acme.test', { option: true }],
  tenant: [undefined, { option: true }],

  control: async ({ mockOrigin }, provide) => {
    await provide(new ControlClient(mockOrigin));
  },

  resetBackend: [
    async ({ control }, provide) => {
      await control.reset();
      await provide();
    },
    { auto: true },
  ],

  consoleErrors: [
    async ({ context }, provide) => {
      const guard = new ConsoleGuard();
      guard.attach(context);
      await provide(guard);
      expect(guard.unexpected(), 'console errors, warnings and page errors the test did not allow').toEqual([]);
    },
    { auto: true },
  ],

  newContext: async ({ browser, consoleErrors }, provide) => {
    const opened: BrowserContext[] = [];
    await provide(async () => {
      const context = await browser.newContext();
      consoleErrors.attach(context);
      opened.push(context);
      return context;
    });
    for (const context of opened) await context.close();
  },

  restAs: async ({ mockOrigin }, provide) => {
    await provide((email, tenant) => restAs(mockOrigin, email, tenant));
  },

  app: async ({ page, context, baseURL, mockOrigin, user, tenant }, provide) => {
    await seedSession(context, baseURL!, await apiLogin(mockOrigin, user, tenant));
    await provide(new App(page));
  },

  openApp: async ({ newContext, baseURL, mockOrigin }, provide) => {
    await provide(async ({ user, tenant }) => {
      const context = await newContext();
      await seedSession(context, baseURL!, await apiLogin(mockOrigin, user, tenant));
      return new App(await context.newPage());
    });
  },
});

export { expect };
