import { expect, test } from './support/fixtures';
import { pauseClock, tickUntil } from './support/page-clock';
import { handshakes } from './support/rest-log';

/**
 * Server `error` frames, pings and silence (DESIGN.md error policy and promise 3). The page clock
 * is paused where a wait must be measured, and moved by hand.
 */

test('RATE_LIMIT_EXCEEDED with retry_after_ms: no reconnect attempt and no send before it', async ({
  app,
  control,
  consoleErrors,
  page,
}) => {
  consoleErrors.allowRealtimeWarnings();
  const RETRY_AFTER_MS = 5_000;
  await page.clock.install();
  await app.open('/goals');
  const connection = (await control.connections()).open[0]!.id;

  const since = await control.mark();
  await test.step(`the server rate-limits the client for ${RETRY_AFTER_MS} ms, then drops the socket`, async () => {
    await pauseClock(page);
    await control.error('RATE_LIMIT_EXCEEDED', { retryAfterMs: RETRY_AFTER_MS });
    await control.ping();
    await control.drop();
    await app.shell.expectState('reconnecting');
  });

  await test.step('no pong for the ping sent while limited, no handshake before retry_after_ms', async () => {
    await page.clock.runFor(RETRY_AFTER_MS - 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // "Reconnecting in Ns" only while the retry is still scheduled: the attempt has not started.
    await expect(app.shell.badge).toHaveText(/^Reconnecting in \d+s$/);
    const entries = (await control.log({ since })).entries;
    expect(entries.filter((e) => e.kind === 'ws_in' && e.connection_id === connection)).toEqual([]);
    expect(handshakes(entries)).toEqual([]);
  });

  await test.step('at retry_after_ms it reconnects: Live', async () => {
    await page.clock.runFor(1);
    await tickUntil(page, async () => handshakes((await control.log({ since })).entries).length === 1, 'one handshake');
    await app.shell.expectLive();
  });
});

test('a server ping is answered with a pong', async ({ app, control }) => {
  await app.open('/goals');
  const since = await control.mark();
  const { sent } = await control.ping();
  expect(sent).toBe(1);
  await expect
    .poll(async () =>
      (await control.log({ since })).entries.filter((e) => e.kind === 'ws_in').map((e) => e.kind === 'ws_in' && e.type),
    )
    .toEqual(['pong']);
});

test('with server pings stopped and the socket silent past the watchdog, the client replaces the connection', async ({
  app,
  control,
  consoleErrors,
  page,
}) => {
  consoleErrors.allowRealtimeWarnings();
  // lib/realtime/connection/socket.ts DEFAULTS.watchdogMs
  const WATCHDOG_MS = 75_000;
  await page.clock.install();
  await app.open('/goals');
  const [first] = (await control.connections()).open;

  const since = await control.mark();
  await test.step('mock-ws stops pinging after one last ping; the page clock runs to just before the watchdog', async () => {
    await control.heartbeat(0);
    await pauseClock(page);
    // The last frame the client hears, at a known (paused) time: silence is measured from here.
    await control.ping();
    await expect.poll(async () => (await control.log({ since, kind: 'ws_in' })).entries.length).toBe(1);
    await page.clock.runFor(WATCHDOG_MS - 1_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(handshakes((await control.log({ since })).entries)).toEqual([]);
    await app.shell.expectLive();
  });

  await test.step('past the watchdog: the silent socket is closed and a new one is Live', async () => {
    await page.clock.runFor(2_000);
    await tickUntil(page, async () => handshakes((await control.log({ since })).entries).length > 0, 'a new handshake');
    expect(handshakes((await control.log({ since })).entries).map((h) => h.outcome)).toEqual(['accepted']);
    await app.shell.expectLive();
    const { open } = await control.connections();
    expect(open.map((c) => c.id)).not.toContain(first!.id);
    expect(open).toHaveLength(1);
    const closes = (await control.log({ since, kind: 'close' })).entries;
    expect(closes).toEqual([expect.objectContaining({ connection_id: first!.id, code: 4000, reason: 'watchdog' })]);
  });
});
