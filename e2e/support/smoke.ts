import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';

/** Small, self-contained helpers for the smoke spec: backend control, sign-in, console watch. */
export const MOCK_ORIGIN = `http://127.0.0.1:${Number(process.env.MOCK_WS_PORT ?? 4010)}`;

export async function control(path: string, body: unknown = {}): Promise<unknown> {
  const res = await fetch(`${MOCK_ORIGIN}/__control/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST /__control/${path} answered ${res.status}: ${await res.text()}`);
  return res.json();
}

export async function signIn(page: Page, email: string, next = '/'): Promise<void> {
  await page.goto(next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`);
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(next);
}

export async function expectLive(page: Page): Promise<void> {
  const badge = page.getByTestId('realtime-status');
  await expect(badge).toHaveAttribute('data-state', 'live', { timeout: 10_000 });
  await expect(badge).toHaveText('Live');
}

type ConsoleWatch = {
  /** Every console error or warning and every uncaught error, from every page of every context. */
  problems: string[];
  /** Declares one expected message (e.g. the browser's own log line for a deliberate 401). */
  allow(pattern: RegExp): void;
};

type Fixtures = {
  consoleWatch: ConsoleWatch;
  /** Opens a second, independent browser context whose pages are watched too. */
  newWatchedContext: () => Promise<BrowserContext>;
};

function watch(context: BrowserContext, problems: string[]) {
  const onPage = (page: Page) => {
    page.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`[${msg.type()}] ${msg.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`[pageerror] ${error.message}`));
  };
  context.pages().forEach(onPage);
  context.on('page', onPage);
}

export const test = base.extend<Fixtures>({
  consoleWatch: [
    async ({ context }, provide) => {
      await control('reset');
      const problems: string[] = [];
      const allowed: RegExp[] = [];
      watch(context, problems);
      await provide({ problems, allow: (pattern) => void allowed.push(pattern) });
      const unexpected = problems.filter((p) => !allowed.some((re) => re.test(p)));
      expect(unexpected, 'the browser console stays free of errors and warnings').toEqual([]);
    },
    { auto: true },
  ],
  newWatchedContext: async ({ browser, consoleWatch }, provide) => {
    const opened: BrowserContext[] = [];
    await provide(async () => {
      const context = await browser.newContext();
      watch(context, consoleWatch.problems);
      opened.push(context);
      return context;
    });
    for (const context of opened) await context.close();
  },
});

export { expect };
