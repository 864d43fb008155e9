'use client';

import { useRouter } from 'next/navigation';
import { getTokenStore, type User } from '@/lib/api';
import { Avatar, IconLogOut, Menu, MenuItem, MenuLabel, MenuSeparator, Popover } from '@/components/ui';
import styles from './shell.module.css';

export function UserMenu({ user, tenantName }: { user: User; tenantName: string | null }) {
  const router = useRouter();
  return (
    <Popover
      align="end"
      trigger={
        <>
          <Avatar name={user.name} decorative />
          <span className={styles.userName}>{user.name}</span>
        </>
      }
      triggerLabel={`Account: ${user.name}`}
      triggerProps={{ variant: 'ghost', size: 'sm' }}
    >
      {(close) => (
        <Menu>
          <MenuLabel>
            <span className={styles.menuName}>{user.name}</span>
            <span className={styles.menuMeta}>{user.email}</span>
            {tenantName ? <span className={styles.menuMeta}>{tenantName}</span> : null}
          </MenuLabel>
          <MenuSeparator />
          <MenuItem
            icon={<IconLogOut />}
            onClick={() => {
              close();
              getTokenStore().logout();
              router.replace('/login');
            }}
          >
            Sign out
          </MenuItem>
        </Menu>
      )}
    </Popover>
  );
}
