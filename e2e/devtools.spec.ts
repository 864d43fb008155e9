import { readFile } from 'node:fs/promises';
import { test as base, expect, type Locator, type Page } from '@playwright/test';

/**
 * The realtime devtools panel in a production build: turned on by ?realtime-devtools=1 (and
 * remembered), an event emitted through the control API shows up with its outcome, the payload and
 * the rule are one click away, and the access token never appears in the panel or its export.
 */

const MOCK_ORIGIN = `http://127.0.0.1:${Number(process.env.MOCK_WS_PORT ?? 4010)}`;
const SESSION_KEY = 'purposepath.session';

async function control(path: string, body: unknown = {}): Promise<Record<string, unknown>> {
  const res = await fetch(`${MOCK_ORIGIN}/__control/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST /__control/${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

type Fixtures = { devtools: DevtoolsPage };

class DevtoolsPage {
  readonly panel: Locator;
  /** The log's rows (the type and outcome filters are selects with options of their own). */
  readonly rows: Locator;
  constructor(readonly page: Page) {
    this.panel = page.getByRole('dialog', { name: 'Realtime devtools' });
    this.rows = this.panel.getByRole('listbox', { name: 'Event log' }).getByRole('option');
  }

  /** Signs in, then loads `path` with the devtools flag and waits for the live socket. */
  async start(email: string, path: string) {
    await this.page.goto(`/login?next=${encodeURIComponent(path)}`);
    await this.page.getByRole('textbox', { name: 'Email' }).fill(email);
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(this.page).toHaveURL(path);
    await this.page.goto(`${path}?realtime-devtools=1`);
    await expect(this.page.getByTestId('realtime-status')).toHaveAttribute('data-state', 'live', { timeout: 10_000 });
  }

  async open() {
    await this.page.getByRole('button', { name: 'Open realtime devtools' }).click();
    await expect(this.panel).toBeVisible();
  }

  tab(name: 'Event log' | 'Counters' | 'What if') {
    return this.panel.getByRole('tab', { name });
  }

  row(eventId: string) {
    return this.rows.filter({ hasText: eventId });
  }

  accessToken(): Promise<string> {
    return this.page.evaluate(
      (key) => (JSON.parse(sessionStorage.getItem(key) ?? '{}') as { accessToken?: string }).accessToken ?? '',
      SESSION_KEY,
    );
  }
}

const test = base.extend<Fixtures>({
  devtools: async ({ page }, provide) => {
    await control('reset');
    const problems: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`[${msg.type()}] ${msg.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`[pageerror] ${error.message}`));
    await provide(new DevtoolsPage(page));
    expect(problems, 'the browser console stays free of errors and warnings').toEqual([]);
  },
});

test('an emitted event shows in the panel with its outcome, payload and rule; the token never does', async ({
  devtools,
  page,
}) => {
  test.setTimeout(60_000); // many steps; ~15 s on an idle machine
  await devtools.start('ava@acme.test', '/goals');
  await expect(page.getByTestId('goal-row-g-1')).toBeVisible();
  const token = await devtools.accessToken();
  expect(token.length).toBeGreaterThan(20);

  await test.step('off without the flag: remembered once set, so a plain URL keeps it', async () => {
    await page.goto('/goals');
    await expect(page.getByRole('button', { name: 'Open realtime devtools' })).toBeVisible();
    await expect(page.getByTestId('realtime-status')).toHaveAttribute('data-state', 'live', { timeout: 10_000 });
  });

  await devtools.open();
  await expect(devtools.tab('Event log')).toBeFocused();

  const { id } = await control('emit', {
    type: 'goal.completed',
    data: { goal_id: 'g-1', previous_status: 'active', status: 'completed', updated_at: new Date().toISOString() },
  });
  const eventId = String(id);

  await test.step('the row shows what the event did', async () => {
    const row = devtools.row(eventId);
    await expect(row).toContainText('goal.completed');
    await expect(row).toContainText(/patched \d+ · invalidated 2/);
    await expect(row).toHaveAttribute('data-outcome', /patched/);
    await expect(page.getByTestId('goal-row-g-1')).toContainText('Completed');
  });

  await test.step('a duplicate of it is ignored', async () => {
    await control('emit', {
      type: 'goal.completed',
      id: eventId,
      data: { goal_id: 'g-1', previous_status: 'active', status: 'completed', updated_at: new Date().toISOString() },
    });
    await expect(devtools.rows.filter({ hasText: 'ignored: duplicate' })).toHaveCount(1);
  });

  await test.step('an older event is stale: the cache already has newer data', async () => {
    await control('emit', {
      type: 'goal.completed',
      data: { goal_id: 'g-1', previous_status: 'active', status: 'completed', updated_at: '2020-01-01T00:00:00.000Z' },
    });
    await expect(devtools.rows.first()).toContainText('ignored: stale');
    await expect(devtools.rows.first()).toHaveAttribute('data-outcome', 'stale');
  });

  await test.step('clicking the row shows the payload and the rule', async () => {
    await devtools
      .row(eventId)
      .filter({ hasText: /patched/ })
      .click();
    const details = devtools.panel.getByTestId('devtools-details');
    await expect(details).toContainText('Status is on the event');
    await expect(details.getByTestId('devtools-payload')).toContainText('"goalId": "g-1"');
    await expect(details.getByRole('list', { name: 'Patches' })).toContainText("['goals', 'detail', 'g-1']");
  });

  await test.step('a payload carrying the token shows it redacted', async () => {
    const { id: leakId } = await control('emit', {
      type: 'goal.activity.created',
      data: {
        activity: {
          id: 'ac-900',
          goal_id: 'g-1',
          kind: 'comment',
          message: `oops ${token}`,
          actor_id: 'u-1',
          created_at: new Date().toISOString(),
        },
      },
    });
    await devtools.row(String(leakId)).click();
    await expect(devtools.panel.getByTestId('devtools-payload')).toContainText('oops [redacted]');
  });

  await test.step('the export carries no token either', async () => {
    const download = page.waitForEvent('download');
    await devtools.panel.getByRole('button', { name: 'Export JSON' }).click();
    const file = await (await download).path();
    const text = await readFile(file, 'utf8');
    expect(text).toContain(eventId);
    expect(text).not.toContain(token);
  });

  await test.step('no view of the panel shows the token', async () => {
    expect(await devtools.panel.innerHTML()).not.toContain(token);
    await devtools.tab('Counters').click();
    await expect(devtools.panel.getByTestId('devtools-counter-received')).toContainText('4');
    await expect(devtools.panel.getByTestId('devtools-connection-state')).toHaveText('live');
    expect(await devtools.panel.innerHTML()).not.toContain(token);
    await devtools.tab('What if').click();
    await expect(devtools.panel.getByTestId('devtools-what-if')).toContainText('goal.completed');
    expect(await devtools.panel.innerHTML()).not.toContain(token);
  });

  await test.step('Escape closes the panel and gives focus back to its button', async () => {
    await page.keyboard.press('Escape');
    await expect(devtools.panel).toBeHidden();
    await expect(page.getByRole('button', { name: 'Open realtime devtools' })).toBeFocused();
  });
});

