'use client';

import { useCallback, useSyncExternalStore } from 'react';
import { useFlashOnChange } from '@/components/ui';

/**
 * Which rows changed because of someone else: a stamp per entity that goes up with each remote
 * change. Rows flash when their stamp moves (useFlashOnChange), never for this tab's own writes.
 */
export type ChangeKind = 'goal' | 'action' | 'measure' | 'reading' | 'issue' | 'decision' | 'attachment' | 'activity';

const stamps = new Map<string, number>();
const listeners = new Set<() => void>();

const keyOf = (kind: ChangeKind, id: string) => `${kind}:${id}`;

export function markRemoteChange(kind: ChangeKind, id: string): void {
  const key = keyOf(kind, id);
  stamps.set(key, (stamps.get(key) ?? 0) + 1);
  for (const listener of [...listeners]) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useRemoteChangeStamp(kind: ChangeKind, id: string): number {
  const get = useCallback(() => stamps.get(keyOf(kind, id)) ?? 0, [kind, id]);
  return useSyncExternalStore(subscribe, get, () => 0);
}

/** A ref for a row that briefly highlights when someone else changes its entity. */
export function useRemoteFlash<T extends HTMLElement>(kind: ChangeKind, id: string) {
  return useFlashOnChange<T>(useRemoteChangeStamp(kind, id));
}
