/**
 * The few browser signals the socket reacts to: `online`/`offline` on window and
 * `visibilitychange` on document. Injected so that tests (and Node) supply their own event
 * targets; `browserEnvironment()` reads the real globals only when called, never at import.
 */

export type EventTargetLike = {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
};

export type EnvironmentSources = {
  window?: EventTargetLike | null;
  document?: (EventTargetLike & { readonly visibilityState?: string }) | null;
  navigator?: { readonly onLine?: boolean } | null;
};

export type EnvironmentHandlers = {
  online(): void;
  offline(): void;
  visible(): void;
};

export function browserEnvironment(): EnvironmentSources {
  return {
    window: typeof window === 'undefined' ? null : window,
    document: typeof document === 'undefined' ? null : document,
    navigator: typeof navigator === 'undefined' ? null : navigator,
  };
}

/** Attach the handlers; returns the function that detaches them. */
export function listenToEnvironment(env: EnvironmentSources, handlers: EnvironmentHandlers): () => void {
  const onVisibility = () => {
    if (isVisible(env)) handlers.visible();
  };
  env.window?.addEventListener('online', handlers.online);
  env.window?.addEventListener('offline', handlers.offline);
  env.document?.addEventListener('visibilitychange', onVisibility);
  return () => {
    env.window?.removeEventListener('online', handlers.online);
    env.window?.removeEventListener('offline', handlers.offline);
    env.document?.removeEventListener('visibilitychange', onVisibility);
  };
}

/** `navigator.onLine === false` is reliable; `true` is not, so anything but false counts as online. */
export function isOnline(env: EnvironmentSources): boolean {
  return env.navigator?.onLine !== false;
}

export function isVisible(env: EnvironmentSources): boolean {
  return env.document?.visibilityState !== 'hidden';
}
