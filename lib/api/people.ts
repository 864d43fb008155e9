import { queryOptions } from '@tanstack/react-query';
import { restSchemas } from '@/lib/protocol';
import { dashboardKeys, peopleKeys } from './keys';
import { getApiClient } from './shared';
import type { Dashboard, ListResponse, Person } from './types';

export const peopleQueries = {
  list: () =>
    queryOptions({
      queryKey: peopleKeys.list(),
      queryFn: ({ signal }): Promise<ListResponse<Person>> =>
        getApiClient().get('/people', { schema: restSchemas.people, signal }),
      // People change rarely and no event covers them.
      staleTime: 5 * 60_000,
    }),
};

export const dashboardQueries = {
  summary: () =>
    queryOptions({
      queryKey: dashboardKeys.summary(),
      queryFn: ({ signal }): Promise<Dashboard> =>
        getApiClient().get('/dashboard', { schema: restSchemas.dashboard, signal }),
    }),
};

export function personName(people: readonly Person[] | undefined, id: string | null | undefined): string | null {
  if (!id) return null;
  return people?.find((p) => p.id === id)?.name ?? null;
}