test('at 390 px the panel fits the screen; "What if" lists the cached keys an event would patch', async ({
  devtools,
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await devtools.start('ava@acme.test', '/actions');
  await expect(page.getByTestId('action-row-a-8')).toBeVisible();
  await devtools.open();
  await control('emit', {
    type: 'action.progress_updated',
    data: { action_id: 'a-8', goal_id: 'g-2', progress: 60, updated_at: new Date().toISOString() },
  });
  const first = devtools.rows.first();
  await expect(first).toContainText('action.progress_updated');
  await expect(first).toContainText(/patched \d+/);
  await first.click();
  await expect(page.getByTestId('action-row-a-8')).toContainText('60%');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: 'screenshots/devtools-390.png' });

  await devtools.tab('What if').click();
  await devtools.panel.getByRole('combobox', { name: 'Example event' }).selectOption('action.priority_changed');
  const frame = devtools.panel.getByRole('textbox', { name: /Event frame/ });
  await frame.fill((await frame.inputValue()).replace('"a-1"', '"a-8"').replace('"g-1"', '"g-2"'));
  const result = devtools.panel.getByTestId('devtools-what-if');
  await expect(result.getByRole('list', { name: 'Would patch' })).toContainText("['actions', 'list',");
  await expect(page.getByTestId('action-row-a-8')).not.toContainText('Critical');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: 'screenshots/devtools-390-what-if.png' });
});

test('at 1280 px: a reading patches the dashboard; "What if" marks active queries and can apply locally', async ({
  devtools,
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await devtools.start('ava@acme.test', '/');
  await expect(page.getByTestId('stat-active-goals')).toBeVisible();
  await devtools.open();
  await control('emit', {
    type: 'measure.reading.created',
    data: {
      measure_id: 'm-1',
      reading: {
        id: 'r-900',
        measure_id: 'm-1',
        value: 4100,
        recorded_at: new Date().toISOString(),
        recorded_by: 'u-1',
      },
    },
  });
  await expect(devtools.rows.filter({ hasText: 'measure.reading.created' })).toContainText(/patched \d+/);
  await devtools.rows.filter({ hasText: 'measure.reading.created' }).click();
  await expect(devtools.panel.getByTestId('devtools-payload')).toContainText('"value": 4100');
  await page.screenshot({ path: 'screenshots/devtools-1280.png' });

  await devtools.tab('What if').click();
  const result = devtools.panel.getByTestId('devtools-what-if');
  const invalidate = result.getByRole('list', { name: 'Would invalidate' });
  await expect(invalidate).toContainText("['dashboard', 'summary']");
  await expect(invalidate).toContainText('active: refetches');
  await page.screenshot({ path: 'screenshots/devtools-1280-what-if.png' });
  await devtools.panel.getByRole('button', { name: 'Apply locally' }).click();
  await expect(result.getByRole('status')).toContainText('Applied locally');
  await devtools.tab('Event log').click();
  await expect(devtools.rows.first()).toContainText('goal.completed');
  await devtools.tab('Counters').click();
  await expect(devtools.panel.getByTestId('devtools-counter-applied').locator('dd')).toHaveText('2');
  await page.screenshot({ path: 'screenshots/devtools-1280-counters.png' });
});
