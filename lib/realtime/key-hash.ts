import { hashKey, type QueryKey } from '@tanstack/query-core';

/**
 * The same string as TanStack Query's `hashKey` (so it finds `queryCache.get(hash)`), faster for
 * the common key of plain strings: `hashKey` runs a replacer over every value to sort object keys,
 * which only matters when the key holds an object.
 */
export function keyHash(key: QueryKey): string {
  for (const part of key) {
    if (typeof part === 'object' && part !== null) return hashKey(key);
  }
  return JSON.stringify(key);
}
