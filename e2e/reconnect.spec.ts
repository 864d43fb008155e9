import { coveredKeys } from '../lib/realtime/cache/entities';
import { partialMatchKey } from '@tanstack/query-core';
import { expect, test } from './support/fixtures';
import { expectGets } from './support/map-expectations';
import { restPathOf, screens } from './support/screens';

/**
 * A dropped connection (a close with a code, or an abrupt terminate) comes back by itself, and
 * what changed while it was down is on screen after the resync (DESIGN.md promises 2 and 8).
 */

const drops = [
  { name: 'a close with code 4000', options: { code: 4000, reason: 'maintenance' }, closeCode: 4000 },
  { name: 'an abrupt terminate', options: {}, closeCode: 1006 },
] as const;

for (const drop of drops) {
  test(`after ${drop.name} the badge goes Reconnecting then Live, and writes made during the outage are on screen`, async ({
    app,
    control,
    consoleErrors,
    restAs,
  }) => {
    // The app warns once per lost connection; Chromium logs each refused handshake itself.
    consoleErrors.allowRealtimeWarnings();
    consoleErrors.allowRefusedHandshakes();
    const ben = await restAs('ben@acme.test');

    await test.step('Live on the goal page', async () => {
      await app.open('/goals/g-2');
      await app.goal.actionRow('a-8').expectProgress(35);
      await app.goal.expectStatus('g-2', 'Active');
    });

    await test.step(`the server goes away (${drop.name}) and refuses to come back for now`, async () => {
      await control.refuseConnections(503, 60_000);
      const dropAt = await control.mark();
      const { dropped } = await control.drop(drop.options);
      expect(dropped).toBe(1);
      await app.shell.expectState('reconnecting');
      const closes = (await control.log({ since: dropAt, kind: 'close' })).entries;
      expect(closes, 'the close mock-ws logged').toEqual([expect.objectContaining({ code: drop.closeCode })]);
    });

    await test.step('Ben writes through REST while the socket is down (the broadcasts reach nobody)', async () => {
      await ben.patch('/api/actions/a-8', { progress: 90 });
      await ben.patch('/api/goals/g-2', { status: 'completed' });
      await expect(app.goal.actionRow('a-8').locator).toContainText('35%');
    });

    const since = await control.mark();
    await test.step('the server accepts connections again: Live without a reload', async () => {
      await control.refuseConnections(503, 0);
      await app.shell.expectLive();
    });

    await test.step('the resync refetched each covered query on screen once, and shows the outage writes', async () => {
      const covered = screens.goal('g-2').filter((key) => coveredKeys.some((prefix) => partialMatchKey(key, prefix)));
      await expectGets(control, since, covered.map(restPathOf));
      await app.goal.actionRow('a-8').expectProgress(90);
      await app.goal.expectStatus('g-2', 'Completed');
    });
  });
}
