import { queryOptions, type UseMutationOptions } from '@tanstack/react-query';
import { restSchemas } from '@/lib/protocol';
import { writeEntity, patchOptimistically, type EntityCache, type OptimisticResult } from './cache-updates';
import { goalKeys, type GoalFilters } from './keys';
import { invalidateAggregates, path, trackWrite } from './mutation-helpers';
import { getApiClient } from './shared';
import type { Activity, Goal, GoalStatus, ListResponse } from './types';

export const goalCache: EntityCache<Goal, GoalFilters> = {
  detail: goalKeys.detail,
  lists: goalKeys.lists,
  matches: (filters, goal) => !filters.status || filters.status === goal.status,
};

export const goalQueries = {
  list: (filters: GoalFilters = {}) =>
    queryOptions({
      queryKey: goalKeys.list(filters),
      queryFn: ({ signal }): Promise<ListResponse<Goal>> =>
        getApiClient().get('/goals', { schema: restSchemas.goals, query: { status: filters.status }, signal }),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: goalKeys.detail(id),
      queryFn: ({ signal }): Promise<Goal> =>
        getApiClient().get(path('goals', id), { schema: restSchemas.goal, signal }),
    }),
  /** Newest first. */
  activity: (goalId: string) =>
    queryOptions({
      queryKey: goalKeys.activity(goalId),
      queryFn: ({ signal }): Promise<ListResponse<Activity>> =>
        getApiClient().get(path('goals', goalId, 'activity'), { schema: restSchemas.activities, signal }),
    }),
};

export type CreateGoalInput = { title: string; description?: string };
export type UpdateGoalInput = { status?: GoalStatus; title?: string; description?: string };

export const goalApi = {
  create: (input: CreateGoalInput): Promise<Goal> =>
    getApiClient().post('/goals', {
      schema: restSchemas.goal,
      body: { title: input.title, description: input.description },
    }),
  update: (id: string, patch: UpdateGoalInput): Promise<Goal> =>
    getApiClient().patch(path('goals', id), { schema: restSchemas.goal, body: patch }),
  addComment: (goalId: string, message: string): Promise<Activity> =>
    getApiClient().post(path('goals', goalId, 'activity'), { schema: restSchemas.activity, body: { message } }),
};

export type SetGoalStatusVars = { id: string; status: GoalStatus };

export const goalMutations = {
  create: (): UseMutationOptions<Goal, Error, CreateGoalInput> => ({
    mutationFn: (input) => trackWrite('goal', `new:${input.title}`, () => goalApi.create(input)),
    onSuccess: (goal, _vars, _result, { client }) => {
      writeEntity(client, goalCache, goal, { insert: true });
      void invalidateAggregates(client);
    },
  }),
  /** Optimistic: the badge changes at once, rolls back if the server refuses. */
  setStatus: (): UseMutationOptions<Goal, Error, SetGoalStatusVars, OptimisticResult<Goal>> => ({
    mutationFn: ({ id, status }) => trackWrite('goal', id, () => goalApi.update(id, { status })),
    onMutate: async ({ id, status }, { client }) => {
      await client.cancelQueries({ queryKey: goalKeys.detail(id), exact: true });
      return patchOptimistically(client, goalCache, id, { status });
    },
    onError: (_error, _vars, result) => result?.rollback(),
    onSuccess: (goal, _vars, _result, { client }) => writeEntity(client, goalCache, goal),
    onSettled: (_goal, _error, { id }, _result, { client }) => {
      void invalidateAggregates(client);
      void client.invalidateQueries({ queryKey: goalKeys.activity(id) });
    },
  }),
  addComment: (): UseMutationOptions<Activity, Error, { goalId: string; message: string }> => ({
    mutationFn: ({ goalId, message }) =>
      trackWrite('activity', `${goalId}:${message}`, () => goalApi.addComment(goalId, message)),
    onSuccess: (activity, { goalId }, _result, { client }) => {
      client.setQueryData<ListResponse<Activity>>(goalKeys.activity(goalId), (old) =>
        !old || old.items.some((a) => a.id === activity.id) ? old : { ...old, items: [activity, ...old.items] },
      );
      void invalidateAggregates(client);
    },
  }),
};
