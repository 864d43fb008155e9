import type { Query } from '@tanstack/query-core';

/**
 * Write a patched value into a query, as `setQueryData` would, minus two things:
 * - The REST timestamp (`dataUpdatedAt`) is kept: a patch is not a fresh read, so `staleTime`
 *   still counts from the last fetch. An invalidated query stays invalidated.
 * - No structural sharing pass: the bridge's updaters already keep every unchanged item's
 *   reference, and TanStack's `replaceEqualDeep` would re-walk (and copy) whole lists on every
 *   event, which made a patch cost grow with the list's length several times over.
 */
export function writePatch(query: Query, next: unknown): void {
  const wasInvalidated = query.state.isInvalidated;
  const options = query.options as { structuralSharing?: unknown };
  const sharing = options.structuralSharing;
  options.structuralSharing = false;
  try {
    query.setData(next, { manual: true, updatedAt: query.state.dataUpdatedAt });
  } finally {
    // Put back, never `delete`d: deleting a property turns the options object into a slow
    // dictionary for the rest of the query's life. Absent and undefined mean the same to TanStack.
    options.structuralSharing = sharing;
  }
  if (wasInvalidated) query.invalidate();
}
