'use client';

import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { errorMessage } from '@/lib/api';
import { ErrorState, SkeletonRows } from '@/components/ui';

export type QueryViewProps<T> = {
  query: UseQueryResult<T>;
  /** What failed, e.g. `Couldn't load goals`. */
  errorTitle: string;
  /** Shown while the first load is in flight. */
  loading?: ReactNode;
  /** Shown when `isEmpty(data)`. */
  empty?: ReactNode;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
};

/**
 * The loading / error / empty / data switch every screen needs. A failed background refetch keeps
 * showing the cached data: only a failure with nothing to show replaces the content.
 */
export function QueryView<T>({ query, errorTitle, loading, empty, isEmpty, children }: QueryViewProps<T>) {
  if (query.data !== undefined) {
    if (empty !== undefined && isEmpty?.(query.data)) return <>{empty}</>;
    return <>{children(query.data)}</>;
  }
  if (query.isError) {
    return (
      <ErrorState
        title={errorTitle}
        message={errorMessage(query.error)}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  }
  return <>{loading ?? <SkeletonRows rows={4} />}</>;
}

export const isEmptyList = (data: { items: readonly unknown[] }) => data.items.length === 0;
