import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { control, logSince } from './chaos-backend';

/**
 * The watch shared by the chaos and security specs: resets mock-ws, records every console message
 * and uncaught error of every page, learns every token the browser is given (from the auth
 * responses themselves) and, when a test ends, checks that no token appears in the console, in an
 * uncaught error, in any open page's DOM (error messages and the devtools panel included) or in
 * mock-ws's log. The one allowed exception is Chromium's own line for a failed WebSocket handshake,
 * which prints the URL with its query (see docs/security.md).
 */
export const BROWSER_WS_FAILURE = /^WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/realtime\?access_token=[^'\s]*&tenant=[a-z]+' failed: /;

export type ConsoleLine = { type: string; text: string; page: string };

export type Watch = {
  /** mock-ws's log sequence number when the test started. */
  startSeq: number;
  console: ConsoleLine[];
  pageErrors: string[];
  /** Every token seen: issued to the browser, or added by the test (the driver's own sessions). */
  secrets: Set<string>;
  /** Console errors and warnings this test expects (e.g. the app's warning when chaos drops its socket). */
  allow(pattern: RegExp): void;
  /** Pages whose DOM is searched for tokens at the end (every page of every watched context). */
  pages(): Page[];
  /** Unexpected console errors/warnings so far. */
  problems(): string[];
  watchContext(context: BrowserContext, name: string): void;
  /** Keeps the DOM of every open page for the token check (called before contexts close). */
  captureDoms(): Promise<void>;
  /** Checks every collected surface for every known token; returns what it looked at. */
  checkTokens(): Promise<{ surfaces: number; tokens: number; browserWsLines: number }>;
};

export type OpenOptions = {
  /** Switch to this tenant after signing in. */
  tenant?: string;
  /** Label for console lines; the email by default. */
  name?: string;
  /** Open a further tab in this context instead of a new context (the tab signs in on its own). */
  context?: BrowserContext;
  /** Runs in every page of a new context before the app's scripts. */
  initScript?: () => void;
};

type Fixtures = {
  watch: Watch;
  /** A fresh browser context, watched, signed in as `email`, on `path`. */
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

function createWatch(): Watch {
  const allowed: RegExp[] = [];
  const contexts: BrowserContext[] = [];
  const doms: [string, string][] = [];
  const watch = {
    startSeq: 0,
    console: [] as ConsoleLine[],
    pageErrors: [] as string[],
    secrets: new Set<string>(),
    allow: (pattern: RegExp) => void allowed.push(pattern),
    pages: () => contexts.flatMap((c) => c.pages()).filter((p) => !p.isClosed()),
    problems: () =>
      [
        ...watch.console.filter((l) => l.type === 'error' || l.type === 'warning').map((l) => [`[${l.type}] ${l.text}`, l.text]),
        ...watch.pageErrors.map((e) => [`[pageerror] ${e}`, e]),
      ]
        .filter(([line, text]) => !allowed.some((re) => re.test(line!) || re.test(text!)))
        .map(([line]) => line!),
    watchContext(context: BrowserContext, name: string) {
      contexts.push(context);
      const onPage = (page: Page) => {
        page.on('console', (msg) => watch.console.push({ type: msg.type(), text: msg.text(), page: name }));
        page.on('pageerror', (error) => watch.pageErrors.push(`${name}: ${error.message}\n${error.stack ?? ''}`));
      };
      context.pages().forEach(onPage);
      context.on('page', onPage);
      context.on('response', (res) => {
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
      for (const page of watch.pages()) {
        const dom = await page.evaluate(() => document.documentElement.outerHTML).catch(() => '');
        doms.push([`the DOM of ${page.url()}`, dom]);
      }
    },
    async checkTokens() {
      await watch.captureDoms();
      const surfaces: [string, string][] = [...doms];
      for (const line of watch.console) {
        if (!BROWSER_WS_FAILURE.test(line.text)) surfaces.push([`console.${line.type} of ${line.page}`, line.text]);
      }
      for (const error of watch.pageErrors) surfaces.push(['an uncaught error', error]);
      surfaces.push(['the mock-ws log', JSON.stringify(await logSince(watch.startSeq))]);
      surfaces.push(['mock-ws connections', JSON.stringify(await control('connections'))]);
      const leaks: string[] = [];
      for (const secret of watch.secrets) {
        // A JWT's signature alone is as good as the token: look for it too.
        const pieces = [secret, secret.split('.').at(-1) ?? secret].filter((p) => p.length >= 16);
        for (const [where, text] of surfaces) {
          const piece = pieces.find((p) => text.includes(p));
          if (piece === undefined) continue;
          const at = text.indexOf(piece);
          const context = `${text.slice(Math.max(0, at - 60), at)}<TOKEN>${text.slice(at + piece.length, at + piece.length + 20)}`;
          leaks.push(`${where}: …${context}…`);
        }
      }
      expect(leaks, 'no access or refresh token appears in the console, the DOM or the mock-ws log').toEqual([]);
      const browserWsLines = watch.console.filter((l) => BROWSER_WS_FAILURE.test(l.text)).length;
      return { surfaces: surfaces.length, tokens: watch.secrets.size, browserWsLines };
    },
  };
  return watch;
}

export const test = base.extend<Fixtures>({
  watch: [
    async ({ context }, provide) => {
      await control('reset', {});
      const watch = createWatch();
      watch.startSeq = (await logSince(0)).last_seq;
      watch.watchContext(context, 'default');
      await provide(watch);
      await watch.checkTokens();
      expect(watch.pageErrors, 'no uncaught error in any page').toEqual([]);
      expect(watch.problems(), 'no unexpected console error or warning').toEqual([]);
    },
    { auto: true },
  ],
  openAs: async ({ browser, watch }, provide) => {
    const opened: BrowserContext[] = [];
    await provide(async (email, path, options = {}) => {
      let context = options.context;
      if (!context) {
        context = await browser.newContext();
        if (options.initScript) await context.addInitScript(options.initScript);
        opened.push(context);
        watch.watchContext(context, options.name ?? email);
      }
      const page = await context.newPage();
      await signIn(page, email, path);
      if (options.tenant) {
        await page.getByRole('combobox', { name: 'Tenant' }).selectOption({ value: options.tenant });
      }
      return page;
    });
    await watch.captureDoms();
    for (const context of opened) await context.close();
  },
});

export { expect };
