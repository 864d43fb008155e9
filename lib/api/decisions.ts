import { queryOptions, type UseMutationOptions } from '@tanstack/react-query';
import { restSchemas } from '@/lib/protocol';
import { writeEntity, type EntityCache } from './cache-updates';
import { decisionKeys } from './keys';
import { invalidateAggregates, trackWrite } from './mutation-helpers';
import { getApiClient } from './shared';
import type { Decision, ListResponse } from './types';

export const decisionCache: EntityCache<Decision> = { lists: decisionKeys.lists };

export const decisionQueries = {
  list: () =>
    queryOptions({
      queryKey: decisionKeys.list(),
      queryFn: ({ signal }): Promise<ListResponse<Decision>> =>
        getApiClient().get('/decisions', { schema: restSchemas.decisions, signal }),
    }),
};

export type CreateDecisionInput = { title: string; outcome: string; issueId?: string | null; goalId?: string | null };

export const decisionApi = {
  create: (input: CreateDecisionInput): Promise<Decision> =>
    getApiClient().post('/decisions', {
      schema: restSchemas.decision,
      body: {
        title: input.title,
        outcome: input.outcome,
        issue_id: input.issueId || undefined,
        goal_id: input.goalId || undefined,
      },
    }),
};

export const decisionMutations = {
  create: (): UseMutationOptions<Decision, Error, CreateDecisionInput> => ({
    mutationFn: (input) => trackWrite('decision', `new:${input.title}`, () => decisionApi.create(input)),
    onSuccess: (decision, _vars, _result, { client }) => {
      writeEntity(client, decisionCache, decision, { insert: true });
      void invalidateAggregates(client);
    },
  }),
};
