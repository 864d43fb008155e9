'use client';

import { useEffect, type ReactNode } from 'react';
import { usePathname, useRouter } from 'next/navigation';
import { Loading } from '@/components/ui';
import { useAuth } from './use-auth';

/**
 * Screens behind sign-in. A signed-out visit goes to /login?next=<this page>; an expired session
 * keeps the screen (and its cached data) so the banner can offer to sign in again.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const auth = useAuth();
  const router = useRouter();
  const pathname = usePathname();

  useEffect(() => {
    if (auth.status !== 'signed-out') return;
    const here = `${pathname}${window.location.search}`;
    router.replace(here === '/' ? '/login' : `/login?next=${encodeURIComponent(here)}`);
  }, [auth.status, pathname, router]);

  if (auth.status === 'signed-in' || auth.status === 'expired') return <>{children}</>;
  return (
    <Loading
      label={auth.status === 'signed-out' ? 'Taking you to sign in…' : 'Loading your workspace…'}
      style={{ minHeight: '100vh' }}
    />
  );
}
