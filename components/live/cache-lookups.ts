import type { QueryClient } from '@tanstack/react-query';
import {
  actionCache,
  findCached,
  goalCache,
  issueCache,
  measureCache,
  peopleKeys,
  type ListResponse,
  type Person,
} from '@/lib/api';
import type { EventLookups } from './describe-event';

/** Event lookups answered from the query cache: a toast never waits for, or triggers, a fetch. */
export function cacheLookups(client: QueryClient): EventLookups {
  return {
    person: (id) =>
      id
        ? (client.getQueryData<ListResponse<Person>>(peopleKeys.list())?.items.find((p) => p.id === id)?.name ?? null)
        : null,
    goal: (id) => findCached(client, goalCache, id)?.title ?? null,
    action: (id) => findCached(client, actionCache, id)?.title ?? null,
    issue: (id) => findCached(client, issueCache, id)?.title ?? null,
    measure: (id) => {
      const m = findCached(client, measureCache, id);
      return m ? { name: m.name, unit: m.unit } : null;
    },
  };
}
