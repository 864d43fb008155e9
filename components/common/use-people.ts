'use client';

import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { peopleQueries, type Person } from '@/lib/api';

/** Everyone in the tenant, and a name lookup that answers null while people are loading. */
export function usePeople() {
  const query = useQuery(peopleQueries.list());
  const people = query.data?.items;
  return useMemo(() => {
    const byId = new Map<string, Person>((people ?? []).map((p) => [p.id, p]));
    return {
      people: people ?? [],
      nameOf: (id: string | null | undefined) => (id ? (byId.get(id)?.name ?? null) : null),
    };
  }, [people]);
}
