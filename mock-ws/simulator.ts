import { PRIORITIES } from '../lib/protocol';
import { membersOf, rowsOf } from './db';
import { createRandom, type Random } from './prng';
import type { Store } from './store';
import { createAction, patchAction } from './writes-actions';
import { addComment, patchGoal } from './writes-goals';
import { addReading, createIssue, patchIssue } from './writes-records';

const ISSUE_TITLES = [
  'Customers report slow page loads',
  'Vendor invoice is overdue',
  'Test environment is flaky',
  'Two people are out next week',
  'Budget approval is delayed',
  'Key supplier raised prices',
];
const COMMENTS = [
  'Made good progress on this today.',
  'Blocked on a review; following up tomorrow.',
  'Shared the draft with the team for feedback.',
  'Numbers look better than last week.',
  'Can someone take a look at the open questions?',
];
const ACTION_TITLES = [
  'Follow up with stakeholders',
  'Write a short status update',
  'Review the open risks',
  'Schedule a check-in with the team',
  'Update the project plan',
];
const MAX_OPEN_ISSUES = 8;

type Move = (tenant: string, actor: string) => string | null;

/**
 * Demo traffic (MOCK_WS_SIMULATE=1): every few seconds a team member who is not connected makes a realistic
 * change in each tenant, through the same store functions as REST, so the same events go out.
 */
