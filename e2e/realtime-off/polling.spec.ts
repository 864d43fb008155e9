import { expect, test } from '../support/fixtures';

/**
 * The realtime-off build (NEXT_PUBLIC_FEATURE_REALTIME=false): no WebSocket is ever opened, the
 * badge says so, and screens still update by polling (lib/api QUERY_DEFAULTS.pollIntervalMs,
 * 15 s), fast-forwarded on the page clock.
 */

const POLL_MS = 15_000;

test('no WebSocket; a teammate’s change appears by polling', async ({ app, control, page, restAs }) => {
  const sockets: string[] = [];
  page.on('websocket', (ws) => sockets.push(ws.url()));
  const start = await control.mark();
  await page.clock.install();

  await test.step('the goal list loads; the badge says Realtime off', async () => {
    await app.load('/goals');
    await app.goals.row('g-6').expectStatus('draft');
    await app.shell.expectState('disabled');
    const details = await app.shell.openConnectionDetails();
    await expect(details).toContainText(`Pages refresh every ${POLL_MS / 1000} s.`);
  });

  await test.step('Ben activates a goal through REST: nothing is pushed', async () => {
    const ben = await restAs('ben@acme.test');
    await ben.patch('/api/goals/g-6', { status: 'active' });
    await app.goals.row('g-6').expectStatus('draft');
  });

  const since = await control.mark();
  await test.step(`${POLL_MS / 1000} s later (page clock) the list has polled and shows it`, async () => {
    await page.clock.fastForward(POLL_MS);
    await app.goals.row('g-6').expectStatus('active');
    const gets = (await control.log({ since, kind: 'rest' })).entries.filter(
      (e) => e.kind === 'rest' && e.method === 'GET',
    );
    expect(gets.map((e) => e.kind === 'rest' && e.path)).toContain('/api/goals');
  });

  await test.step('no WebSocket was opened, and mock-ws saw no handshake', async () => {
    expect(sockets).toEqual([]);
    expect((await control.log({ since: start, kind: 'handshake' })).entries).toEqual([]);
  });
});
