'use client';

import type { ComponentProps, ReactNode } from 'react';
import { cx } from './cx';
import { useFieldControl } from './field';

export type InputProps = ComponentProps<'input'> & { controlSize?: 'sm' | 'md' };

/** A text input. Inside a Field it is labelled automatically; alone, give it `aria-label`. */
export function Input({ className, controlSize = 'md', type = 'text', ...rest }: InputProps) {
  const props = useFieldControl(rest);
  return <input type={type} className={cx('pp-input', controlSize === 'sm' && 'pp-input--sm', className)} {...props} />;
}

export type TextareaProps = ComponentProps<'textarea'>;

export function Textarea({ className, rows = 4, ...rest }: TextareaProps) {
  const props = useFieldControl(rest);
  return <textarea rows={rows} className={cx('pp-textarea', className)} {...props} />;
}

export type NumberInputProps = Omit<InputProps, 'type'> & {
  /** Shown inside the right edge, e.g. `%` or `USD`. */
  unit?: string;
};

/** A numeric input (`type="number"`, decimal keypad on phones) with an optional unit suffix. */
export function NumberInput({ unit, className, style, inputMode = 'decimal', ...rest }: NumberInputProps) {
  const input = <Input type="number" inputMode={inputMode} className={className} {...rest} />;
  if (!unit) return input;
  return (
    <div
      className="pp-number pp-number--unit"
      style={{ ['--pp-unit-width' as string]: `${unit.length + 1}ch`, ...style }}
    >
      {input}
      <span className="pp-number__unit" aria-hidden="true">
        {unit}
      </span>
    </div>
  );
}

export type CheckboxProps = Omit<ComponentProps<'input'>, 'type'> & { label: ReactNode };

/** A checkbox with its label beside it (the label wraps the input, so clicking the text toggles it). */
export function Checkbox({ label, className, ...rest }: CheckboxProps) {
  return (
    <label className={cx('pp-checkbox', className)}>
      <input type="checkbox" {...rest} />
      <span>{label}</span>
    </label>
  );
}
