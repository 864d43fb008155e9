import { DEFAULTS as BRIDGE_DEFAULTS } from '@/lib/realtime/bridge';
import { expect, test } from './support/fixtures';
import { restEntries } from './support/rest-log';

/**
 * A burst (DESIGN.md promise 6): 500 events in about a second end with the right screen, and the
 * one query they all invalidate is refetched at most once per flush window, never once per event.
 */

const EVENTS = 500;
const CONCURRENCY = 8;
const ACTIONS = ['a-6', 'a-7', 'a-8', 'a-9'] as const;
const PRIORITIES = ['low', 'medium', 'high', 'critical'] as const;

test(`a burst of ${EVENTS} events: the screen ends correct and refetches stay at one per flush window`, async ({ app, control }) => {
  await app.open('/goals/g-2');
  const base = Date.now();
  // Event i sets one action's progress (or priority, every fifth) at time base + i ms.
  const events = Array.from({ length: EVENTS }, (_, i) => {
    const actionId = ACTIONS[i % ACTIONS.length]!;
    const updated_at = new Date(base + i).toISOString();
    return i % 5 === 4
      ? ({ type: 'action.priority_changed', data: { action_id: actionId, goal_id: 'g-2', previous_priority: 'high', priority: PRIORITIES[i % 4]!, updated_at } } as const)
      : ({ type: 'action.progress_updated', data: { action_id: actionId, goal_id: 'g-2', progress: i % 101, updated_at } } as const);
  });

  const since = await control.mark();
  await test.step(`emit ${EVENTS} events, ${CONCURRENCY} at a time`, async () => {
    const started = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < events.length) {
          const event = events[next++]!;
          await control.emit(event.type, event.data as never);
        }
      }),
    );
    test.info().annotations.push({ type: 'burst', description: `${EVENTS} events emitted in ${Date.now() - started} ms` });
  });

  await test.step('each action ends with the value of its newest event', async () => {
    for (const actionId of ACTIONS) {
      const last = (type: string) => events.filter((e) => e.type === type && e.data.action_id === actionId).at(-1)!;
      const progress = last('action.progress_updated').data as { progress: number };
      const priority = last('action.priority_changed').data as { priority: string };
      await app.goal.actionRow(actionId).expectProgress(progress.progress);
      await app.goal.actionRow(actionId).expectPriority(priority.priority);
    }
  });

  await test.step('refetches: only the goal (its progress is the server’s), at most once per flush window', async () => {
    await expect.poll(async () => restEntries((await control.log({ since, kind: 'rest' })).entries, 'GET').length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 4 * BRIDGE_DEFAULTS.flushWindowMs));
    const gets = restEntries((await control.log({ since, kind: 'rest' })).entries, 'GET');
    expect(new Set(gets.map((e) => e.path)), 'only the invalidated goal detail is requested').toEqual(new Set(['/api/goals/g-2']));
    const span = gets.at(-1)!.at - gets[0]!.at;
    const windows = Math.floor(span / BRIDGE_DEFAULTS.flushWindowMs) + 1;
    test.info().annotations.push({ type: 'refetches', description: `${gets.length} refetches of /api/goals/g-2 over ${span} ms (${windows} flush windows)` });
    // One slack request: server-side arrival times jitter by a few ms around the browser's windows.
    expect(gets.length, `refetches over ${span} ms`).toBeLessThanOrEqual(windows + 1);
    expect(gets.length).toBeLessThan(EVENTS / 10);
  });
});
