import { queryOptions, type UseMutationOptions } from '@tanstack/react-query';
import { restSchemas } from '@/lib/protocol';
import { patchOptimistically, writeEntity, type EntityCache, type OptimisticResult } from './cache-updates';
import { issueKeys, type IssueFilters } from './keys';
import { invalidateAggregates, path, trackWrite } from './mutation-helpers';
import { getApiClient } from './shared';
import type { Issue, IssueStatus, ListResponse, Priority } from './types';

export const issueCache: EntityCache<Issue, IssueFilters> = {
  detail: issueKeys.detail,
  lists: issueKeys.lists,
  matches: (f, issue) => !f.status || f.status === issue.status,
};

export const issueQueries = {
  list: (filters: IssueFilters = {}) =>
    queryOptions({
      queryKey: issueKeys.list(filters),
      queryFn: ({ signal }): Promise<ListResponse<Issue>> =>
        getApiClient().get('/issues', { schema: restSchemas.issues, query: { status: filters.status }, signal }),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: issueKeys.detail(id),
      queryFn: ({ signal }): Promise<Issue> =>
        getApiClient().get(path('issues', id), { schema: restSchemas.issue, signal }),
    }),
};

export type CreateIssueInput = { title: string; priority?: Priority; goalId?: string | null };
export type UpdateIssueInput = { status?: IssueStatus; priority?: Priority; title?: string };

export const issueApi = {
  create: (input: CreateIssueInput): Promise<Issue> =>
    getApiClient().post('/issues', {
      schema: restSchemas.issue,
      body: { title: input.title, priority: input.priority, goal_id: input.goalId ?? undefined },
    }),
  update: (id: string, patch: UpdateIssueInput): Promise<Issue> =>
    getApiClient().patch(path('issues', id), { schema: restSchemas.issue, body: patch }),
};

export type SetIssueStatusVars = { id: string; status: IssueStatus };

export const issueMutations = {
  create: (): UseMutationOptions<Issue, Error, CreateIssueInput> => ({
    mutationFn: (input) => trackWrite('issue', `new:${input.title}`, () => issueApi.create(input)),
    onSuccess: (issue, _vars, _result, { client }) => {
      writeEntity(client, issueCache, issue, { insert: true });
      void invalidateAggregates(client);
    },
  }),
  setStatus: (): UseMutationOptions<Issue, Error, SetIssueStatusVars, OptimisticResult<Issue>> => ({
    mutationFn: ({ id, status }) => trackWrite('issue', id, () => issueApi.update(id, { status })),
    onMutate: async ({ id, status }, { client }) => {
      await client.cancelQueries({ queryKey: issueKeys.detail(id), exact: true });
      return patchOptimistically(client, issueCache, id, { status });
    },
    onError: (_error, _vars, result) => result?.rollback(),
    onSuccess: (issue, _vars, _result, { client }) => writeEntity(client, issueCache, issue),
    onSettled: (_issue, _error, _vars, _result, { client }) => void invalidateAggregates(client),
  }),
};
