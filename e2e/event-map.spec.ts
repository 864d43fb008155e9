import type { QueryKey } from '@tanstack/query-core';
import { EVENT_TYPES, type EventType, type WireEventData } from '@/lib/protocol';
import type { App } from './pages/app';
import { expect, test } from './support/fixtures';
import { EXPECT_DEFAULTS, expectGets, expectedRefetches } from './support/map-expectations';
import { getPaths } from './support/rest-log';
import { restPathOf, screens } from './support/screens';
import * as wire from './support/wire';

/**
 * Every event type, sent with `emit`, changes the screen that shows it without a reload, as
 * lib/realtime/cache/event-map.ts says: patched values appear with no REST request, and each active
 * query the rule invalidates is refetched exactly once (nothing else is requested).
 */

type EventCase<T extends EventType> = {
  /** Where the event is emitted: the route and the queries it keeps active. */
  route: string;
  active: QueryKey[];
  data: () => WireEventData<T>;
  /** The value before the event (optional). */
  before?: (app: App) => Promise<void>;
  /** The value after it; may navigate client-side to a screen that reads the patched cache. */
  after: (app: App) => Promise<void>;
};

const at = () => wire.isoAt();

const cases: { [T in EventType]: EventCase<T> } = {
  'goal.created': {
    route: '/goals',
    active: screens.goals(),
    data: () => ({ goal: wire.goal({ id: 'g-90', title: 'Open a Lisbon office', owner_id: 'u-3' }) }),
    before: async (app) => expect(app.goals.rows).toHaveCount(6),
    after: async (app) => {
      await app.goals.row('g-90').expectStatus('draft');
      await app.goals.row('g-90').expectText('Open a Lisbon office');
      await expect(app.goals.rows).toHaveCount(7);
    },
  },
  'goal.activated': {
    // The dashboard is active (refetched); the goal list it also holds is patched, then shown.
    route: '/',
    active: screens.dashboard(),
    data: () => ({ goal_id: 'g-6', previous_status: 'draft', status: 'active', updated_at: at() }),
    after: async (app) => {
      await app.shell.navigate('Goals');
      await app.goals.row('g-6').expectStatus('active');
    },
  },
  'goal.completed': {
    route: '/goals/g-2',
    active: screens.goal('g-2'),
    data: () => ({ goal_id: 'g-2', previous_status: 'active', status: 'completed', updated_at: at() }),
    before: async (app) => app.goal.expectStatus('g-2', 'Active'),
    after: async (app) => {
      await app.goal.expectStatus('g-2', 'Completed');
      await expect(app.page.getByRole('button', { name: 'Reopen', exact: true })).toBeVisible();
    },
  },
  'goal.cancelled': {
    // It leaves the list filtered by its old status.
    route: '/goals?status=active',
    active: screens.goals({ status: 'active' }),
    data: () => ({ goal_id: 'g-3', previous_status: 'active', status: 'cancelled', updated_at: at() }),
    before: async (app) => expect(app.goals.rows).toHaveCount(3),
    after: async (app) => {
      await app.goals.row('g-3').expectGone();
      await expect(app.goals.rows).toHaveCount(2);
    },
  },
  'goal.activity.created': {
    route: '/goals/g-2',
    active: screens.goal('g-2'),
    data: () => ({
      activity: {
        id: 'ac-90',
        goal_id: 'g-2',
        kind: 'comment',
        message: 'Offer accepted by candidate one.',
        actor_id: 'u-3',
        created_at: at(),
      },
    }),
    after: async (app) => {
      await expect(app.goal.activityRow('ac-90')).toContainText('Cho Chen commented: Offer accepted by candidate one.');
      await expect(app.goal.activity.getByRole('listitem').first()).toHaveAttribute(
        'data-testid',
        'activity-row-ac-90',
      );
    },
  },
  'action.created': {
    route: '/goals/g-2',
    active: screens.goal('g-2'),
    data: () => ({
      action: wire.action({
        id: 'a-90',
        goal_id: 'g-2',
        title: 'Send the offer letters',
        priority: 'high',
        assignee_id: 'u-3',
      }),
    }),
    after: async (app) => {
      const row = app.goal.actionRow('a-90');
      await row.expectText('Send the offer letters');
      await row.expectText('Cho Chen');
      await row.expectStatus('not_started');
    },
  },
  'action.status_changed': {
    route: '/actions',
    active: screens.actions(),
    data: () => ({
      action_id: 'a-8',
      goal_id: 'g-2',
      previous_status: 'in_progress',
      status: 'blocked',
      updated_at: at(),
    }),
    before: async (app) => app.actions.row('a-8').expectStatus('in_progress'),
    after: async (app) => app.actions.row('a-8').expectStatus('blocked'),
  },
  'action.completed': {
    route: '/goals/g-2',
    active: screens.goal('g-2'),
    data: () => ({ action_id: 'a-8', goal_id: 'g-2', completed_at: at(), updated_at: at() }),
    before: async (app) => app.goal.actionRow('a-8').expectProgress(35),
    after: async (app) => {
      await app.goal.actionRow('a-8').expectStatus('done');
      await app.goal.actionRow('a-8').expectProgress(100);
    },
  },
  'action.priority_changed': {
    route: '/actions',
    active: screens.actions(),
    data: () => ({
      action_id: 'a-8',
      goal_id: 'g-2',
      previous_priority: 'high',
      priority: 'critical',
      updated_at: at(),
    }),
    before: async (app) => app.actions.row('a-8').expectPriority('high'),
    after: async (app) => app.actions.row('a-8').expectPriority('critical'),
  },
  'action.reassigned': {
    route: '/goals/g-2',
    active: screens.goal('g-2'),
    data: () => ({
      action_id: 'a-8',
      goal_id: 'g-2',
      previous_assignee_id: 'u-2',
      assignee_id: 'u-3',
      updated_at: at(),
    }),
    before: async (app) => app.goal.actionRow('a-8').expectText('Ben Brooks'),
    after: async (app) => app.goal.actionRow('a-8').expectText('Cho Chen'),
  },
  'action.progress_updated': {
    route: '/goals/g-1',
    active: screens.goal('g-1'),
    data: () => ({ action_id: 'a-3', goal_id: 'g-1', progress: 85, updated_at: at() }),
    before: async (app) => app.goal.actionRow('a-3').expectProgress(60),
    after: async (app) => app.goal.actionRow('a-3').expectProgress(85),
  },
  'measure.reading.created': {
    route: '/measures/m-1',
    active: screens.measure('m-1'),
    data: () => ({
      measure_id: 'm-1',
      reading: { id: 'r-90', measure_id: 'm-1', value: 4100, recorded_at: at(), recorded_by: 'u-2' },
    }),
    before: async (app) => app.measures.expectCurrent('m-1', '3,940 users'),
    after: async (app) => {
      await app.measures.expectCurrent('m-1', '4,100 users');
      await expect(app.measures.readingRow('r-90')).toContainText('4,100 users');
      await expect(app.measures.readingRows()).toHaveCount(9);
    },
  },
  'issue.created': {
    route: '/issues',
    active: screens.issues(),
    data: () => ({
      issue: wire.issue({
        id: 'i-90',
        title: 'Offer letters stuck in legal review',
        priority: 'critical',
        goal_id: 'g-2',
      }),
    }),
    after: async (app) => {
      await app.issues.row('i-90').expectStatus('open');
      await app.issues.row('i-90').expectText('Hire two engineers');
    },
  },
  'issue.status_changed': {
    route: '/issues',
    active: screens.issues(),
    data: () => ({ issue_id: 'i-2', previous_status: 'open', status: 'resolved', updated_at: at() }),
    before: async (app) => app.issues.row('i-2').expectStatus('open'),
    after: async (app) => app.issues.row('i-2').expectStatus('resolved'),
  },
  'decision.created': {
    route: '/decisions',
    active: screens.decisions(),
    data: () => ({
      decision: wire.decision({
        id: 'd-90',
        title: 'Offer a signing bonus',
        outcome: 'Approved up to 5k.',
        issue_id: 'i-2',
      }),
    }),
    after: async (app) => {
      await expect(app.decisions.rows.first()).toHaveAttribute('data-testid', 'decision-row-d-90');
      await expect(app.decisions.row('d-90')).toContainText('Issue: Candidate pipeline is too thin for senior roles');
    },
  },
  'attachment.created': {
    route: '/goals/g-2',
    active: screens.goal('g-2'),
    data: () => ({
      attachment: wire.attachment({
        id: 'at-90',
        entity_id: 'g-2',
        file_name: 'offer-template.docx',
        size_bytes: 20_480,
      }),
    }),
    after: async (app) => expect(app.goal.attachmentRow('at-90')).toContainText('offer-template.docx'),
  },
};

