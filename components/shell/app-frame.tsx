'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { AppShell, Person } from '@/components/ui';
import { useAuth } from '@/components/auth/use-auth';
import { ConnectionStatus } from './connection-status';
import { MainNav } from './main-nav';
import { SessionBanner } from './session-banner';
import { TenantSwitcher } from './tenant-switcher';
import { UserMenu } from './user-menu';
import styles from './shell.module.css';

/** The signed-in frame: navigation, the current user and tenant, and the connection badge. */
export function AppFrame({ children }: { children: ReactNode }) {
  const auth = useAuth();
  const signedIn = auth.status === 'signed-in' || auth.status === 'expired';

  return (
    <AppShell
      className={styles.shell}
      brand={
        <Link href="/" className="pp-brand">
          <span className="pp-brand__mark" aria-hidden="true">
            P
          </span>
          PurposePath
        </Link>
      }
      nav={<MainNav />}
      sidebarFooter={
        signedIn ? (
          <div className={styles.sidebarUser}>
            <Person name={auth.user.name} />
            <span className="pp-subtle">{auth.tenant?.name ?? auth.tenantId}</span>
          </div>
        ) : null
      }
      headerEnd={
        <>
          <ConnectionStatus />
          {signedIn ? <TenantSwitcher tenants={auth.user.tenants} tenantId={auth.tenantId} /> : null}
          {signedIn ? <UserMenu user={auth.user} tenantName={auth.tenant?.name ?? null} /> : null}
        </>
      }
    >
      <SessionBanner />
      {children}
    </AppShell>
  );
}
