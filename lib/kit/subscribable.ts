/**
 * The one subscribe/notify helper behind every store (after TanStack Query's `Subscribable`, which
 * query-core does not export): a set of listeners, `subscribe` returning the unsubscribe function,
 * and `notify` calling each listener of the moment once, even if one unsubscribes another meanwhile.
 * `subscribe` is bound, so it can be handed to `useSyncExternalStore` as it is.
 */
export class Subscribable<TListener extends (...args: never[]) => void = () => void> {
  protected readonly listeners = new Set<TListener>();

  readonly subscribe = (listener: TListener): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  hasListeners(): boolean {
    return this.listeners.size > 0;
  }

  notify(...args: Parameters<TListener>): void {
    if (this.listeners.size === 0) return;
    for (const listener of [...this.listeners]) listener(...args);
  }
}

/** Listeners filed by topic (an entity, an event type): only a topic's own listeners hear of it. */
export class Topics<TTopic, TListener extends (...args: never[]) => void = () => void> {
  readonly #byTopic = new Map<TTopic, Subscribable<TListener>>();

  subscribe(topic: TTopic, listener: TListener): () => void {
    let forTopic = this.#byTopic.get(topic);
    if (forTopic === undefined) this.#byTopic.set(topic, (forTopic = new Subscribable()));
    const unsubscribe = forTopic.subscribe(listener);
    const subscribed = forTopic;
    return () => {
      unsubscribe();
      if (!subscribed.hasListeners() && this.#byTopic.get(topic) === subscribed) this.#byTopic.delete(topic);
    };
  }

  notify(topic: TTopic, ...args: Parameters<TListener>): void {
    this.#byTopic.get(topic)?.notify(...args);
  }
}
