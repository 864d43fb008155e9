'use client';

import { useCallback, useSyncExternalStore } from 'react';
import { scheduleFrame } from '@/lib/realtime';

export type ReadableStore<T> = { subscribe(listener: () => void): () => void; getSnapshot(): T };

/** At most once per animation frame; a timer where there are none (tests, hidden tabs). */
const nextFrame = (fn: () => void): (() => void) => scheduleFrame(fn, { fallbackMs: 16 });

/**
 * useSyncExternalStore for the bridge's stores, which notify on every event: a burst of events
 * re-renders the panel at most once per animation frame. `fallback` (a stable value) is returned
 * while there is no store yet.
 */
export function useThrottledStore<T>(store: ReadableStore<T>): T;
export function useThrottledStore<T>(store: ReadableStore<T> | null, fallback: T): T;
export function useThrottledStore<T>(store: ReadableStore<T> | null, fallback?: T): T {
  const subscribe = useCallback(
    (listener: () => void) => {
      if (store === null) return () => {};
      let cancel: (() => void) | null = null;
      const unsubscribe = store.subscribe(() => {
        cancel ??= nextFrame(() => {
          cancel = null;
          listener();
        });
      });
      return () => {
        unsubscribe();
        cancel?.();
      };
    },
    [store],
  );
  const getSnapshot = useCallback(() => (store === null ? (fallback as T) : store.getSnapshot()), [store, fallback]);
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}