test('the spec covers every event type of the protocol', () => {
  expect(Object.keys(cases).sort()).toEqual([...EVENT_TYPES].sort());
});

for (const type of EVENT_TYPES) {
  test(`${type} updates ${cases[type].route} as the event map says`, async ({ app, control }) => {
    await runCase(type, cases[type], app, control);
  });
}

async function runCase<T extends EventType>(
  type: T,
  c: EventCase<T>,
  app: App,
  control: Parameters<typeof expectGets>[0],
) {
  const data = c.data();
  await test.step(`open ${c.route} and wait for Live`, async () => {
    const loaded = await control.mark();
    await app.open(c.route);
    await c.before?.(app);
    // The screen model is right: a page load requests exactly the model's queries.
    const model = [...new Set(c.active.map(restPathOf))].sort();
    await expect
      .poll(async () => [...new Set(getPaths((await control.log({ since: loaded })).entries))].sort(), {
        intervals: [...EXPECT_DEFAULTS.pollIntervals],
      })
      .toEqual(model);
  });
  const since = await control.mark();
  // Survives only if the page is not reloaded.
  await app.page.evaluate(() => Object.assign(window, { e2eSameDocument: true }));
  await test.step(`emit ${type}`, async () => {
    const { sent } = await control.emit(type, data);
    expect(sent, 'sockets the event reached').toBe(1);
  });
  const refetches = expectedRefetches(type, data, c.active);
  await test.step(`refetch exactly ${refetches.length ? refetches.join(', ') : 'nothing'}`, async () => {
    await expectGets(control, since, refetches);
  });
  await test.step('the screen shows the change without a reload', async () => {
    await c.after(app);
    expect(await app.page.evaluate(() => 'e2eSameDocument' in window), 'the page was not reloaded').toBe(true);
    await expectGets(control, since, refetches, 0);
  });
}