export function createSimulator(deps: {
  store: Store;
  connectedUsers: (tenant: string) => Set<string>;
  seed: number;
  minMs: number;
  maxMs: number;
  print: (line: string) => void;
}) {
  const { store } = deps;
  const random: Random = createRandom(deps.seed);
  const timers = new Map<string, NodeJS.Timeout>();
  const db = () => store.db;
  const name = (id: string) => store.user(id)?.name ?? id;

  const openActions = (tenant: string) =>
    rowsOf(db().actions, tenant).filter(
      (a) => a.status !== 'done' && store.find(db().goals, tenant, a.goal_id)?.status === 'active',
    );
  const pickOr = <T>(items: T[]): T | null => (items.length ? random.pick(items) : null);

  const moves: Array<[weight: number, move: Move]> = [
    [
      4,
      (tenant, actor) => {
        const action = pickOr(openActions(tenant).filter((a) => a.status === 'in_progress'));
        if (!action) return null;
        const progress = Math.min(100, action.progress + random.int(10, 25));
        patchAction(store, tenant, actor, action.id, progress >= 100 ? { status: 'done' } : { progress });
        return `${name(actor)} moved "${action.title}" to ${progress}%`;
      },
    ],
    [
      2,
      (tenant, actor) => {
        const action = pickOr(openActions(tenant).filter((a) => a.status === 'not_started' || a.status === 'blocked'));
        if (!action) return null;
        patchAction(store, tenant, actor, action.id, { status: 'in_progress' });
        return `${name(actor)} started "${action.title}"`;
      },
    ],
    [
      2,
      (tenant, actor) => {
        const action = pickOr(openActions(tenant).filter((a) => a.status === 'in_progress' && a.progress >= 50));
        if (!action) return null;
        patchAction(store, tenant, actor, action.id, { status: 'done' });
        return `${name(actor)} completed "${action.title}"`;
      },
    ],
    [
      1,
      (tenant, actor) => {
        const action = pickOr(openActions(tenant));
        if (!action) return null;
        const priority = random.pick(PRIORITIES.filter((p) => p !== action.priority));
        patchAction(store, tenant, actor, action.id, { priority });
        return `${name(actor)} set "${action.title}" to ${priority}`;
      },
    ],
    [
      1,
      (tenant, actor) => {
        const action = pickOr(openActions(tenant));
        const assignee = pickOr(membersOf(db(), tenant).filter((u) => u.id !== action?.assignee_id));
        if (!action || !assignee) return null;
        patchAction(store, tenant, actor, action.id, { assignee_id: assignee.id });
        return `${name(actor)} gave "${action.title}" to ${assignee.name}`;
      },
    ],
    [
      3,
      (tenant, actor) => {
        const measure = pickOr(rowsOf(db().measures, tenant));
        if (!measure) return null;
        const current = measure.current_value ?? measure.target / 2;
        const raw =
          current +
          (measure.target - current) * random.next() * 0.15 +
          (random.next() - 0.5) * Math.abs(measure.target) * 0.01;
        const value = Math.abs(measure.target) >= 100 ? Math.round(raw) : Math.round(raw * 10) / 10;
        addReading(store, tenant, actor, measure.id, value);
        return `${name(actor)} recorded ${value} ${measure.unit} for "${measure.name}"`;
      },
    ],
    [
      1,
      (tenant, actor) => {
        const open = rowsOf(db().issues, tenant).filter((i) => i.status === 'open' || i.status === 'in_progress');
        if (open.length >= MAX_OPEN_ISSUES) return null;
        const goal = pickOr(rowsOf(db().goals, tenant).filter((g) => g.status === 'active'));
        const issue = createIssue(store, tenant, actor, {
          title: random.pick(ISSUE_TITLES),
          priority: random.pick(PRIORITIES),
          goal_id: goal?.id ?? null,
        });
        return `${name(actor)} raised "${issue.title}"`;
      },
    ],
    [
      2,
      (tenant, actor) => {
        const issue = pickOr(
          rowsOf(db().issues, tenant).filter((i) => i.status === 'open' || i.status === 'in_progress'),
        );
        if (!issue) return null;
        const status = issue.status === 'open' ? 'in_progress' : 'resolved';
        patchIssue(store, tenant, actor, issue.id, { status });
        return `${name(actor)} moved issue "${issue.title}" to ${status}`;
      },
    ],
    [
      1,
      (tenant, actor) => {
        const goal = pickOr(rowsOf(db().goals, tenant).filter((g) => g.status === 'draft'));
        if (!goal) return null;
        patchGoal(store, tenant, actor, goal.id, { status: 'active' });
        return `${name(actor)} activated "${goal.title}"`;
      },
    ],
    [
      2,
      (tenant, actor) => {
        const goal = pickOr(
          rowsOf(db().goals, tenant).filter(
            (g) =>
              g.status === 'active' &&
              rowsOf(db().actions, tenant).every((a) => a.goal_id !== g.id || a.status === 'done'),
          ),
        );
        if (!goal) return null;
        patchGoal(store, tenant, actor, goal.id, { status: 'completed' });
        return `${name(actor)} completed the goal "${goal.title}"`;
      },
    ],
    [
      2,
      (tenant, actor) => {
        const goal = pickOr(rowsOf(db().goals, tenant).filter((g) => g.status === 'active'));
        if (!goal) return null;
        addComment(store, tenant, actor, goal.id, random.pick(COMMENTS));
        return `${name(actor)} commented on "${goal.title}"`;
      },
    ],
    [
      1,
      (tenant, actor) => {
        if (openActions(tenant).length >= 12) return null;
        const goal = pickOr(rowsOf(db().goals, tenant).filter((g) => g.status === 'active'));
        if (!goal) return null;
        const due = new Date(store.clock.now() + random.int(2, 21) * 86_400_000).toISOString().slice(0, 10);
        const action = createAction(store, tenant, actor, {
          goal_id: goal.id,
          title: random.pick(ACTION_TITLES),
          priority: random.pick(PRIORITIES),
          assignee_id: actor,
          due_date: due,
        });
        return `${name(actor)} added "${action.title}" to "${goal.title}"`;
      },
    ],
  ];
  const totalWeight = moves.reduce((sum, [weight]) => sum + weight, 0);

  const pickMove = (): Move => {
    let roll = random.next() * totalWeight;
    for (const [weight, move] of moves) {
      roll -= weight;
      if (roll < 0) return move;
    }
    return moves[0]![1];
  };

  /** One simulated write in a tenant. Returns what happened, or null when nothing applied. */
  const tick = (tenant: string): string | null => {
    const members = membersOf(db(), tenant);
    const connected = deps.connectedUsers(tenant);
    const others = members.filter((m) => !connected.has(m.id));
    const actor = pickOr(others.length ? others : members);
    if (!actor) return null;
    for (let attempt = 0; attempt < 6; attempt++) {
      const done = pickMove()(tenant, actor.id);
      if (done) return done;
    }
    return null;
  };

  const schedule = (tenant: string) => {
    const timer = setTimeout(
      () => {
        try {
          const done = tick(tenant);
          if (done) deps.print(`simulate ${tenant}: ${done}`);
        } catch (error) {
          deps.print(`simulate ${tenant} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
        if (timers.has(tenant)) schedule(tenant);
      },
      random.int(deps.minMs, deps.maxMs),
    );
    timers.set(tenant, timer);
  };

  return {
    start() {
      for (const tenant of db().tenants.keys()) if (!timers.has(tenant)) schedule(tenant);
    },
    stop() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
    tick,
    get running() {
      return timers.size > 0;
    },
  };
}
