import { expect, test } from './support/fixtures';
import { pauseClock, tickUntil } from './support/page-clock';

/**
 * Offline and back (DESIGN.md promise 2: reconnect at once on the browser's `online` event).
 * Chromium's network emulation (`context.setOffline`) blocks new connections but does not cut a
 * WebSocket that is already open, so the spec also ends the socket from the server side, as a
 * real network loss would.
 */

test('offline: the badge says Offline; back online it reconnects at once, Live and resynced', async ({
  app,
  consoleErrors,
  context,
  control,
  page,
  restAs,
}) => {
  consoleErrors.allowRealtimeWarnings();
  consoleErrors.allow(/^\[error\] Failed to load resource: net::ERR_INTERNET_DISCONNECTED$/);
  const ben = await restAs('ben@acme.test');
  await page.clock.install();
  await app.open('/goals/g-2');

  await test.step('the network goes away', async () => {
    await pauseClock(page);
    await context.setOffline(true);
    await control.drop();
    await app.shell.expectState('offline');
    const details = await app.shell.openConnectionDetails();
    await expect(details).toContainText('You appear to be offline.');
    await app.shell.connectionDetails.click();
  });

  await test.step('meanwhile Ben writes through REST', async () => {
    await ben.patch('/api/actions/a-8', { progress: 77 });
    await app.goal.actionRow('a-8').expectProgress(35);
  });

  await test.step('back online: Live at once (not at the next backoff step) and the missed write is on screen', async () => {
    const before = await page.evaluate(() => Date.now());
    await context.setOffline(false);
    await tickUntil(page, async () => (await app.shell.badge.getAttribute('data-state')) === 'live', 'Live again');
    const waited = (await page.evaluate(() => Date.now())) - before;
    // The first backoff step is at least 500 ms; a reconnect on `online` takes a tick or two.
    expect(waited, 'page-clock ms from online to Live').toBeLessThan(100);
    await app.shell.expectLive();
    // Let page time flow again: the resync's flush and React Query's notifications are page timers.
    await page.clock.resume();
    await app.goal.actionRow('a-8').expectProgress(77);
  });
});
