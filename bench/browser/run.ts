import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { chromium, type Browser, type Page } from '@playwright/test';
import type { StreamStatus } from '../../mock-ws/control-stream';
import { analyzeScreen, type ScreenResult } from './analyze';
import type { BrowserBenchOptions, Mix } from './args';
import { fetchChunks, labelsOf } from './chunk-labels';
import { PROBE_GLOBAL, probeScript, type ProbeApi, type ProbeDump } from './probe';
import { startProfile, stopProfile, summarizeProfile, type CpuProfile, type ProfileSummary } from './profile';
import { startServers, type Servers } from './servers';

export const RUN_DEFAULTS = {
  email: 'ava@acme.test',
  tenant: 'acme',
  /** The actions list (every action) and a goal's page (its actions), open side by side as two tabs. */
  screens: ['/actions', '/goals/g-1'],
  chromiumPath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  chromiumArgs: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
  viewport: { width: 1280, height: 900 },
  warmupRate: 200,
  pollMs: 100,
  requestTimeoutMs: 30_000,
  liveTimeoutMs: 30_000,
  /** Beyond the stream's own duration, how long it may take to finish before the run gives up. */
  streamSlackMs: 30_000,
};

export type RateResult = {
  mix: Mix;
  rate: number;
  stream: StreamStatus;
  /** ms from the stream's last event until every screen showed what REST says; null if not within settleMaxMs. */
  settledMs: number | null;
  screens: ScreenResult[];
  /** Per screen, with --profile: main-thread JS time by chunk over the stream and its settling. */
  profiles: Array<ProfileSummary | null>;
};

export type BenchResult = {
  options: BrowserBenchOptions;
  chromium: string;
  screens: string[];
  loadAverage: { start: number[]; end: number[] };
  /** Console errors and uncaught page errors over the whole run (tokens redacted). */
  pageErrors: string[];
  results: RateResult[];
};

