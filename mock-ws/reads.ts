import type { WireActivity, WireDashboard } from '../lib/protocol';
import { rowsOf, type Db } from './db';

const DAY = 86_400_000;
const DASHBOARD = { dueWithinDays: 7, recentActivity: 10 } as const;

export const newestFirst = (a: WireActivity, b: WireActivity) =>
  b.created_at.localeCompare(a.created_at) || Number(b.id.slice(3)) - Number(a.id.slice(3));

/**
 * The dashboard summary. `actions_due` counts actions not done whose due date is at most seven days
 * from now, overdue ones included: those are the ones someone should look at this week.
 */
export function dashboard(db: Db, tenant: string, now: number): WireDashboard {
  const dueBy = new Date(now + DASHBOARD.dueWithinDays * DAY).toISOString().slice(0, 10);
  return {
    active_goals: rowsOf(db.goals, tenant).filter((g) => g.status === 'active').length,
    open_issues: rowsOf(db.issues, tenant).filter((i) => i.status === 'open' || i.status === 'in_progress').length,
    actions_due: rowsOf(db.actions, tenant).filter(
      (a) => a.status !== 'done' && a.due_date !== null && a.due_date <= dueBy,
    ).length,
    recent_activity: rowsOf(db.activity, tenant).sort(newestFirst).slice(0, DASHBOARD.recentActivity),
    measures: rowsOf(db.measures, tenant),
  };
}
