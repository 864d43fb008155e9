import { expect, test } from './support/fixtures';
import { pauseClock, tickUntil } from './support/page-clock';
import { handshakes } from './support/rest-log';

/**
 * Reconnect backoff (DESIGN.md promise 2): with the backend refusing connections, attempts follow
 * 1, 2, 4, 8 s, each within its jitter (lib/realtime/backoff.ts: uniform in [step/2, step]).
 * The page's clock is Playwright's: paused, then moved forward by hand, so the schedule is exact
 * and the test takes a few real seconds, not fifteen.
 */

const STEPS_MS = [1_000, 2_000, 4_000, 8_000];
const JITTER = 0.5;
/** Real time to wait for an attempt that must NOT happen (a handshake reaches mock-ws in a few ms). */
const QUIET_MS = 300;

test('reconnect attempts follow the 1, 2, 4, 8 s schedule within jitter', async ({
  app,
  control,
  consoleErrors,
  page,
}) => {
  consoleErrors.allowRealtimeWarnings();
  consoleErrors.allowRefusedHandshakes();
  const refused = async (since: number) =>
    handshakes((await control.log({ since, kind: 'handshake' })).entries).filter((h) => h.outcome === 'refused').length;

  await page.clock.install();
  await app.open('/goals');
  const details = await app.shell.openConnectionDetails();

  const since = await control.mark();
  await test.step('the server refuses handshakes, then drops the live socket', async () => {
    await control.refuseConnections(503, 120_000);
    await pauseClock(page);
    await control.drop();
    await app.shell.expectState('reconnecting');
    await expect(details).toContainText('Attempt 1');
  });

  for (const [index, step] of STEPS_MS.entries()) {
    const earliest = Math.round(step * (1 - JITTER));
    await test.step(`attempt ${index + 1}: not before ${earliest} ms, by ${step} ms`, async () => {
      await page.clock.runFor(earliest - 1);
      await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
      // "Reconnecting in Ns" only while a retry is still scheduled: the attempt has not started.
      await expect(app.shell.badge).toHaveText(/^Reconnecting in \d+s$/);
      expect(await refused(since), `no attempt before ${earliest} ms`).toBe(index);

      await page.clock.runFor(step - earliest + 1);
      await tickUntil(page, async () => (await refused(since)) === index + 1, `one attempt by ${step} ms`);
      // The refusal is handled (the next attempt scheduled from now) before the clock moves on.
      await expect(details).toContainText(`Attempt ${index + 2}`);
    });
  }

  await test.step('once the server accepts again, the next attempt connects: Live', async () => {
    await control.refuseConnections(503, 0);
    await page.clock.runFor(16_000);
    await tickUntil(page, async () => (await app.shell.badge.getAttribute('data-state')) === 'live', 'Live again');
    await app.shell.expectLive();
  });
});
