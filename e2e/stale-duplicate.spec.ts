import { DevtoolsPanel } from './pages/devtools-panel';
import { expect, test } from './support/fixtures';
import { recordRow } from './support/row-history';
import { isoAt } from './support/wire';

/**
 * Stale and duplicate events (DESIGN.md promise 7): an event whose `id` was already applied, or
 * whose `updated_at` is older than what the screen shows, changes nothing, not even for a moment.
 */

test('a duplicate id and older updated_at values change nothing on screen', async ({ app, control, page }) => {
  await DevtoolsPanel.enable(page);
  const devtools = new DevtoolsPanel(page);
  await app.open('/actions');
  const a8 = await recordRow(app.actions.row('a-8').locator);
  const a3 = await recordRow(app.actions.row('a-3').locator);
  const updatedAt = isoAt();

  await test.step('event e2e-1: a-8 progress 80', async () => {
    await control.emit(
      'action.progress_updated',
      { action_id: 'a-8', goal_id: 'g-2', progress: 80, updated_at: updatedAt },
      { id: 'e2e-1' },
    );
    await app.actions.row('a-8').expectProgress(80);
  });

  await test.step('the same id again, even with other data and a newer time', async () => {
    await control.emit(
      'action.progress_updated',
      { action_id: 'a-8', goal_id: 'g-2', progress: 10, updated_at: isoAt(60_000) },
      { id: 'e2e-1' },
    );
  });

  await test.step('a new id, but older than what a-8 shows', async () => {
    await control.emit(
      'action.progress_updated',
      { action_id: 'a-8', goal_id: 'g-2', progress: 20, updated_at: isoAt(-3_600_000) },
      { id: 'e2e-2' },
    );
  });

  await test.step('a new id, but older than the REST copy of a-3 (seeded 2026-10-20)', async () => {
    await control.emit(
      'action.progress_updated',
      { action_id: 'a-3', goal_id: 'g-1', progress: 5, updated_at: '2026-10-01T00:00:00.000Z' },
      { id: 'e2e-3' },
    );
  });

  await test.step('a later event applies: the ones before it were handled, and changed nothing', async () => {
    await control.emit(
      'action.priority_changed',
      { action_id: 'a-12', goal_id: 'g-3', previous_priority: 'high', priority: 'critical', updated_at: isoAt() },
      { id: 'e2e-4' },
    );
    await app.actions.row('a-12').expectPriority('critical');
    expect((await a8.values()).map((s) => s.progress)).toEqual(['35', '80']);
    expect((await a3.values()).map((s) => s.progress)).toEqual(['60']);
  });

  await test.step('the bridge counted one duplicate and two stale events', async () => {
    await devtools.openCounters();
    await expect(devtools.counter('duplicate')).toHaveText('1');
    await expect(devtools.counter('stale')).toHaveText('2');
    await expect(devtools.counter('applied')).toHaveText('2');
  });
});
