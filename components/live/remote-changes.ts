'use client';

import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import { flashElement } from '@/components/ui';
import { createRemoteChangeStore, type ChangeKind } from './remote-change-store';

/**
 * Which rows changed because of someone else. Rows flash when their entity is marked, at most once
 * per animation frame and never for this tab's own writes (the announcer marks only others' events).
 */
export type { ChangeKind } from './remote-change-store';

/** The tab's one store; creating it starts nothing (the first mark schedules the first flush). */
export const remoteChanges = createRemoteChangeStore();

export function markRemoteChange(kind: ChangeKind, id: string): void {
  remoteChanges.mark(kind, id);
}

/** A number that goes up when someone else changes the entity (once per frame at most); 0 before that. */
export function useRemoteChangeStamp(kind: ChangeKind, id: string): number {
  const subscribe = useCallback((listener: () => void) => remoteChanges.subscribe(kind, id, listener), [kind, id]);
  const get = useCallback(() => remoteChanges.stamp(kind, id), [kind, id]);
  return useSyncExternalStore(subscribe, get, () => 0);
}

/**
 * A ref for a row that briefly highlights when someone else changes its entity. The highlight is
 * set on the element directly: a flash is not worth a render of the row.
 */
export function useRemoteFlash<T extends HTMLElement>(kind: ChangeKind, id: string) {
  const ref = useRef<T>(null);
  useEffect(() => remoteChanges.subscribe(kind, id, () => flashElement(ref.current)), [kind, id]);
  return ref;
}
