import type { CSSProperties, ComponentProps, ReactNode } from 'react';
import { cx } from './cx';

const PALETTE = [
  '#e0e7ff:#3730a3',
  '#dcfce7:#166534',
  '#fef3c7:#92400e',
  '#fce7f3:#9d174d',
  '#dbeafe:#1e40af',
  '#ede9fe:#5b21b6',
  '#ccfbf1:#115e59',
];

/** `Ava Stone` → `AS`, `cho@acme.test` → `C`, `` → `?`. */
export function initials(name: string | null | undefined): string {
  const clean = (name ?? '').replace(/@.*$/, '').trim();
  if (!clean) return '?';
  const parts = clean.split(/[\s._-]+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase() || '?';
}

function colourFor(seed: string): CSSProperties {
  let hash = 0;
  for (let i = 0; i < seed.length; i++) hash = (hash * 31 + seed.charCodeAt(i)) >>> 0;
  const [bg, fg] = (PALETTE[hash % PALETTE.length] ?? '').split(':');
  return { '--avatar-bg': bg, '--avatar-fg': fg } as CSSProperties;
}

export type AvatarProps = Omit<ComponentProps<'span'>, 'children'> & {
  name: string | null | undefined;
  size?: 'sm' | 'md' | 'lg';
  /** Hide from screen readers when the name is printed next to it anyway. */
  decorative?: boolean;
};

/** Initials in a circle with a colour stable per name. */
export function Avatar({ name, size = 'sm', decorative = false, className, style, ...rest }: AvatarProps) {
  const label = name?.trim() || 'Unknown person';
  return (
    <span
      className={cx('pp-avatar', size !== 'sm' && `pp-avatar--${size}`, className)}
      style={{ ...colourFor(label), ...style }}
      role={decorative ? undefined : 'img'}
      aria-label={decorative ? undefined : label}
      aria-hidden={decorative || undefined}
      title={decorative ? undefined : label}
      {...rest}
    >
      {initials(name)}
    </span>
  );
}

export type PersonProps = Omit<ComponentProps<'span'>, 'children'> & {
  name: string | null | undefined;
  fallback?: ReactNode;
};

/** Avatar + name, e.g. an action's assignee. Shows `fallback` (default `Unassigned`) when there is no name. */
export function Person({ name, fallback = 'Unassigned', className, ...rest }: PersonProps) {
  return (
    <span className={cx('pp-person', className)} {...rest}>
      <Avatar name={name} decorative />
      <span className="pp-truncate">{name?.trim() ? name : fallback}</span>
    </span>
  );
}
