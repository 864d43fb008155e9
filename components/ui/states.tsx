import type { ComponentProps, ReactNode } from 'react';
import { Button } from './button';
import { cx } from './cx';
import { IconAlert, IconInbox, IconInfo, IconRetry } from './icons';

export type EmptyStateProps = Omit<ComponentProps<'div'>, 'title'> & {
  title: ReactNode;
  description?: ReactNode;
  icon?: ReactNode;
  /** A call to action, e.g. a `New goal` button. */
  action?: ReactNode;
  compact?: boolean;
};

/** What a list shows when it has nothing: what is missing and what to do next. */
export function EmptyState({ title, description, icon, action, compact, className, ...rest }: EmptyStateProps) {
  return (
    <div className={cx('pp-state', compact && 'pp-state--compact', className)} {...rest}>
      <span className="pp-state__icon" aria-hidden="true">
        {icon ?? <IconInbox />}
      </span>
      <p className="pp-state__title">{title}</p>
      {description ? <p className="pp-state__description">{description}</p> : null}
      {action ? <div className="pp-state__actions">{action}</div> : null}
    </div>
  );
}

export type ErrorStateProps = Omit<ComponentProps<'div'>, 'title'> & {
  title?: ReactNode;
  /** What went wrong and, where known, what to do. */
  message: ReactNode;
  /** Shows a Retry button that calls this. */
  onRetry?: () => void;
  retrying?: boolean;
  retryLabel?: string;
  compact?: boolean;
};

/** A failed load: role="alert", the message, and a Retry button. */
export function ErrorState({
  title = 'Something went wrong',
  message,
  onRetry,
  retrying = false,
  retryLabel = 'Retry',
  compact,
  className,
  ...rest
}: ErrorStateProps) {
  return (
    <div className={cx('pp-state pp-state--error', compact && 'pp-state--compact', className)} role="alert" {...rest}>
      <span className="pp-state__icon" aria-hidden="true">
        <IconAlert />
      </span>
      <p className="pp-state__title">{title}</p>
      <p className="pp-state__description">{message}</p>
      {onRetry ? (
        <div className="pp-state__actions">
          <Button variant="secondary" icon={<IconRetry />} loading={retrying} onClick={onRetry}>
            {retryLabel}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

export type BannerProps = ComponentProps<'div'> & {
  tone?: 'info' | 'warning' | 'danger' | 'success';
  action?: ReactNode;
};

/** An inline notice across the top of a page or card, e.g. `Live updates are off; refreshing every 30 s`. */
export function Banner({ tone = 'info', action, className, children, ...rest }: BannerProps) {
  const Icon = tone === 'info' || tone === 'success' ? IconInfo : IconAlert;
  return (
    <div className={cx('pp-banner', `pp-tone--${tone}`, className)} {...rest}>
      <Icon />
      <div className="pp-banner__body">{children}</div>
      {action}
    </div>
  );
}
