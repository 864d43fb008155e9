import { expect, test } from './support/fixtures';
import * as wire from './support/wire';

/** Tenant isolation (DESIGN.md promise 9): nothing of one tenant ever shows in another. */

test('events emitted to globex never appear in a page signed in to acme', async ({ app, control, openApp }) => {
  const globex = await openApp({ user: 'dana@globex.test' });
  await app.open('/goals');
  await globex.open('/goals');

  await test.step('a goal created in globex reaches the globex page only', async () => {
    const { sent } = await control.emit(
      'goal.created',
      { goal: wire.goal({ id: 'g-95', title: 'Globex secret plan' }) },
      { tenant: 'globex' },
    );
    expect(sent).toBe(1);
    await globex.goals.row('g-95').expectText('Globex secret plan');
  });

  await test.step('a globex status change for an id acme shows is not applied in acme', async () => {
    // Ids are unique across tenants in mock-ws, but a page must not trust that: g-2 is acme's.
    await control.emit(
      'goal.completed',
      { goal_id: 'g-2', previous_status: 'active', status: 'completed', updated_at: wire.isoAt() },
      { tenant: 'globex' },
    );
  });

  await test.step('an acme event sent after them arrives, so the globex ones had their chance and were not delivered', async () => {
    await control.emit(
      'goal.created',
      { goal: wire.goal({ id: 'g-96', title: 'Acme public plan' }) },
      { tenant: 'acme' },
    );
    await app.goals.row('g-96').expectText('Acme public plan');
    await app.goals.row('g-95').expectGone();
    await expect(app.page.getByText('Globex secret plan')).toHaveCount(0);
    await app.goals.row('g-2').expectStatus('active');
    await globex.goals.row('g-96').expectGone();
  });
});

test.describe('switching tenant', () => {
  test.use({ user: 'max@acme.test' });

  test('leaves no acme data on screen, in the cache or on the socket', async ({ app, control }) => {
    await test.step('acme, Live', async () => {
      await app.open('/actions');
      await app.actions.row('a-8').expectText('Screen the first 20 candidates');
    });

    await test.step('switch to Globex: only globex rows, Live on a globex socket', async () => {
      await app.shell.switchTenant('Globex');
      await expect(app.actions.rows.first()).toBeVisible();
      const ids = await app.actions.rows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')));
      expect(ids.length).toBeGreaterThan(0);
      // acme's actions are a-1..a-20; globex continues from a-21.
      for (const id of ids) expect(Number(id!.replace('action-row-a-', ''))).toBeGreaterThan(20);
      await app.shell.expectLive();
      const { open } = await control.connections();
      expect(open.map((c) => c.tenant)).toEqual(['globex']);
    });

    await test.step('client-side navigation finds no cached acme screen either', async () => {
      await app.shell.navigate('Goals');
      await expect(app.goals.row('g-7').locator).toContainText('Open the Berlin sales office');
      await expect(app.goals.rows).toHaveCount(6);
      await expect(app.page.getByText('Launch v2 onboarding')).toHaveCount(0);
      await app.shell.navigate('Dashboard');
      await expect(app.dashboard.measureRow('m-5')).toContainText('Qualified leads');
      await expect(app.page.getByText('Weekly active users')).toHaveCount(0);
    });

    await test.step('acme events no longer reach this tab', async () => {
      await control.emit(
        'goal.created',
        { goal: wire.goal({ id: 'g-97', title: 'Acme after the switch' }) },
        { tenant: 'acme' },
      );
      await control.emit(
        'goal.created',
        { goal: wire.goal({ id: 'g-98', title: 'Globex after the switch' }) },
        { tenant: 'globex' },
      );
      await app.shell.navigate('Goals');
      await app.goals.row('g-98').expectText('Globex after the switch');
      await app.goals.row('g-97').expectGone();
    });
  });
});
