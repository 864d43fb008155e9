import type { Page } from '@playwright/test';
import { get, type Session } from './chaos-backend';

/**
 * What a screen shows, read from the DOM, and what REST says it should show, in the same shape, so
 * the chaos spec can compare them field by field. Rows are compared in order.
 */
export type ScreenKind = 'goals' | 'goal' | 'actions';
export type Row = { id: string; title: string; status: string; progress: number; priority?: string; assignee?: string };
export type ScreenState = {
  rows: Row[];
  summary?: { title: string; status: string; progress: number };
  activity?: string[];
  /** Every entity id named by a data-testid on the page, to prove nothing of the other tenant is there. */
  ids: string[];
};

type WireGoal = { id: string; title: string; status: string; progress: number };
type WireAction = WireGoal & { priority: string; assignee_id: string | null };
type Items<T> = { items: T[] };

export async function readScreen(page: Page, kind: ScreenKind, goalId?: string): Promise<ScreenState> {
  return page.evaluate(
    ({ kind, goalId }) => {
      const listName = kind === 'goals' ? 'Goals' : kind === 'actions' ? 'Actions' : 'Actions for this goal';
      const prefix = kind === 'goals' ? 'goal-row-' : 'action-row-';
      const text = (el: Element | null | undefined) => (el?.textContent ?? '').trim();
      const progressOf = (el: Element | null) =>
        Number(el?.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow') ?? NaN);
      const list = document.querySelector(`ul[aria-label="${listName}"]`);
      const rows = [...(list?.querySelectorAll(`:scope > li[data-testid^="${prefix}"]`) ?? [])].map((li) => {
        const row: Record<string, unknown> = {
          id: li.getAttribute('data-testid')!.slice(prefix.length),
          title: text(li.querySelector('.pp-row__title')),
          status: li.getAttribute('data-status') ?? '',
          progress: progressOf(li),
        };
        if (kind !== 'goals') {
          row.priority = li.querySelector('[data-priority]')?.getAttribute('data-priority') ?? '';
          row.assignee = text(li.querySelector('.pp-person .pp-truncate'));
        }
        return row;
      });
      const ids = [...document.querySelectorAll('[data-testid]')]
        .map((el) => el.getAttribute('data-testid')!)
        .map((id) => /^(?:goal|action|activity|issue|decision|measure|attachment)-(?:row|summary)-(.+)$/.exec(id)?.[1])
        .filter((id): id is string => Boolean(id));
      const out: Record<string, unknown> = { rows, ids };
      if (kind === 'goal' && goalId) {
        const summary = document.querySelector(`[data-testid="goal-summary-${goalId}"]`);
        out.summary = {
          title: text(document.querySelector('h1')),
          status: summary?.querySelector('[data-status]')?.getAttribute('data-status') ?? '',
          progress: progressOf(summary),
        };
        const feed = document.querySelector('ul[aria-label="Activity"], ol[aria-label="Activity"]');
        out.activity = [...(feed?.querySelectorAll('[data-testid^="activity-row-"]') ?? [])].map((el) =>
          el.getAttribute('data-testid')!.slice('activity-row-'.length),
        );
      }
      return out as ScreenState;
    },
    { kind, goalId },
  );
}

const goalRow = (g: WireGoal): Row => ({
  id: g.id,
  title: g.title,
  status: g.status,
  progress: Math.round(g.progress),
});

export async function readTruth(
  session: Session,
  kind: ScreenKind,
  goalId?: string,
): Promise<Omit<ScreenState, 'ids'>> {
  if (kind === 'goals') return { rows: (await get<Items<WireGoal>>(session, '/goals')).items.map(goalRow) };
  const people = new Map(
    (await get<Items<{ id: string; name: string }>>(session, '/people')).items.map((p) => [p.id, p.name]),
  );
  const actionRow = (a: WireAction): Row => ({
    ...goalRow(a),
    priority: a.priority,
    assignee: (a.assignee_id && people.get(a.assignee_id)?.trim()) || 'Unassigned',
  });
  if (kind === 'actions') return { rows: (await get<Items<WireAction>>(session, '/actions')).items.map(actionRow) };
  if (!goalId) throw new Error('readTruth: a goal screen needs its goal id');
  const id = encodeURIComponent(goalId);
  const [goal, actions, activity] = await Promise.all([
    get<WireGoal>(session, `/goals/${id}`),
    get<Items<WireAction>>(session, `/actions?goal_id=${id}`),
    get<Items<{ id: string }>>(session, `/goals/${id}/activity`),
  ]);
  return {
    rows: actions.items.map(actionRow),
    summary: { title: goal.title, status: goal.status, progress: Math.round(goal.progress) },
    activity: activity.items.map((a) => a.id),
  };
}

/** Every difference between a screen and the truth, in words; empty when they agree. */
export function diffScreen(
  label: string,
  screen: ScreenState,
  truth: Omit<ScreenState, 'ids'>,
  foreignIds: ReadonlySet<string>,
): string[] {
  const out: string[] = [];
  const shown = new Map(screen.rows.map((r) => [r.id, r]));
  const expected = new Map(truth.rows.map((r) => [r.id, r]));
  for (const row of truth.rows) {
    const seen = shown.get(row.id);
    if (!seen) {
      out.push(`${label}: row ${row.id} ("${row.title}") is missing`);
      continue;
    }
    for (const field of Object.keys(row) as (keyof Row)[]) {
      if (seen[field] !== row[field])
        out.push(
          `${label}: row ${row.id} ${field} is ${JSON.stringify(seen[field])}, REST says ${JSON.stringify(row[field])}`,
        );
    }
  }
  for (const row of screen.rows)
    if (!expected.has(row.id)) out.push(`${label}: row ${row.id} ("${row.title}") is shown but REST does not have it`);
  const order = (rows: Row[]) => rows.map((r) => r.id).join(',');
  if (out.length === 0 && order(screen.rows) !== order(truth.rows))
    out.push(`${label}: rows in order ${order(screen.rows)}, REST order ${order(truth.rows)}`);
  if (truth.summary) {
    for (const field of ['title', 'status', 'progress'] as const) {
      if (screen.summary?.[field] !== truth.summary[field]) {
        out.push(
          `${label}: summary ${field} is ${JSON.stringify(screen.summary?.[field])}, REST says ${JSON.stringify(truth.summary[field])}`,
        );
      }
    }
  }
  if (truth.activity && (screen.activity ?? []).join(',') !== truth.activity.join(',')) {
    out.push(`${label}: activity feed is [${screen.activity?.join(', ')}], REST says [${truth.activity.join(', ')}]`);
  }
  const foreign = screen.ids.filter((id) => foreignIds.has(id));
  if (foreign.length > 0) out.push(`${label}: shows the other tenant's ${foreign.join(', ')}`);
  return out;
}

/** Ids of every goal, action and activity item of a tenant, to look for on the other tenant's pages. */
export async function tenantIds(session: Session): Promise<Set<string>> {
  const [goals, actions] = await Promise.all([
    get<Items<{ id: string }>>(session, '/goals'),
    get<Items<{ id: string }>>(session, '/actions'),
  ]);
  const activity = await Promise.all(
    goals.items.map((g) => get<Items<{ id: string }>>(session, `/goals/${encodeURIComponent(g.id)}/activity`)),
  );
  return new Set([...goals.items, ...actions.items, ...activity.flatMap((a) => a.items)].map((x) => x.id));
}
