import { DEFAULTS as BRIDGE_DEFAULTS } from '../lib/realtime/cache/bridge';
import { DevtoolsPanel } from './pages/devtools-panel';
import { expect, test } from './support/fixtures';
import { restEntries } from './support/rest-log';

/**
 * A burst (DESIGN.md promise 6): 500 real writes in one second (mock-ws's `stream`, paced by the
 * server, each write one event) end with the screen equal to REST, and the one active query the
 * events invalidate (the goal, whose progress the server computes) is refetched at most once per
 * flush window, never once per event.
 */

const EVENTS = 500;
// Quiet for two of the longest windows (a stream stretches them to busyFlushWindowMs): settled.
const SETTLE_MS = 2 * BRIDGE_DEFAULTS.busyFlushWindowMs;

type WireAction = { id: string; status: string; priority: string; progress: number };

test(`a burst of ${EVENTS} events in one second: the screen ends equal to REST, refetches stay at one per flush window`, async ({
  app,
  control,
  page,
  restAs,
}) => {
  // Heavier than the rest: 500 events through a browser on a shared 2-core machine.
  test.setTimeout(90_000);
  await DevtoolsPanel.enable(page);
  const devtools = new DevtoolsPanel(page);
  await app.open('/goals/g-2');
  await devtools.openCounters();

  const since = await control.mark();
  await test.step(`mock-ws makes ${EVENTS} writes in 1 s (progress, status, priority, assignee, readings, comments)`, async () => {
    await control.stream({ rate: EVENTS, durationMs: 1_000, mix: 'mixed', seed: 7 });
    await expect.poll(async () => (await control.streamStatus()).running, { timeout: 20_000 }).toBe(false);
    const status = await control.streamStatus();
    expect(status.events).toBe(EVENTS);
    test
      .info()
      .annotations.push({ type: 'burst', description: `${status.events} writes, achieved ${status.achieved_rate} /s` });
  });

  await test.step('the page received every event', async () => {
    await expect(devtools.counter('received')).toHaveText(String(EVENTS), { timeout: 30_000 });
    await expect(devtools.counter('invalid')).toHaveText('0');
  });

  await test.step('refetches: only the goal, at most once per flush window', async () => {
    const gets = async () => restEntries((await control.log({ since, kind: 'rest' })).entries, 'GET');
    // Settled: no new request for a few flush windows.
    let count = -1;
    await expect
      .poll(
        async () => {
          const before = count;
          await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
          count = (await gets()).length;
          return count === before;
        },
        { timeout: 20_000, intervals: [0] },
      )
      .toBe(true);
    const requests = await gets();
    expect(new Set(requests.map((e) => e.path)), 'only the invalidated goal detail is requested').toEqual(
      new Set(['/api/goals/g-2']),
    );
    const span = requests.at(-1)!.at - requests[0]!.at;
    const windows = Math.floor(span / BRIDGE_DEFAULTS.flushWindowMs) + 1;
    test.info().annotations.push({
      type: 'refetches',
      description: `${requests.length} refetches of /api/goals/g-2 over ${span} ms (${windows} flush windows)`,
    });
    // One slack request: arrival times at mock-ws jitter by a few ms around the browser's windows.
    expect(requests.length, `refetches over ${span} ms`).toBeLessThanOrEqual(windows + 1);
    expect(requests.length).toBeLessThan(EVENTS / 10);
  });

  await test.step('every action row and the goal’s progress equal what REST says', async () => {
    const ben = await restAs('ben@acme.test');
    const truth = await ben.get<{ items: WireAction[] }>('/api/actions?goal_id=g-2');
    const goal = await ben.get<{ progress: number }>('/api/goals/g-2');
    for (const action of truth.items) {
      const row = app.goal.actionRow(action.id);
      await row.expectStatus(action.status);
      await row.expectPriority(action.priority);
      await row.expectProgress(action.progress);
    }
    await expect(app.goal.summary('g-2').getByRole('progressbar')).toHaveAttribute(
      'aria-valuenow',
      String(goal.progress),
    );
  });
});
