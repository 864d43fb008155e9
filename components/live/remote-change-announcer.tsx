'use client';

import { useCallback, useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { getOwnWrites } from '@/lib/api';
import type { DomainEvent } from '@/lib/protocol';
import { useRealtimeEvent } from '@/lib/realtime';
import { useToast } from '@/components/ui';
import { createAnnouncer, type Announcer } from './announcer';
import { cacheLookups } from './cache-lookups';
import { markRemoteChange } from './remote-changes';

/** The summary toast's id: each update replaces it rather than stacking another. */
const SUMMARY_TOAST_ID = 'remote-changes-summary';

/**
 * Highlights rows and toasts "Dana completed 'Hire two engineers'" for changes from other people;
 * a burst of them becomes one "14 more changes from your team" toast.
 */
export function RemoteChangeAnnouncer() {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const announcer = useRef<Announcer | null>(null);

  useEffect(() => {
    const created = createAnnouncer({
      lookups: () => cacheLookups(queryClient),
      isOwn: (event) => getOwnWrites().isOwnEvent(event),
      toast: (message) => void toast({ title: message, tone: 'info' }),
      summarize: ({ title, description, durationMs }) =>
        void toast({ id: SUMMARY_TOAST_ID, title, ...(description ? { description } : {}), tone: 'info', durationMs }),
      mark: markRemoteChange,
    });
    announcer.current = created;
    return () => {
      created.dispose();
      if (announcer.current === created) announcer.current = null;
    };
  }, [queryClient, toast]);

  const onEvent = useCallback((event: DomainEvent) => announcer.current?.handle(event), []);
  useRealtimeEvent('*', onEvent);
  return null;
}
