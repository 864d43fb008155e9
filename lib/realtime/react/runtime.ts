import type { QueryClient } from '@tanstack/query-core';
import { Subscribable, Topics } from '@/lib/kit';
import type { DomainEvent, EventType } from '@/lib/protocol';
import { createCacheBridge, type BridgeOptions, type CacheBridge } from '../cache/bridge';
import { createConnectionStore, type ConnectionState, type ConnectionStore } from '../connection/connection-store';
import { errorDetail } from '../connection/messages';
import { createRealtimeSocket, type RealtimeSocket, type RealtimeSocketOptions } from '../connection/socket';
import { frameSchedule, holdMicrotaskNotifications } from './frame-schedule';

/**
 * Everything one <RealtimeProvider> owns, without React: the connection store, the event bus, the
 * current bridge and socket. The provider's effects call attachBridge / connect and return their
 * cleanups; components read the store and the bridge with useSyncExternalStore. Creating a runtime
 * has no side effects (no socket, no timer, no subscription).
 */

export type RealtimeSession = { tenantId: string; userId: string };

export type ConnectOptions = Omit<
  RealtimeSocketOptions,
  'tenantId' | 'store' | 'onEvent' | 'onRejection' | 'onResync'
> & {
  session: RealtimeSession;
};

export interface RealtimeRuntime {
  readonly store: ConnectionStore;
  readonly bus: EventBus;
  subscribeBridge(listener: () => void): () => void;
  getBridge(): CacheBridge | null;
  /**
   * Called while rendering. When the session changes from one identity (tenant + user) to another,
   * clears the cache at once, before any screen renders again, and returns a new generation (the
   * provider keys its children with it, so mounted queries cannot keep the old tenant's data).
   */
  identityGeneration(session: RealtimeSession | null, queryClient: QueryClient): number;
  attachBridge(queryClient: QueryClient, options?: Partial<BridgeOptions>): () => void;
  /** Opens the socket for a session on the current bridge; returns the function that closes it. */
  connect(options: ConnectOptions): () => void;
  disable(message?: string | null): void;
  reconnectNow(): void;
  resyncNow(): void;
}

const identityKey = (session: RealtimeSession) => JSON.stringify([session.tenantId, session.userId]);

export function createRealtimeRuntime(
  initial: ConnectionState,
  logger: Pick<Console, 'warn' | 'error'> = console,
): RealtimeRuntime {
  const store = createConnectionStore(initial);
  const bus = createEventBus((error, event) => {
    logger.warn(
      `Realtime: a useRealtimeEvent handler for ${event.type} threw (${errorDetail(error, [])}); other handlers still ran.`,
    );
  });
  const bridgeListeners = new Subscribable();
  let bridge: CacheBridge | null = null;
  let socket: RealtimeSocket | null = null;
  let shown: { key: string | null; generation: number } = { key: null, generation: 0 };
  let served: string | null = null;

  const publishBridge = (next: CacheBridge | null) => {
    bridge = next;
    served = null;
    bridgeListeners.notify();
  };

  return {
    store,
    bus,
    subscribeBridge: bridgeListeners.subscribe,
    getBridge: () => bridge,
    identityGeneration(session, queryClient) {
      if (session === null) return shown.generation;
      const key = identityKey(session);
      if (key === shown.key) return shown.generation;
      const switched = shown.key !== null;
      if (switched) queryClient.clear();
      shown = { key, generation: shown.generation + (switched ? 1 : 0) };
      return shown.generation;
    },
    attachBridge(queryClient, options) {
      // In a browser, patches land in animation frames and render in the same frame (frame-schedule.ts).
      const frames = frameSchedule();
      const created = createCacheBridge(
        queryClient,
        frames === undefined ? options : { schedulePatches: frames, ...options },
      );
      const release = frames === undefined ? () => {} : holdMicrotaskNotifications();
      publishBridge(created);
      return () => {
        release();
        created.dispose();
        if (bridge === created) publishBridge(null);
      };
    },
    connect({ session, ...options }) {
      const current = bridge;
      if (!current) return () => {};
      const key = identityKey(session);
      if (served !== null && served !== key) current.reset();
      served = key;
      let created: RealtimeSocket;
      try {
        created = createRealtimeSocket({
          ...options,
          tenantId: session.tenantId,
          store,
          onEvent: (event) => {
            // A duplicate is the same event again: subscribers (toasts) saw it already.
            const outcome = current.receive(event);
            if (outcome.status === 'applied' || outcome.reason !== 'duplicate') bus.emit(event);
          },
          onRejection: (rejection) => current.recordRejection(rejection),
          onResync: () => current.resync(),
        });
      } catch (error) {
        const message = errorDetail(error, []);
        logger.error(`Realtime: ${message}`);
        store.update({ state: 'disabled', lastError: message });
        return () => {};
      }
      socket = created;
      created.start();
      return () => {
        created.stop();
        if (socket === created) socket = null;
      };
    },
    disable(message = null) {
      store.update({ state: 'disabled', nextRetryAt: null, connectedAt: null, lastError: message });
    },
    reconnectNow: () => socket?.reconnectNow(),
    resyncNow: () => bridge?.resync(),
  };
}

/** Raw domain events for components that want them (toasts, highlights), after the cache has them. */
export type EventFilter = EventType | '*';
export type EventHandler<T extends EventFilter> = (event: T extends EventType ? DomainEvent<T> : DomainEvent) => void;

export interface EventBus {
  /** Returns the unsubscribe function. `'*'` receives every event. */
  subscribe<T extends EventFilter>(type: T, handler: EventHandler<T>): () => void;
  /** Calls every matching handler; one that throws is reported and does not stop the others. */
  emit(event: DomainEvent): void;
}

export function createEventBus(onHandlerError: (error: unknown, event: DomainEvent) => void): EventBus {
  const topics = new Topics<EventFilter, (event: DomainEvent) => void>();
  return {
    subscribe(type, handler) {
      const fn = handler as (event: DomainEvent) => void;
      return topics.subscribe(type, (event) => {
        try {
          fn(event);
        } catch (error) {
          onHandlerError(error, event);
        }
      });
    },
    emit(event) {
      topics.notify(event.type, event);
      topics.notify('*', event);
    },
  };
}
