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
};

type ToastEntry = ToastOptions & { id: string };

export type ToastApi = {
  /** Shows a toast; a string is its title. Returns its id. */
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
      const id = `toast-${nextId.current}`;
      const entry = typeof options === 'string' ? { title: options } : options;
      setToasts((list) => [...list, { ...entry, id }].slice(-Math.max(1, max)));
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
  const { id } = entry;

  useEffect(() => {
    if (paused || durationMs <= 0) return;
    const timer = setTimeout(() => onDismiss(id), durationMs);
    return () => clearTimeout(timer);
  }, [paused, durationMs, id, onDismiss]);

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
  Omit<ToastOptions, 'durationMs'> & { onDismiss: () => void };

/** One toast as it looks; ToastProvider renders these. Exported for previews and custom stacks. */
export function ToastCard({ title, description, tone = 'neutral', onDismiss, className, ...rest }: ToastCardProps) {
  return (
    <li className={cx('pp-toast', `pp-tone--${tone === 'neutral' ? 'accent' : tone}`, className)} data-tone={tone} {...rest}>
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
    throw new Error('useToast() was called outside <ToastProvider>. Wrap the app (e.g. app/providers.tsx) in <ToastProvider>.');
  }
  return api;
}
