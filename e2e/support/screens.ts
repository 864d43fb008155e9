import type { QueryKey } from '@tanstack/query-core';
import {
  actionKeys,
  attachmentKeys,
  dashboardKeys,
  decisionKeys,
  goalKeys,
  issueKeys,
  measureKeys,
  peopleKeys,
  type ActionFilters,
  type GoalFilters,
  type IssueFilters,
} from '@/lib/api/keys';
import { normalizePath } from './rest-log';

/**
 * The queries each screen keeps active (mounted), by the app's own key factories, and the REST
 * path behind every key. The event-map spec uses them to turn "invalidate these keys" into
 * "exactly these requests", and checks the model against what a page load really requests.
 */

const SEEDED_MEASURES = ['m-1', 'm-2', 'm-3', 'm-4'];

export const screens = {
  dashboard: (): QueryKey[] => [
    dashboardKeys.summary(),
    goalKeys.list(),
    peopleKeys.list(),
    ...SEEDED_MEASURES.map((id) => measureKeys.readings(id)),
  ],
  goals: (filters: GoalFilters = {}): QueryKey[] => [goalKeys.list(filters), peopleKeys.list()],
  goal: (id: string): QueryKey[] => [
    goalKeys.detail(id),
    actionKeys.list({ goalId: id }),
    goalKeys.activity(id),
    attachmentKeys.list('goal', id),
    peopleKeys.list(),
  ],
  actions: (filters: ActionFilters = {}): QueryKey[] => [actionKeys.list(filters), goalKeys.list(), peopleKeys.list()],
  measures: (): QueryKey[] => [measureKeys.list(), ...SEEDED_MEASURES.map((id) => measureKeys.readings(id))],
  measure: (id: string): QueryKey[] => [measureKeys.detail(id), measureKeys.readings(id), peopleKeys.list()],
  issues: (filters: IssueFilters = {}): QueryKey[] => [issueKeys.list(filters), goalKeys.list()],
  decisions: (): QueryKey[] => [decisionKeys.list(), goalKeys.list(), issueKeys.list(), peopleKeys.list()],
};

const ACTION_QUERY: Record<string, string> = { status: 'status', goalId: 'goal_id', assigneeId: 'assignee_id' };

function query(filters: unknown, names: Record<string, string>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries((filters ?? {}) as Record<string, unknown>)) {
    const name = names[key];
    if (name === undefined) throw new Error(`No REST query parameter for filter "${key}"; add it to screens.ts.`);
    params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The REST path (normalized, see rest-log.ts) that backs a query key, as lib/api's queryOptions fetch it. */
export function restPathOf(key: QueryKey): string {
  const [family, kind, arg] = key as readonly unknown[];
  const id = typeof arg === 'string' ? encodeURIComponent(arg) : '';
  const path = ((): string | null => {
    switch (`${String(family)}.${String(kind)}`) {
      case 'goals.list':
        return `/api/goals${query(arg, { status: 'status' })}`;
      case 'goals.detail':
        return `/api/goals/${id}`;
      case 'goals.activity':
        return `/api/goals/${id}/activity`;
      case 'actions.list':
        return `/api/actions${query(arg, ACTION_QUERY)}`;
      case 'actions.detail':
        return `/api/actions/${id}`;
      case 'measures.list':
        return '/api/measures';
      case 'measures.detail':
        return `/api/measures/${id}`;
      case 'measures.readings':
        return `/api/measures/${id}/readings`;
      case 'issues.list':
        return `/api/issues${query(arg, { status: 'status' })}`;
      case 'issues.detail':
        return `/api/issues/${id}`;
      case 'decisions.list':
        return '/api/decisions';
      case 'attachments.list':
        return `/api/attachments${query(arg, { entityType: 'entity_type', entityId: 'entity_id' })}`;
      case 'people.list':
        return '/api/people';
      case 'dashboard.summary':
        return '/api/dashboard';
      default:
        return null;
    }
  })();
  if (path === null) throw new Error(`No REST path known for query key ${JSON.stringify(key)}; add it to screens.ts.`);
  return normalizePath(path);
}
