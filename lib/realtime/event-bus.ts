import type { DomainEvent, EventType } from '@/lib/protocol';

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
  const handlers = new Map<EventFilter, Set<(event: DomainEvent) => void>>();
  const call = (set: Set<(event: DomainEvent) => void> | undefined, event: DomainEvent) => {
    if (!set) return;
    for (const handler of [...set]) {
      try {
        handler(event);
      } catch (error) {
        onHandlerError(error, event);
      }
    }
  };
  return {
    subscribe(type, handler) {
      const fn = handler as (event: DomainEvent) => void;
      let set = handlers.get(type);
      if (!set) handlers.set(type, (set = new Set()));
      set.add(fn);
      return () => {
        set.delete(fn);
        if (set.size === 0 && handlers.get(type) === set) handlers.delete(type);
      };
    },
    emit(event) {
      call(handlers.get(event.type), event);
      call(handlers.get('*'), event);
    },
  };
}
