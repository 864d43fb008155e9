import { queryOptions, type UseMutationOptions } from '@tanstack/react-query';
import { restSchemas } from '@/lib/protocol';
import type { EntityCache } from './cache-updates';
import { measureKeys } from './keys';
import { invalidateAggregates, path, trackWrite } from './mutation-helpers';
import { getApiClient } from './shared';
import type { ListResponse, Measure, Reading } from './types';

export const measureCache: EntityCache<Measure> = { detail: measureKeys.detail, lists: measureKeys.lists };

export const measureQueries = {
  list: () =>
    queryOptions({
      queryKey: measureKeys.list(),
      queryFn: ({ signal }): Promise<ListResponse<Measure>> =>
        getApiClient().get('/measures', { schema: restSchemas.measures, signal }),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: measureKeys.detail(id),
      queryFn: ({ signal }): Promise<Measure> =>
        getApiClient().get(path('measures', id), { schema: restSchemas.measure, signal }),
    }),
  /** Oldest first. */
  readings: (measureId: string) =>
    queryOptions({
      queryKey: measureKeys.readings(measureId),
      queryFn: ({ signal }): Promise<ListResponse<Reading>> =>
        getApiClient().get(path('measures', measureId, 'readings'), { schema: restSchemas.readings, signal }),
    }),
};

export const measureApi = {
  addReading: (measureId: string, value: number): Promise<Reading> =>
    getApiClient().post(path('measures', measureId, 'readings'), { schema: restSchemas.reading, body: { value } }),
};

export const measureMutations = {
  addReading: (): UseMutationOptions<Reading, Error, { measureId: string; value: number }> => ({
    mutationFn: ({ measureId, value }) =>
      trackWrite('measure', measureId, () => measureApi.addReading(measureId, value)),
    onSuccess: (reading, { measureId }, _result, { client }) => {
      client.setQueryData<ListResponse<Reading>>(measureKeys.readings(measureId), (old) =>
        !old || old.items.some((r) => r.id === reading.id) ? old : { ...old, items: [...old.items, reading] },
      );
      // The measure's current value is the server's to derive; fetch it rather than guess.
      void client.invalidateQueries({ queryKey: measureKeys.detail(measureId) });
      void client.invalidateQueries({ queryKey: measureKeys.lists() });
      void invalidateAggregates(client);
    },
  }),
};
