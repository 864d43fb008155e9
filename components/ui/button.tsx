import type { ComponentProps, ReactNode } from 'react';
import { cx } from './cx';
import { Spinner } from './spinner';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger' | 'link';
export type ButtonSize = 'sm' | 'md' | 'lg';

export type ButtonStyle = {
  variant?: ButtonVariant;
  size?: ButtonSize;
  fullWidth?: boolean;
  className?: string;
};

/** The button classes, for things that must look like a button but are not one (e.g. a Next `<Link>`). */
export function buttonClassName({ variant = 'primary', size = 'md', fullWidth, className }: ButtonStyle = {}): string {
  return cx('pp-btn', `pp-btn--${variant}`, size !== 'md' && `pp-btn--${size}`, fullWidth && 'pp-btn--full', className);
}

export type ButtonProps = ComponentProps<'button'> &
  ButtonStyle & {
    /** Shows a spinner, sets aria-busy and disables the button until the work is done. */
    loading?: boolean;
    /** Leading icon (decorative). */
    icon?: ReactNode;
  };

export function Button({
  variant = 'primary',
  size = 'md',
  fullWidth,
  loading = false,
  icon,
  disabled,
  className,
  type = 'button',
  children,
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      className={buttonClassName({ variant, size, fullWidth, className })}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      {...rest}
    >
      {loading ? <Spinner size="sm" /> : icon}
      {children}
    </button>
  );
}

export type IconButtonProps = Omit<ButtonProps, 'icon' | 'fullWidth' | 'aria-label'> & {
  /** The accessible name; icon buttons have no visible text. Also shown as the tooltip. */
  label: string;
};

export function IconButton({ label, variant = 'ghost', className, title, children, ...rest }: IconButtonProps) {
  return (
    <Button
      variant={variant}
      aria-label={label}
      title={title ?? label}
      className={cx('pp-btn--icon', className)}
      {...rest}
    >
      {rest.loading ? null : children}
    </Button>
  );
}
