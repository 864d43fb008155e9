'use client';

import { useCallback } from 'react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';

/**
 * A list filter kept in the URL (`/goals?status=active`), so it survives a reload and can be
 * shared. Values outside `allowed` read as no filter. Needs a Suspense boundary above.
 */
export function useFilterParam<T extends string>(
  name: string,
  allowed?: readonly T[],
): [T | undefined, (value: string) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const raw = params.get(name) ?? '';
  const value = raw && (!allowed || (allowed as readonly string[]).includes(raw)) ? (raw as T) : undefined;

  const set = useCallback(
    (next: string) => {
      const copy = new URLSearchParams(params.toString());
      if (next) copy.set(name, next);
      else copy.delete(name);
      const qs = copy.toString();
      router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    [name, params, pathname, router],
  );
  return [value, set];
}
