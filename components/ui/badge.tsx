import type { ComponentProps } from 'react';
import { cx } from './cx';
import { statusTone, statusWords, type StatusKind, type Tone } from './status';

export type BadgeProps = ComponentProps<'span'> & {
  tone?: Tone;
  /** A small coloured dot before the text. */
  dot?: boolean;
  /** Bordered, no fill: for secondary labels such as counts or units. */
  outline?: boolean;
};

export function Badge({ tone = 'neutral', dot = false, outline = false, className, children, ...rest }: BadgeProps) {
  return (
    <span className={cx('pp-badge', `pp-tone--${tone}`, outline && 'pp-badge--outline', className)} {...rest}>
      {dot ? <span className="pp-badge__dot" aria-hidden="true" /> : null}
      {children}
    </span>
  );
}

export type StatusPillProps = Omit<BadgeProps, 'tone' | 'dot' | 'children'> & {
  kind: StatusKind;
  /** The raw status value, e.g. `in_progress`; shown in words (`In progress`). */
  value: string;
};

/** A status in words with its tone, e.g. `<StatusPill kind="action" value="in_progress" />` → "In progress". */
export function StatusPill({ kind, value, ...rest }: StatusPillProps) {
  return (
    <Badge tone={statusTone(kind, value)} dot data-status={value} {...rest}>
      {statusWords(value)}
    </Badge>
  );
}

const PRIORITY_LEVEL: Record<string, number> = { low: 1, medium: 2, high: 3, critical: 3 };

export type PriorityLabelProps = Omit<ComponentProps<'span'>, 'children'> & { value: string };

/** A priority as signal bars + words (`High`), quieter than a pill for dense rows. */
export function PriorityLabel({ value, className, ...rest }: PriorityLabelProps) {
  const level = Object.hasOwn(PRIORITY_LEVEL, value) ? (PRIORITY_LEVEL[value] ?? 0) : 0;
  return (
    <span className={cx('pp-priority', className)} data-priority={value} {...rest}>
      <span className="pp-priority__bars" aria-hidden="true">
        {[1, 2, 3].map((n) => (
          <span key={n} className="pp-priority__bar" data-on={n <= level ? '' : undefined} />
        ))}
      </span>
      {statusWords(value)}
    </span>
  );
}
