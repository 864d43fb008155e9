'use client';

import { createContext, useContext, useId, type ComponentProps, type ReactNode } from 'react';
import { cx } from './cx';
import { IconAlert } from './icons';

type FieldState = { id: string; describedBy: string | undefined; invalid: boolean; required: boolean };

const FieldContext = createContext<FieldState | null>(null);

export type FieldProps = Omit<ComponentProps<'div'>, 'children'> & {
  label: ReactNode;
  /** Helper text under the control, linked with aria-describedby. */
  hint?: ReactNode;
  /** Error text; marks the control aria-invalid and is announced. */
  error?: ReactNode;
  required?: boolean;
  /** Id for the control; generated when omitted. */
  controlId?: string;
  /** Keeps the label for screen readers only (e.g. a filter in a toolbar). */
  hideLabel?: boolean;
  children: ReactNode;
};

/**
 * Label + control + hint + error. The control inside (Input, Select, Textarea, NumberInput)
 * picks up its id, aria-describedby, aria-invalid and required from here.
 */
export function Field({
  label,
  hint,
  error,
  required = false,
  controlId,
  hideLabel,
  className,
  children,
  ...rest
}: FieldProps) {
  const autoId = useId();
  const id = controlId ?? `field${autoId}`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const hasError = error !== undefined && error !== null && error !== false && error !== '';
  const describedBy = [hint ? hintId : null, hasError ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cx('pp-field', className)} data-invalid={hasError || undefined} {...rest}>
      <label htmlFor={id} className={hideLabel ? 'pp-visually-hidden' : 'pp-field__label'}>
        {label}
        {required ? (
          <span className="pp-field__required" aria-hidden="true">
            *
          </span>
        ) : null}
      </label>
      <FieldContext.Provider value={{ id, describedBy, invalid: hasError, required }}>{children}</FieldContext.Provider>
      {hint ? (
        <p id={hintId} className="pp-field__hint">
          {hint}
        </p>
      ) : null}
      {hasError ? (
        <p id={errorId} className="pp-field__error" role="alert">
          <IconAlert />
          <span>{error}</span>
        </p>
      ) : null}
    </div>
  );
}

type ControlAria = {
  id?: string;
  required?: boolean;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean | 'true' | 'false' | 'grammar' | 'spelling';
};

/** Merges a control's own props with what the surrounding Field says; the control's props win. */
export function useFieldControl<P extends ControlAria>(props: P): P {
  const field = useContext(FieldContext);
  if (!field) return props;
  const describedBy = [field.describedBy, props['aria-describedby']].filter(Boolean).join(' ') || undefined;
  return {
    ...props,
    id: props.id ?? field.id,
    required: props.required ?? (field.required || undefined),
    'aria-describedby': describedBy,
    'aria-invalid': props['aria-invalid'] ?? (field.invalid || undefined),
  };
}
