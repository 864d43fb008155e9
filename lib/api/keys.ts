import type { ActionStatus, AttachmentEntityType, GoalStatus, IssueStatus } from '@/lib/protocol';

/**
 * Query key factories, one per entity, general → specific (TkDodo, "Effective React Query Keys").
 * Every query key in the app comes from here. Filters objects only carry defined fields, so that
 * `list({})` is the unfiltered list and any other filters object is a filtered list.
 */

export type GoalFilters = { status?: GoalStatus };
export type ActionFilters = { status?: ActionStatus; assigneeId?: string; goalId?: string };
export type IssueFilters = { status?: IssueStatus };

/** Drop undefined/empty fields so equal filters always hash to the same key. */
export function cleanFilters<T extends Record<string, unknown>>(filters: T | undefined): T {
  const out: Record<string, unknown> = {};
  if (!filters) return out as T;
  for (const key of Object.keys(filters).sort()) {
    const value = filters[key];
    if (value !== undefined && value !== null && value !== '') out[key] = value;
  }
  return out as T;
}

export const goalKeys = {
  all: ['goals'] as const,
  lists: () => [...goalKeys.all, 'list'] as const,
  list: (filters: GoalFilters = {}) => [...goalKeys.lists(), cleanFilters(filters)] as const,
  details: () => [...goalKeys.all, 'detail'] as const,
  detail: (id: string) => [...goalKeys.details(), id] as const,
  activities: () => [...goalKeys.all, 'activity'] as const,
  activity: (goalId: string) => [...goalKeys.activities(), goalId] as const,
};

export const actionKeys = {
  all: ['actions'] as const,
  lists: () => [...actionKeys.all, 'list'] as const,
  list: (filters: ActionFilters = {}) => [...actionKeys.lists(), cleanFilters(filters)] as const,
  details: () => [...actionKeys.all, 'detail'] as const,
  detail: (id: string) => [...actionKeys.details(), id] as const,
};

export const measureKeys = {
  all: ['measures'] as const,
  lists: () => [...measureKeys.all, 'list'] as const,
  list: () => [...measureKeys.lists(), {}] as const,
  details: () => [...measureKeys.all, 'detail'] as const,
  detail: (id: string) => [...measureKeys.details(), id] as const,
  allReadings: () => [...measureKeys.all, 'readings'] as const,
  readings: (measureId: string) => [...measureKeys.allReadings(), measureId] as const,
};

export const issueKeys = {
  all: ['issues'] as const,
  lists: () => [...issueKeys.all, 'list'] as const,
  list: (filters: IssueFilters = {}) => [...issueKeys.lists(), cleanFilters(filters)] as const,
  details: () => [...issueKeys.all, 'detail'] as const,
  detail: (id: string) => [...issueKeys.details(), id] as const,
};

export const decisionKeys = {
  all: ['decisions'] as const,
  lists: () => [...decisionKeys.all, 'list'] as const,
  list: () => [...decisionKeys.lists(), {}] as const,
};

export const attachmentKeys = {
  all: ['attachments'] as const,
  lists: () => [...attachmentKeys.all, 'list'] as const,
  list: (entityType: AttachmentEntityType, entityId: string) =>
    [...attachmentKeys.lists(), { entityType, entityId }] as const,
};

export const peopleKeys = {
  all: ['people'] as const,
  list: () => [...peopleKeys.all, 'list'] as const,
};

export const dashboardKeys = {
  all: ['dashboard'] as const,
  summary: () => [...dashboardKeys.all, 'summary'] as const,
};
