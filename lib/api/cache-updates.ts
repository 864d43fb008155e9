import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { ListResponse } from './types';

/**
 * Writes of REST results into the cache. The rule that keeps them from fighting the realtime
 * bridge: a write never replaces an entity with an older `updatedAt` than the cached one.
 */
export type CachedEntity = { id: string; updatedAt?: string };

export type EntityCache<T extends CachedEntity, F = Record<string, unknown>> = {
  detail?: (id: string) => QueryKey;
  lists: () => QueryKey;
  /** Whether an entity belongs in a list cached under these filters (the key's last element). */
  matches?: (filters: F, entity: T) => boolean;
  /** Where a created entity goes in a list; the server's order. */
  insertAt?: 'start' | 'end';
};

export function isNotOlder(next: CachedEntity, current: CachedEntity | undefined): boolean {
  if (!current?.updatedAt || !next.updatedAt) return true;
  return Date.parse(next.updatedAt) >= Date.parse(current.updatedAt);
}

function filtersOf<F>(key: QueryKey): F {
  const last = key[key.length - 1];
  return (last && typeof last === 'object' ? last : {}) as F;
}

/**
 * Put a server entity into its detail and every cached list: replaced where present, removed from
 * lists it no longer matches, inserted when `insert` is set (a create), otherwise lists it newly
 * matches are invalidated so they refetch in the server's order.
 */
export function writeEntity<T extends CachedEntity, F>(
  client: QueryClient,
  cache: EntityCache<T, F>,
  entity: T,
  options: { insert?: boolean } = {},
): void {
  const detailKey = cache.detail?.(entity.id);
  if (detailKey) {
    const current = client.getQueryData<T>(detailKey);
    if (isNotOlder(entity, current)) client.setQueryData<T>(detailKey, entity);
  }
  for (const [key, data] of client.getQueriesData<ListResponse<T>>({ queryKey: cache.lists() })) {
    if (!data) continue;
    const belongs = cache.matches ? cache.matches(filtersOf<F>(key), entity) : true;
    const index = data.items.findIndex((item) => item.id === entity.id);
    if (index >= 0) {
      if (!isNotOlder(entity, data.items[index])) continue;
      const items = belongs
        ? data.items.map((item, i) => (i === index ? entity : item))
        : data.items.filter((_, i) => i !== index);
      client.setQueryData<ListResponse<T>>(key, { ...data, items });
    } else if (belongs && options.insert) {
      const items = cache.insertAt === 'start' ? [entity, ...data.items] : [...data.items, entity];
      client.setQueryData<ListResponse<T>>(key, { ...data, items });
    } else if (belongs) {
      void client.invalidateQueries({ queryKey: key, exact: true });
    }
  }
}

export type OptimisticResult<T> = { previous: T | undefined; rollback: () => void };

/**
 * Apply `patch` to the entity wherever it is cached, keeping its `updatedAt` so that the echoed
 * event (newer) still applies. Rollback restores the patched fields only where no newer server
 * data has arrived since.
 */
export function patchOptimistically<T extends CachedEntity, F>(
  client: QueryClient,
  cache: EntityCache<T, F>,
  id: string,
  patch: Partial<T>,
): OptimisticResult<T> {
  const touched: { key: QueryKey; before: T }[] = [];
  const detailKey = cache.detail?.(id);
  if (detailKey) {
    const current = client.getQueryData<T>(detailKey);
    if (current) {
      touched.push({ key: detailKey, before: current });
      client.setQueryData<T>(detailKey, { ...current, ...patch });
    }
  }
  for (const [key, data] of client.getQueriesData<ListResponse<T>>({ queryKey: cache.lists() })) {
    const current = data?.items.find((item) => item.id === id);
    if (!data || !current) continue;
    touched.push({ key, before: current });
    client.setQueryData<ListResponse<T>>(key, {
      ...data,
      items: data.items.map((item) => (item.id === id ? { ...item, ...patch } : item)),
    });
  }
  const previous = touched[0]?.before;
  const fields = Object.keys(patch) as (keyof T)[];
  const restore = (now: T, before: T): T => {
    if (now.updatedAt !== before.updatedAt) return now;
    const out = { ...now };
    for (const field of fields) out[field] = before[field];
    return out;
  };
  return {
    previous,
    rollback() {
      for (const { key, before } of touched) {
        const data = client.getQueryData<T | ListResponse<T>>(key);
        if (!data) continue;
        if ('items' in data && Array.isArray(data.items)) {
          const items = data.items.map((item) => (item.id === id ? restore(item, before) : item));
          client.setQueryData(key, { ...data, items });
        } else {
          client.setQueryData(key, restore(data as T, before));
        }
      }
    },
  };
}

/** The entity as cached, from its detail or any list; undefined when the app has not loaded it. */
export function findCached<T extends CachedEntity, F>(
  client: QueryClient,
  cache: EntityCache<T, F>,
  id: string,
): T | undefined {
  const detailKey = cache.detail?.(id);
  const detail = detailKey ? client.getQueryData<T>(detailKey) : undefined;
  if (detail) return detail;
  for (const [, data] of client.getQueriesData<ListResponse<T>>({ queryKey: cache.lists() })) {
    const found = data?.items.find((item) => item.id === id);
    if (found) return found;
  }
  return undefined;
}
