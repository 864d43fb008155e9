'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useRealtimeState } from '@/lib/realtime';
import { getTokenStore } from '@/lib/api';
import { Banner, Button } from '@/components/ui';
import { useAuth } from '@/components/auth/use-auth';

/**
 * When the session is over (refresh refused, or the socket says unauthorized) the screen keeps its
 * cached data and this banner offers to sign in again, coming back to the same page.
 */
export function SessionBanner() {
  const auth = useAuth();
  const state = useRealtimeState();
  const pathname = usePathname();
  const router = useRouter();
  if (auth.status !== 'expired' && state !== 'unauthorized') return null;

  const signInAgain = () => {
    const target = `/login?next=${encodeURIComponent(pathname)}`;
    // Still holding tokens the server refuses: drop them, or /login would send us straight back.
    if (auth.status === 'signed-in') getTokenStore().logout();
    router.push(target);
  };

  return (
    <Banner
      tone="warning"
      data-testid="session-expired-banner"
      action={
        <Button size="sm" onClick={signInAgain}>
          Sign in again
        </Button>
      }
    >
      <strong>Your session has expired.</strong> You are seeing the data loaded so far; sign in again to see changes and
      save your own.
    </Banner>
  );
}
