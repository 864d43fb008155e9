import { control, expect, expectLive, signIn, test } from './support/smoke';

/** Smoke: sign-in, every route with its seeded data, a live cross-browser write, tenant isolation. */

test('a signed-out visit goes to sign-in and comes back to the page it asked for', async ({ page, consoleWatch }) => {
  // Chromium logs every non-2xx response itself; the refused sign-in below is deliberate.
  consoleWatch.allow(/Failed to load resource: the server responded with a status of 401/);
  await page.goto('/goals');
  await expect(page).toHaveURL('/login?next=%2Fgoals');
  await expect(page.getByRole('heading', { name: 'Sign in to PurposePath' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Email' }).fill('nobody@acme.test');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByText('No demo user with that email.')).toBeVisible();
  await page.getByRole('textbox', { name: 'Email' }).fill('ava@acme.test');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL('/goals');
  await expect(page.getByTestId('goal-row-g-1')).toContainText('Launch v2 onboarding');
  await expectLive(page);
});

test('every route renders its seeded data', async ({ page }) => {
  await signIn(page, 'ava@acme.test');
  await test.step('dashboard', async () => {
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await expect(page.getByTestId('stat-active-goals')).toContainText('3');
    await expect(page.getByTestId('measure-row-m-1')).toContainText('Weekly active users');
  });
  await test.step('goals', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Goals' }).click();
    await expect(page.getByTestId('goal-row-g-4')).toContainText('Ship SSO for enterprise customers');
    await expect(page.getByTestId('goal-row-g-4')).toContainText('Completed');
  });
  await test.step('goal detail', async () => {
    await page.getByRole('link', { name: 'Hire two engineers' }).click();
    await expect(page).toHaveURL('/goals/g-2');
    await expect(page.getByRole('heading', { level: 1, name: 'Hire two engineers' })).toBeVisible();
    const row = page.getByTestId('action-row-a-8');
    await expect(row).toContainText('Screen the first 20 candidates');
    await expect(row).toContainText('In progress');
    await expect(row).toContainText('High');
    await expect(row).toContainText('Ben Brooks');
    await expect(row).toContainText('35%');
    await expect(page.getByRole('list', { name: 'Activity' })).toContainText('Two strong candidates already in the pipeline.');
    await expect(page.getByRole('list', { name: 'Attachments' })).toContainText('job-description-backend.pdf');
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
    await expect(page.locator('[data-testid^="reading-row-"]')).toHaveCount(8);
  });
  await expectLive(page);
});

test('a write in one browser appears in another without a reload', async ({ page, newWatchedContext }) => {
  const other = await (await newWatchedContext()).newPage();
  await signIn(page, 'ava@acme.test', '/goals/g-2');
  await signIn(other, 'ben@acme.test', '/goals');
  await expectLive(page);
  await expectLive(other);
  const remoteRow = other.getByTestId('goal-row-g-2');
  await expect(remoteRow).toContainText('Active');

  await page.getByRole('button', { name: 'Complete', exact: true }).click();
  await expect(page.getByTestId('goal-summary-g-2')).toContainText('Completed');

  await expect(remoteRow).toContainText('Completed');
  await expect(other.getByRole('status', { name: 'Notifications' })).toContainText("Ava completed 'Hire two engineers'");
  // The writer is not told about its own change.
  await expect(page.getByRole('status', { name: 'Notifications' })).not.toContainText('completed');
});

test('switching tenant shows only the other tenant’s data', async ({ page }) => {
  await signIn(page, 'max@acme.test', '/goals');
  await expect(page.getByTestId('goal-row-g-1')).toBeVisible();
  await expectLive(page);

  await page.getByRole('combobox', { name: 'Tenant' }).selectOption({ label: 'Globex' });
  await expect(page.getByTestId('goal-row-g-7')).toContainText('Open the Berlin sales office');
  await expect(page.locator('[data-testid^="goal-row-"]')).toHaveCount(6);
  await expect(page.getByTestId('goal-row-g-1')).toHaveCount(0);
  await expect(page.getByText('Launch v2 onboarding')).toHaveCount(0);
  await expectLive(page);

  // An acme event after the switch reaches nobody in this tab.
  await control('emit', {
    type: 'goal.created',
    tenant: 'acme',
    data: { goal: { id: 'g-99', title: 'Acme secret plan', description: '', status: 'draft', owner_id: 'u-1', progress: 0, created_at: '2026-11-27T10:00:00.000Z', updated_at: '2026-11-27T10:00:00.000Z' } },
  });
  await page.goto('/');
  await expect(page.getByTestId('stat-active-goals')).toContainText('3');
  await expect(page.getByText('Acme secret plan')).toHaveCount(0);
});
