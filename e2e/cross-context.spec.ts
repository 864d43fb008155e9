import { expect, test } from './support/fixtures';
import { recordRow } from './support/row-history';

/**
 * A write made through the UI in one browser context appears in another, and the writer's own
 * screen never flickers back: the optimistic value stays while its REST answer and the echoed
 * event arrive (in either order).
 */

for (const order of ['echo first', 'answer first'] as const) {
  test(`completing an action in one context shows in the other; the writer's row never flickers (${order})`, async ({
    app,
    control,
    openApp,
  }) => {
    const ben = await openApp({ user: 'ben@acme.test' });
    await app.open('/goals/g-2');
    await ben.open('/actions?assignee=u-2');
    // Slow the REST answer so the echoed event arrives before it.
    if (order === 'echo first') await control.restDelay('/api/actions/a-8', 800);

    const writerRow = await recordRow(app.goal.actionRow('a-8').locator);
    const readerRow = await recordRow(ben.actions.row('a-8').locator);

    const since = await control.mark();
    await test.step('Ava completes "Screen the first 20 candidates" on the goal page', async () => {
      await app.actions.complete('Screen the first 20 candidates');
      await app.goal.actionRow('a-8').expectStatus('done');
    });

    await test.step('Ben sees it done, without a reload, and is told who did it', async () => {
      await ben.actions.row('a-8').expectStatus('done');
      await ben.actions.row('a-8').expectProgress(100);
      await expect(ben.shell.toasts).toContainText(/completed 'Screen the first 20 candidates'/);
    });

    await test.step("Ava's row went from in progress to done once, and stayed there", async () => {
      // Once mock-ws has answered the PATCH, give the browser a moment to apply the answer.
      const answered = async () =>
        (await control.log({ since, kind: 'rest' })).entries.some((e) => e.kind === 'rest' && e.method === 'PATCH');
      await expect.poll(answered).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const states = (await writerRow.values()).map((s) => `${s.status} ${s.progress}`);
      expect(states).toEqual(['in_progress 35', 'done 100']);
      expect((await readerRow.values()).map((s) => `${s.status} ${s.progress}`)).toEqual([
        'in_progress 35',
        'done 100',
      ]);
      await expect(app.shell.toasts).not.toContainText('completed');
    });
  });
}
