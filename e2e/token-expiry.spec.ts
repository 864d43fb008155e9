import { expect, test } from './support/fixtures';
import { handshakes, restEntries } from './support/rest-log';

/**
 * Token expiry during a live session (DESIGN.md error policy, UNAUTHORIZED): the app refreshes and
 * is Live again by itself; when the refresh token is dead too, it says so, offers to sign in
 * again, and does not hammer the server with handshakes.
 */

test('expired access tokens: the app refreshes and is Live again with no user action', async ({
  app,
  control,
  consoleErrors,
  restAs,
}) => {
  consoleErrors.allowRealtimeWarnings();
  await app.open('/goals/g-2');

  const since = await control.mark();
  await test.step('mock-ws revokes every access token and closes the socket with UNAUTHORIZED', async () => {
    const { closed } = await control.expireTokens();
    expect(closed).toBe(1);
  });

  await test.step('one refresh, one new handshake, Live', async () => {
    await app.shell.expectLive();
    await expect
      .poll(async () => handshakes((await control.log({ since, kind: 'handshake' })).entries).map((h) => h.outcome))
      .toEqual(['accepted']);
    const refreshes = restEntries((await control.log({ since, kind: 'rest' })).entries, 'POST').filter(
      (e) => e.path === '/api/auth/refresh',
    );
    expect(refreshes.map((e) => e.status)).toEqual([200]);
  });

  await test.step('the new session works: a teammate’s write arrives live', async () => {
    const ben = await restAs('ben@acme.test');
    await ben.patch('/api/actions/a-8', { progress: 55 });
    await app.goal.actionRow('a-8').expectProgress(55);
  });
});

test('refresh token expired too: the badge says Session expired, sign-in is offered, and no reconnect loop', async ({
  app,
  control,
  consoleErrors,
  page,
}) => {
  consoleErrors.allowRealtimeWarnings();
  // The refused refresh is a 401 that Chromium logs by itself.
  consoleErrors.allowFailedResponses(401);
  await page.clock.install();
  await app.open('/goals/g-2');

  await test.step('mock-ws revokes access and refresh tokens', async () => {
    await control.expireTokens({ includeRefresh: true });
    await app.shell.expectState('unauthorized');
    await expect(app.shell.sessionBanner).toContainText('Your session has expired.');
  });

  await test.step('a minute later (page clock): no further handshake attempts, data still on screen', async () => {
    const since = await control.mark();
    await page.clock.runFor(60_000);
    await app.shell.expectState('unauthorized');
    expect(handshakes((await control.log({ since, kind: 'handshake' })).entries)).toEqual([]);
    await app.goal.actionRow('a-8').expectProgress(35);
  });

  await test.step('Sign in again leads back to the same page, Live', async () => {
    await app.shell.sessionBanner.getByRole('button', { name: 'Sign in again' }).click();
    await expect(page).toHaveURL('/login?next=%2Fgoals%2Fg-2');
    await page.getByRole('textbox', { name: 'Email' }).fill('ava@acme.test');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page).toHaveURL('/goals/g-2');
    await app.shell.expectLive();
  });
});
