import type { BrowserContext, Page } from '@playwright/test';
import { backend } from './chaos-backend';
import { expect, test as kit } from './fixtures';

/**
 * The token watch shared by the chaos and security specs, on top of the QA kit (its backend reset
 * and console guard run as usual). It learns every token the browser is given (from the auth
 * responses themselves, so refreshed ones too) and, when a test ends, checks that none appears in
 * the console, in an uncaught error, in any page's DOM (error messages and the devtools panel
 * included) or in mock-ws's log. The one exception is Chromium's own line for a failed WebSocket
 * handshake, which prints the URL with its query (see docs/security.md).
 */
export const BROWSER_WS_FAILURE =
  /^WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/realtime\?access_token=[^'\s]*&tenant=[a-z]+' failed: /;

export type Watch = {
  /** mock-ws's log sequence number when the test started. */
  startSeq: number;
  /** Every token seen: issued to the browser, or added by the test (its own REST sessions). */
  secrets: Set<string>;
  /** Expected console errors and warnings, matched against `[type] text` (the kit's guard). */
  allow(pattern: RegExp): void;
  /** Uncaught page errors so far. */
  pageErrors(): string[];
  /** Console lines (every level) so far. */
  console(): { type: string; text: string }[];
  watchContext(context: BrowserContext): void;
  /** Keeps the DOM of every open page for the token check (called before contexts close). */
  captureDoms(): Promise<void>;
  /** Checks every collected surface for every known token; fails the test on a leak. */
  checkTokens(): Promise<{ surfaces: number; tokens: number; browserWsLines: number }>;
};

export type OpenOptions = {
  /** Open a further tab in this context instead of a new context (the tab signs in on its own). */
  context?: BrowserContext;
  /** Runs in every page of a new context before the app's scripts. */
  initScript?: () => void;
};

type Fixtures = {
  watch: Watch;
  /** A watched browser context signed in through the login form as `email`, on `path`. */
  openAs: (email: string, path: string, options?: OpenOptions) => Promise<Page>;
};

export async function signIn(page: Page, email: string, next = '/'): Promise<void> {
  await page.goto(next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`);
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(next);
}

export async function expectLive(page: Page, timeout = 10_000): Promise<void> {
  await expect(page.getByTestId('realtime-status')).toHaveAttribute('data-state', 'live', { timeout });
}

function leaksOf(secrets: Iterable<string>, surfaces: [string, string][]): string[] {
  const leaks: string[] = [];
  for (const secret of secrets) {
    // A JWT's signature alone is as good as the token: look for it too.
    const pieces = [secret, secret.split('.').at(-1) ?? secret].filter((p) => p.length >= 16);
    for (const [where, text] of surfaces) {
      const piece = pieces.find((p) => text.includes(p));
      if (piece === undefined) continue;
      const at = text.indexOf(piece);
      leaks.push(
        `${where}: …${text.slice(Math.max(0, at - 60), at)}<TOKEN>${text.slice(at + piece.length, at + piece.length + 20)}…`,
      );
    }
  }
  return leaks;
}

export const test = kit.extend<Fixtures>({
  watch: [
    async ({ context, consoleErrors }, provide) => {
      const contexts: BrowserContext[] = [];
      const doms: [string, string][] = [];
      const watch: Watch = {
        startSeq: await backend.mark(),
        secrets: new Set(),
        allow: (pattern) => consoleErrors.allow(pattern),
        pageErrors: () => consoleErrors.problems.filter((p) => p.startsWith('[pageerror]')),
        console: () => consoleErrors.lines,
        watchContext(ctx) {
          contexts.push(ctx);
          ctx.on('response', (res) => {
            if (!/\/api\/auth\/(login|refresh)$/.test(new URL(res.url()).pathname) || !res.ok()) return;
            res
              .json()
              .then((body: { access_token?: string; refresh_token?: string }) => {
                if (body.access_token) watch.secrets.add(body.access_token);
                if (body.refresh_token) watch.secrets.add(body.refresh_token);
              })
              .catch(() => {});
          });
        },
        async captureDoms() {
          for (const page of contexts.flatMap((c) => c.pages()).filter((p) => !p.isClosed())) {
            doms.push([
              `the DOM of ${page.url()}`,
              await page.evaluate(() => document.documentElement.outerHTML).catch(() => ''),
            ]);
          }
        },
        async checkTokens() {
          await watch.captureDoms();
          const lines = consoleErrors.lines.filter((l) => !BROWSER_WS_FAILURE.test(l.text));
          const surfaces: [string, string][] = [
            ...doms,
            ...lines.map((l): [string, string] => [`console.${l.type} (${l.url})`, l.text]),
            ...watch.pageErrors().map((p): [string, string] => ['an uncaught page error', p]),
            ['the mock-ws log', JSON.stringify(await backend.log({ since: watch.startSeq }))],
            ['mock-ws connections', JSON.stringify(await backend.connections())],
          ];
          expect(
            leaksOf(watch.secrets, surfaces),
            'no access or refresh token appears in the console, the DOM or the mock-ws log',
          ).toEqual([]);
          const browserWsLines = consoleErrors.lines.filter((l) => BROWSER_WS_FAILURE.test(l.text)).length;
          return { surfaces: surfaces.length, tokens: watch.secrets.size, browserWsLines };
        },
      };
      watch.watchContext(context);
      await provide(watch);
      await watch.checkTokens();
    },
    { auto: true },
  ],

  openAs: async ({ newContext, watch }, provide) => {
    await provide(async (email, path, options = {}) => {
      let context = options.context;
      if (!context) {
        context = await newContext();
        if (options.initScript) await context.addInitScript(options.initScript);
        watch.watchContext(context);
      }
      const page = await context.newPage();
      await signIn(page, email, path);
      return page;
    });
    // The kit closes its contexts next: keep their DOMs for the token check first.
    await watch.captureDoms();
  },
});

export { expect };
