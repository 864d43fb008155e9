import { DevtoolsPanel } from './pages/devtools-panel';
import { expect, test } from './support/fixtures';

/**
 * Garbage from the socket (DESIGN.md promise 4): every bad frame is dropped and counted, nothing is
 * thrown into the page, the socket stays open and the next good event still applies.
 */

const ts = '2026-11-27T10:00:00.000Z';
const frames: { reason: string; frame: string; binary?: boolean }[] = [
  { reason: 'bad_json', frame: '{"type":"goal.completed",' },
  { reason: 'unknown_type', frame: JSON.stringify({ type: 'goal.exploded', timestamp: ts, data: {} }) },
  { reason: 'bad_payload', frame: JSON.stringify({ type: 'goal.completed', timestamp: ts, data: { goal_id: 42 } }) },
  {
    reason: 'hostile_key',
    frame: `{"type":"goal.completed","timestamp":"${ts}","data":{"goal_id":"g-2","previous_status":"active","status":"completed","updated_at":"${ts}","__proto__":{"polluted":"yes"}}}`,
  },
  {
    reason: 'hostile_key',
    frame: `{"type":"goal.completed","timestamp":"${ts}","data":{"constructor":{"prototype":{"polluted":"yes"}},"goal_id":"g-2","previous_status":"active","status":"completed","updated_at":"${ts}"}}`,
  },
  { reason: 'binary', frame: Buffer.from('{"type":"ping"}').toString('base64'), binary: true },
];

test('bad JSON, an unknown type, a wrong shape, __proto__ payloads and a binary frame are dropped and counted; the app keeps working', async ({
  app,
  control,
  page,
}) => {
  const devtools = new DevtoolsPanel(page);
  await DevtoolsPanel.enable(page);
  await app.open('/goals/g-2');
  const [connection] = (await control.connections()).open;
  await devtools.openCounters();
  await expect(devtools.counter('invalid')).toHaveText('0');

  const since = await control.mark();
  await test.step(`send ${frames.length} bad frames`, async () => {
    for (const { frame, binary } of frames) {
      const { sent } = await control.sendRaw(frame, binary ? { binary: true, encoding: 'base64' } : {});
      expect(sent).toBe(1);
    }
  });

  await test.step('each is counted as invalid, by reason', async () => {
    await expect(devtools.counter('invalid')).toHaveText(String(frames.length));
    await expect(devtools.counter('applied')).toHaveText('0');
    await expect(devtools.rejectedByReason).toContainText('bad_json 1');
    await expect(devtools.rejectedByReason).toContainText('unknown_type 1');
    await expect(devtools.rejectedByReason).toContainText('bad_payload 1');
    await expect(devtools.rejectedByReason).toContainText('hostile_key 2');
    await expect(devtools.rejectedByReason).toContainText('binary 1');
  });

  await test.step('nothing changed, nothing was polluted, the same socket is still open', async () => {
    await app.goal.expectStatus('g-2', 'Active');
    expect(await page.evaluate(() => ({}) as Record<string, unknown>)).not.toHaveProperty('polluted');
    expect(await page.evaluate(() => 'polluted' in Object.prototype)).toBe(false);
    expect((await control.connections()).open.map((c) => c.id)).toEqual([connection!.id]);
    expect((await control.log({ since, kind: 'close' })).entries).toEqual([]);
    await app.shell.expectLive();
  });

  await test.step('the next good event still applies', async () => {
    await control.emit('goal.completed', {
      goal_id: 'g-2',
      previous_status: 'active',
      status: 'completed',
      updated_at: new Date().toISOString(),
    });
    await app.goal.expectStatus('g-2', 'Completed');
    await expect(devtools.counter('applied')).toHaveText('1');
  });
});
