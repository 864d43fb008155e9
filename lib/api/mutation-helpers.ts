import type { QueryClient } from '@tanstack/react-query';
import { errorMessage } from './api-error';
import { dashboardKeys } from './keys';
import { getOwnWrites, type WriteKind } from './own-writes';

/** Run a write while it is marked as this tab's own, so its echoed event is not announced. */
export function trackWrite<T>(kind: WriteKind, key: string, run: () => Promise<T>): Promise<T> {
  const settle = getOwnWrites().begin(kind, key);
  return run().finally(settle);
}

/** Aggregates (counts, recent activity) change with most writes; the bridge does the same on the echo. */
export function invalidateAggregates(client: QueryClient): Promise<void> {
  return client.invalidateQueries({ queryKey: dashboardKeys.all });
}

/** The message shown when an optimistic change was undone. */
export function undoneMessage(what: string, title: string | undefined, error: unknown): string {
  const subject = title ? ` '${title}'` : '';
  const reason = errorMessage(error).replace(/\.?$/, '.');
  return `Couldn't ${what}${subject}: ${reason} The change was undone.`;
}

export const path = (...parts: string[]) => `/${parts.map(encodeURIComponent).join('/')}`;