type Screen = { path: string; page: Page };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const redact = (text: string) => text.replace(/(access_token=)[^&\s"']+/gi, '$1[redacted]');

export async function runBrowserBench(options: BrowserBenchOptions, log: (line: string) => void): Promise<BenchResult> {
  if (!existsSync(RUN_DEFAULTS.chromiumPath)) {
    throw new Error(
      `Chromium is not at ${RUN_DEFAULTS.chromiumPath}. Run \`node scripts/ensure-chromium.mjs\` (npm run bench:browser does) or set CHROMIUM_PATH.`,
    );
  }
  const loadStart = loadavg();
  const servers = await startServers({
    mockPort: options.mockPort,
    appPort: options.appPort,
    distDir: options.distDir,
    rebuild: options.rebuild,
    log,
  });
  let browser: Browser | undefined;
  const stopAll = async () => {
    await browser?.close().catch(() => {});
    await servers.stop();
  };
  const onSignal = () => void stopAll().then(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    browser = await chromium.launch({
      executablePath: RUN_DEFAULTS.chromiumPath,
      args: RUN_DEFAULTS.chromiumArgs,
      headless: !options.headed,
    });
    const context = await browser.newContext({ viewport: RUN_DEFAULTS.viewport });
    const pageErrors: string[] = [];
    const screens: Screen[] = [];
    for (const path of RUN_DEFAULTS.screens) {
      const page = await context.newPage();
      page.on('console', (msg) => {
        if (msg.type() === 'error') pageErrors.push(`${path}: ${redact(msg.text())}`);
      });
      page.on('pageerror', (error) => pageErrors.push(`${path}: ${redact(error.message)}`));
      await page.addInitScript(probeScript());
      await signIn(page, servers.appUrl, path);
      screens.push({ path, page });
    }
    log(`signed in as ${RUN_DEFAULTS.email}; screens ${RUN_DEFAULTS.screens.join(', ')} are live`);
    const token = await apiToken(servers);

    const warmUp = async () => {
      if (options.warmupMs <= 0) return;
      await stream(servers, {
        rate: RUN_DEFAULTS.warmupRate,
        durationMs: options.warmupMs,
        mix: 'progress',
        seed: options.seed - 1,
      });
      await settle(servers, token, screens, options.settleMaxMs);
    };
    await warmUp();
    const runs: Array<
      Omit<RateResult, 'screens' | 'profiles'> & { dumps: ProbeDump[]; cpu: Array<CpuProfile | null> }
    > = [];
    for (const mix of options.mixes) {
      for (const rate of options.rates) {
        log(`${mix}: ${rate} events/s for ${options.durationMs / 1_000} s...`);
        await Promise.all(
          screens.map(({ page }) =>
            page.evaluate((name) => (window as unknown as Record<string, ProbeApi>)[name]!.reset(), PROBE_GLOBAL),
          ),
        );
        const sessions = options.profile ? await Promise.all(screens.map(({ page }) => startProfile(page))) : [];
        const status = await stream(servers, { rate, durationMs: options.durationMs, mix, seed: options.seed + rate });
        const settledAt = await settle(servers, token, screens, options.settleMaxMs);
        const cpu = options.profile ? await Promise.all(sessions.map(stopProfile)) : screens.map(() => null);
        const dumps = await Promise.all(
          screens.map(
            ({ page }) =>
              page.evaluate(
                (name) => (window as unknown as Record<string, ProbeApi>)[name]!.dump(),
                PROBE_GLOBAL,
              ) as Promise<ProbeDump>,
          ),
        );
        const settledMs = settledAt === null ? null : Math.max(0, settledAt - (status.finished_at ?? settledAt));
        runs.push({ mix, rate, stream: status, settledMs, dumps, cpu });
        if (settledAt === null) {
          // Frames still queued in the page would land in the next rate's figures: start it on fresh pages.
          log(
            `the screens had not caught up with REST ${options.settleMaxMs / 1_000} s after the stream; reloading them so the next rate starts without that backlog`,
          );
          for (const { page } of screens) {
            await page.reload();
            await waitLive(page);
          }
          await settle(servers, token, screens, options.settleMaxMs);
          await warmUp();
        }
      }
    }
    const scripts = runs.flatMap((r) => r.dumps.flatMap((d) => d.loafs.flatMap((l) => l.scripts.map((x) => x.source))));
    const sampled = runs.flatMap((r) => r.cpu.flatMap((p) => (p ? p.nodes.map((n) => n.callFrame.url) : [])));
    const appPaths = sampled.filter((url) => url.startsWith(servers.appUrl)).map((url) => new URL(url).pathname);
    const chunks = await fetchChunks(servers.appUrl, [...scripts, ...appPaths]);
    const labels = labelsOf(chunks);
    const results: RateResult[] = runs.map(({ dumps, cpu, ...run }) => ({
      ...run,
      screens: dumps.map((dump, i) => analyzeScreen(screens[i]!.path, dump, labels)),
      profiles: cpu.map((p) => (p ? summarizeProfile(p, chunks) : null)),
    }));
    return {
      options,
      chromium: browser.version(),
      screens: RUN_DEFAULTS.screens,
      loadAverage: { start: loadStart, end: loadavg() },
      pageErrors,
      results,
    };
  } catch (error) {
    const exited = servers.exited();
    if (exited.length === 0) throw error;
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${exited.join('\n')}`);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await stopAll();
  }
}

async function signIn(page: Page, appUrl: string, path: string): Promise<void> {
  await page.goto(`${appUrl}/login?next=${encodeURIComponent(path)}`);
  await page.getByRole('textbox', { name: 'Email' }).fill(RUN_DEFAULTS.email);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => url.pathname === path, { timeout: RUN_DEFAULTS.liveTimeoutMs });
  await waitLive(page);
}

async function waitLive(page: Page): Promise<void> {
  await page
    .locator('[data-testid="realtime-status"][data-state="live"]')
    .waitFor({ timeout: RUN_DEFAULTS.liveTimeoutMs });
  await page.locator('[data-testid^="action-row-"]').first().waitFor({ timeout: RUN_DEFAULTS.liveTimeoutMs });
}

async function json<T>(url: string, init?: { method?: string; body?: unknown; token?: string }): Promise<T> {
  const method = init?.method ?? (init?.body === undefined ? 'GET' : 'POST');
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(init?.token ? { authorization: `Bearer ${init.token}` } : {}),
      },
      body: init?.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(RUN_DEFAULTS.requestTimeoutMs),
    });
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message;
    throw new Error(`${method} ${url} got no answer (${cause}).`);
  }
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${new URL(url).pathname} answered ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

async function apiToken(servers: Servers): Promise<string> {
  const auth = await json<{ access_token: string }>(`${servers.mockUrl}/api/auth/login`, {
    body: { email: RUN_DEFAULTS.email },
  });
  return auth.access_token;
}

/** Start a stream through mock-ws's control verb and wait for its last event. */
async function stream(
  servers: Servers,
  s: { rate: number; durationMs: number; mix: Mix; seed: number },
): Promise<StreamStatus> {
  const url = `${servers.mockUrl}/__control/stream`;
  await json<StreamStatus>(url, {
    body: { tenant: RUN_DEFAULTS.tenant, rate: s.rate, duration_ms: s.durationMs, mix: s.mix, seed: s.seed },
  });
  const deadline = Date.now() + s.durationMs + RUN_DEFAULTS.streamSlackMs;
  for (;;) {
    await sleep(RUN_DEFAULTS.pollMs);
    const status = await json<StreamStatus>(url);
    if (!status.running) {
      if (status.stopped) throw new Error(`The stream ended early: ${status.stopped}.`);
      return status;
    }
    if (Date.now() > deadline)
      throw new Error(
        `The ${s.rate}/s stream was still running ${RUN_DEFAULTS.streamSlackMs / 1_000} s after its planned end (${status.events} of ${status.planned} events sent); mock-ws cannot keep up on this machine.`,
      );
  }
}

/** Wait until every screen's rows show the progress REST reports; the epoch ms when they did, or null. */
async function settle(servers: Servers, token: string, screens: Screen[], maxMs: number): Promise<number | null> {
  const deadline = Date.now() + maxMs;
  for (;;) {
    const truth = await json<{ items: Array<{ id: string; progress: number }> }>(`${servers.mockUrl}/api/actions`, {
      token,
    });
    const progress = new Map(truth.items.map((a) => [a.id, Math.round(a.progress)]));
    const shown = await Promise.all(
      screens.map(({ page }) =>
        page.evaluate((name) => (window as unknown as Record<string, ProbeApi>)[name]!.rows(), PROBE_GLOBAL),
      ),
    );
    const at = Date.now();
    if (shown.every((rows) => Object.entries(rows).every(([id, value]) => progress.get(id) === value))) return at;
    if (at > deadline) return null;
    await sleep(RUN_DEFAULTS.pollMs);
  }
}
