'use client';

import type { ComponentProps } from 'react';
import { cx } from './cx';
import { useFieldControl } from './field';
import { IconChevronDown } from './icons';

export type SelectOption = { value: string; label: string; disabled?: boolean };

export type SelectProps = ComponentProps<'select'> & {
  /** Options as data; or pass `<option>` children instead. */
  options?: readonly SelectOption[];
  /** Adds a first, empty option with this text (e.g. `All statuses`). */
  placeholder?: string;
  controlSize?: 'sm' | 'md';
};

/** A native select, styled. Inside a Field it is labelled automatically; alone, give it `aria-label`. */
export function Select({ options, placeholder, controlSize = 'md', className, children, ...rest }: SelectProps) {
  const props = useFieldControl(rest);
  return (
    <span className={cx('pp-select', controlSize === 'sm' && 'pp-select--sm', className)}>
      <select className="pp-select__control" {...props}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options?.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
        {children}
      </select>
      <IconChevronDown className="pp-select__chevron" />
    </span>
  );
}
