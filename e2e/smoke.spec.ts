import { App, LoginPage } from './pages/app';
import { expect, test } from './support/fixtures';
import * as wire from './support/wire';

/** Smoke: sign-in, every route with its seeded data, a live cross-browser write, tenant isolation. */

test('a signed-out visit goes to sign-in and comes back to the page it asked for', async ({ page, consoleErrors }) => {
  // Chromium logs every non-2xx response itself; the refused sign-in below is deliberate.
  consoleErrors.allowFailedResponses(401);
  const app = new App(page);
  await page.goto('/goals');
  await expect(page).toHaveURL('/login?next=%2Fgoals');
  await expect(page.getByRole('heading', { name: 'Sign in to PurposePath' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Email' }).fill('nobody@acme.test');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByText('No demo user with that email.')).toBeVisible();
  await page.getByRole('textbox', { name: 'Email' }).fill('ava@acme.test');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL('/goals');
  await app.goals.row('g-1').expectText('Launch v2 onboarding');
  await app.shell.expectLive();
});

test('every route renders its seeded data', async ({ page }) => {
  const app = new App(page);
  await new LoginPage(page).signIn('ava@acme.test');
  await test.step('dashboard', async () => {
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await expect(app.dashboard.stat('active-goals')).toContainText('3');
    await expect(app.dashboard.measureRow('m-1')).toContainText('Weekly active users');
  });
  await test.step('goals', async () => {
    await app.shell.navigate('Goals');
    await app.goals.row('g-4').expectText('Ship SSO for enterprise customers');
    await app.goals.row('g-4').expectStatus('completed');
  });
  await test.step('goal detail', async () => {
    await app.goals.open('Hire two engineers');
    await expect(page).toHaveURL('/goals/g-2');
    const row = app.goal.actionRow('a-8');
    await row.expectText('Screen the first 20 candidates');
    await row.expectStatus('in_progress');
    await row.expectPriority('high');
    await row.expectText('Ben Brooks');
    await row.expectProgress(35);
    await expect(app.goal.activity).toContainText('Two strong candidates already in the pipeline.');
    await expect(app.goal.attachments).toContainText('job-description-backend.pdf');
  });
  const routes: [string, string, string][] = [
    ['/actions', 'action-row-a-12', 'Add an on-call rota for support'],
    ['/measures', 'measure-row-m-3', 'Median first response time'],
    ['/issues', 'issue-row-i-1', 'Signup emails land in spam'],
    ['/decisions', 'decision-row-d-2', 'Hire remote-first for engineering'],
  ];
  for (const [path, testId, text] of routes) {
    await test.step(path, async () => {
      await page.goto(path);
      await expect(page.getByTestId(testId)).toContainText(text);
    });
  }
  await test.step('measure detail', async () => {
    await page.goto('/measures/m-1');
    await expect(page.getByRole('heading', { level: 1, name: 'Weekly active users' })).toBeVisible();
    await expect(page.getByRole('img', { name: /Weekly active users: 8 readings, latest 3940 users/ })).toBeVisible();
    await expect(app.measures.readingRows()).toHaveCount(8);
  });
  await app.shell.expectLive();
});

test('a write in one browser appears in another without a reload', async ({ app, openApp }) => {
  const ben = await openApp({ user: 'ben@acme.test' });
  await app.open('/goals/g-2');
  await ben.open('/goals');
  await ben.goals.row('g-2').expectStatus('active');

  await app.goal.setStatus('Complete');
  await app.goal.expectStatus('g-2', 'Completed');

  await ben.goals.row('g-2').expectStatus('completed');
  await expect(ben.shell.toasts).toContainText("Ava completed 'Hire two engineers'");
  // The writer is not told about its own change.
  await expect(app.shell.toasts).not.toContainText('completed');
});

test.describe('tenant switch', () => {
  test.use({ user: 'max@acme.test' });

  test('switching tenant shows only the other tenant’s data', async ({ app, control }) => {
    await app.open('/goals');
    await expect(app.goals.row('g-1').locator).toBeVisible();

    await app.shell.switchTenant('Globex');
    await app.goals.row('g-7').expectText('Open the Berlin sales office');
    await expect(app.goals.rows).toHaveCount(6);
    await app.goals.row('g-1').expectGone();
    await expect(app.page.getByText('Launch v2 onboarding')).toHaveCount(0);
    await app.shell.expectLive();

    // An acme event after the switch reaches nobody in this tab.
    await control.emit(
      'goal.created',
      { goal: wire.goal({ id: 'g-99', title: 'Acme secret plan', owner_id: 'u-1' }) },
      { tenant: 'acme' },
    );
    await app.page.goto('/');
    await expect(app.dashboard.stat('active-goals')).toContainText('3');
    await expect(app.page.getByText('Acme secret plan')).toHaveCount(0);
  });
});
