'use client';

import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ComponentProps,
  type ReactNode,
} from 'react';
import { IconButton } from './button';
import { cx } from './cx';
import { IconClose } from './icons';

export const TOAST_DEFAULTS = {
  /** How long a toast stays before it dismisses itself; 0 keeps it until dismissed. */
  durationMs: 5000,
  /** Most toasts on screen; the oldest goes first. */
  max: 4,
};

export type ToastTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

export type ToastOptions = {
  title: ReactNode;
  description?: ReactNode;
  tone?: ToastTone;
  /** Overrides the provider's duration for this toast; 0 = stays until dismissed. */
  durationMs?: number;
  /**
   * A toast with this id still on screen is updated in place (its timer starts again) instead of
   * another being stacked, e.g. a running count.
   */
  id?: string;
};

type ToastEntry = ToastOptions & { id: string; version: number };

export type ToastApi = {
  /** Shows a toast, or updates the one with the same `id`; a string is its title. Returns its id. */
  toast: (options: ToastOptions | string) => string;
  dismiss: (id: string) => void;
};

const ToastContext = createContext<ToastApi | null>(null);

export type ToastProviderProps = {
  children: ReactNode;
  durationMs?: number;
  max?: number;
};

/** Holds the toasts and renders them in one polite live region (role="status"), bottom right. */
export function ToastProvider({
  children,
  durationMs = TOAST_DEFAULTS.durationMs,
  max = TOAST_DEFAULTS.max,
}: ToastProviderProps) {
  const [toasts, setToasts] = useState<ToastEntry[]>([]);
  const nextId = useRef(0);

  const dismiss = useCallback((id: string) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  const toast = useCallback(
    (options: ToastOptions | string) => {
      nextId.current += 1;
      const entry = typeof options === 'string' ? { title: options } : options;
      const id = entry.id ?? `toast-${nextId.current}`;
      const version = nextId.current;
      setToasts((list) => {
        const at = list.findIndex((t) => t.id === id);
        if (at === -1) return [...list, { ...entry, id, version }].slice(-Math.max(1, max));
        return list.map((t, i) => (i === at ? { ...entry, id, version } : t));
      });
      return id;
    },
    [max],
  );
  const api = useMemo(() => ({ toast, dismiss }), [toast, dismiss]);

  return (
    <ToastContext.Provider value={api}>
      {children}
      <ol className="pp-toasts" role="status" aria-live="polite" aria-label="Notifications">
        {toasts.map((t) => (
          <ToastItem key={t.id} entry={t} durationMs={t.durationMs ?? durationMs} onDismiss={dismiss} />
        ))}
      </ol>
    </ToastContext.Provider>
  );
}

function ToastItem({
  entry,
  durationMs,
  onDismiss,
}: {
  entry: ToastEntry;
  durationMs: number;
  onDismiss: (id: string) => void;
}) {
  const [paused, setPaused] = useState(false);
  const { id, version } = entry;

  // An update (new version) starts the timer again.
  useEffect(() => {
    if (paused || durationMs <= 0) return;
    const timer = setTimeout(() => onDismiss(id), durationMs);
    return () => clearTimeout(timer);
  }, [paused, durationMs, id, version, onDismiss]);

  return (
    <ToastCard
      title={entry.title}
      description={entry.description}
      tone={entry.tone}
      onDismiss={() => onDismiss(id)}
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    />
  );
}

export type ToastCardProps = Omit<ComponentProps<'li'>, 'title'> &
  Omit<ToastOptions, 'durationMs' | 'id'> & { onDismiss: () => void };

/** One toast as it looks; ToastProvider renders these. Exported for previews and custom stacks. */
export function ToastCard({ title, description, tone = 'neutral', onDismiss, className, ...rest }: ToastCardProps) {
  return (
    <li
      className={cx('pp-toast', `pp-tone--${tone === 'neutral' ? 'accent' : tone}`, className)}
      data-tone={tone}
      {...rest}
    >
      <span className="pp-toast__dot" aria-hidden="true" />
      <div className="pp-toast__body">
        <p className="pp-toast__title">{title}</p>
        {description ? <p className="pp-toast__description">{description}</p> : null}
      </div>
      <IconButton size="sm" label="Dismiss notification" onClick={onDismiss}>
        <IconClose />
      </IconButton>
    </li>
  );
}

/** `const { toast } = useToast(); toast({ title: 'Goal saved', tone: 'success' })`. Needs a ToastProvider above. */
export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) {
    throw new Error(
      'useToast() was called outside <ToastProvider>. Wrap the app (e.g. app/providers.tsx) in <ToastProvider>.',
    );
  }
  return api;
}
