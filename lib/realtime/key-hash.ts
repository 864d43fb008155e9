import { hashKey, type QueryKey } from '@tanstack/query-core';

/**
 * The same string as TanStack Query's `hashKey` (so it finds `queryCache.get(hash)`), faster for
 * the keys the factories build: `hashKey` runs a replacer over every value to print object keys
 * sorted, which `JSON.stringify` already does for a flat object whose keys are in sorted order
 * (`cleanFilters` builds filters that way). Anything else goes to `hashKey`.
 */
export function keyHash(key: QueryKey): string {
  for (const part of key) {
    if (typeof part === 'object' && part !== null && !printsSorted(part)) return hashKey(key);
  }
  return JSON.stringify(key);
}

function printsSorted(part: object): boolean {
  if (Object.getPrototypeOf(part) !== Object.prototype) return false;
  let previous = '';
  for (const name of Object.keys(part)) {
    // hashKey's sorted copy assigns `__proto__` (setting a prototype, not a key): leave that to it.
    if (name < previous || name === '__proto__') return false;
    const value = (part as Record<string, unknown>)[name];
    if (typeof value === 'object' && value !== null) return false;
    previous = name;
  }
  return true;
}
