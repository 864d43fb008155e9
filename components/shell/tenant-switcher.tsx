'use client';

import { useState } from 'react';
import { errorMessage, getTokenStore, type Tenant } from '@/lib/api';
import { Badge, Select, useToast } from '@/components/ui';

/** The current tenant; a switcher when the person belongs to more than one. */
export function TenantSwitcher({ tenants, tenantId }: { tenants: readonly Tenant[]; tenantId: string }) {
  const { toast } = useToast();
  const [pending, setPending] = useState(false);
  const current = tenants.find((t) => t.id === tenantId);

  if (tenants.length < 2) return <Badge outline>{current?.name ?? tenantId}</Badge>;

  async function switchTo(id: string) {
    const target = tenants.find((t) => t.id === id);
    setPending(true);
    try {
      // On success the realtime provider clears the cache and remounts the screens (toasts too),
      // so nothing of the old tenant stays visible; the header's tenant name is the confirmation.
      await getTokenStore().switchTenant(id);
    } catch (e) {
      toast({ title: `Couldn't switch to ${target?.name ?? id}`, description: errorMessage(e), tone: 'danger' });
    } finally {
      setPending(false);
    }
  }

  return (
    <Select
      aria-label="Tenant"
      controlSize="sm"
      value={tenantId}
      disabled={pending}
      onChange={(e) => void switchTo(e.target.value)}
      options={tenants.map((t) => ({ value: t.id, label: t.name }))}
    />
  );
}
