import { queryOptions, type UseMutationOptions } from '@tanstack/react-query';
import { restSchemas } from '@/lib/protocol';
import { patchOptimistically, writeEntity, type EntityCache, type OptimisticResult } from './cache-updates';
import { actionKeys, goalKeys, type ActionFilters } from './keys';
import { invalidateAggregates, path, trackWrite } from './mutation-helpers';
import { getApiClient } from './shared';
import type { Action, ActionStatus, ListResponse, Priority } from './types';

export const actionCache: EntityCache<Action, ActionFilters> = {
  detail: actionKeys.detail,
  lists: actionKeys.lists,
  matches: (f, a) =>
    (!f.status || f.status === a.status) &&
    (!f.goalId || f.goalId === a.goalId) &&
    (!f.assigneeId || f.assigneeId === a.assigneeId),
};

export const actionQueries = {
  list: (filters: ActionFilters = {}) =>
    queryOptions({
      queryKey: actionKeys.list(filters),
      queryFn: ({ signal }): Promise<ListResponse<Action>> =>
        getApiClient().get('/actions', {
          schema: restSchemas.actions,
          query: { status: filters.status, goal_id: filters.goalId, assignee_id: filters.assigneeId },
          signal,
        }),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: actionKeys.detail(id),
      queryFn: ({ signal }): Promise<Action> =>
        getApiClient().get(path('actions', id), { schema: restSchemas.action, signal }),
    }),
};

export type CreateActionInput = {
  goalId: string;
  title: string;
  priority?: Priority;
  assigneeId?: string | null;
  dueDate?: string | null;
};
export type UpdateActionInput = {
  status?: ActionStatus;
  priority?: Priority;
  assigneeId?: string | null;
  progress?: number;
  title?: string;
};

function toWire(patch: UpdateActionInput) {
  const body: Record<string, unknown> = {};
  if (patch.status !== undefined) body.status = patch.status;
  if (patch.priority !== undefined) body.priority = patch.priority;
  if (patch.assigneeId !== undefined) body.assignee_id = patch.assigneeId;
  if (patch.progress !== undefined) body.progress = patch.progress;
  if (patch.title !== undefined) body.title = patch.title;
  return body;
}

export const actionApi = {
  create: (input: CreateActionInput): Promise<Action> =>
    getApiClient().post('/actions', {
      schema: restSchemas.action,
      body: {
        goal_id: input.goalId,
        title: input.title,
        priority: input.priority,
        assignee_id: input.assigneeId ?? undefined,
        due_date: input.dueDate ?? undefined,
      },
    }),
  update: (id: string, patch: UpdateActionInput): Promise<Action> =>
    getApiClient().patch(path('actions', id), { schema: restSchemas.action, body: toWire(patch) }),
};

export type UpdateActionVars = { id: string; patch: UpdateActionInput };

/** What the server will do with a patch, applied ahead of its answer (status done ⇒ progress 100). */
export function optimisticActionPatch(patch: UpdateActionInput): Partial<Action> {
  const out: Partial<Action> = { ...patch };
  if (patch.status === 'done') out.progress = 100;
  return out;
}

export const actionMutations = {
  create: (): UseMutationOptions<Action, Error, CreateActionInput> => ({
    mutationFn: (input) => trackWrite('action', `new:${input.title}`, () => actionApi.create(input)),
    onSuccess: (action, _vars, _result, { client }) => {
      writeEntity(client, actionCache, action, { insert: true });
      void client.invalidateQueries({ queryKey: goalKeys.detail(action.goalId) });
      void invalidateAggregates(client);
    },
  }),
  /** Optimistic for every field the row edits: status, priority, assignee, progress. */
  update: (): UseMutationOptions<Action, Error, UpdateActionVars, OptimisticResult<Action>> => ({
    mutationFn: ({ id, patch }) => trackWrite('action', id, () => actionApi.update(id, patch)),
    onMutate: async ({ id, patch }, { client }) => {
      await client.cancelQueries({ queryKey: actionKeys.detail(id), exact: true });
      return patchOptimistically(client, actionCache, id, optimisticActionPatch(patch));
    },
    onError: (_error, _vars, result) => result?.rollback(),
    onSuccess: (action, _vars, _result, { client }) => {
      writeEntity(client, actionCache, action);
      // A goal's progress is derived from its actions on the server.
      void client.invalidateQueries({ queryKey: goalKeys.detail(action.goalId) });
    },
    onSettled: (_action, _error, _vars, _result, { client }) => void invalidateAggregates(client),
  }),
};
