'use client';

import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Button, type ButtonProps } from './button';
import { cx } from './cx';
import { firstFocusable } from './focus';

export type PopoverProps = {
  /** The trigger button's content (text, or an icon plus text). */
  trigger: ReactNode;
  /** The trigger's accessible name when its content is only an icon. */
  triggerLabel?: string;
  /** Button props for the trigger (variant, size, className, data-testid, ...). */
  triggerProps?: Omit<ButtonProps, 'onClick' | 'children' | 'aria-expanded' | 'aria-controls'>;
  /** Panel content; a function receives `close` (e.g. to close after choosing an item). */
  children: ReactNode | ((close: () => void) => ReactNode);
  /** Align the panel with the trigger's left (`start`) or right (`end`) edge. */
  align?: 'start' | 'end';
  /** Inner padding for free-form content; menus look better without. */
  padded?: boolean;
  /** Controlled open state (optional). */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  className?: string;
};

/**
 * A disclosure: a button that shows a panel below it. Opening moves focus into the panel;
 * Escape closes it and returns focus to the button; a click outside or tabbing away closes it.
 */
export function Popover({
  trigger,
  triggerLabel,
  triggerProps,
  children,
  align = 'start',
  padded = false,
  open: openProp,
  onOpenChange,
  className,
}: PopoverProps) {
  const [openState, setOpenState] = useState(false);
  const open = openProp ?? openState;
  const rootRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const panelId = `popover${useId()}`;

  const setOpen = useCallback(
    (next: boolean) => {
      if (openProp === undefined) setOpenState(next);
      onOpenChange?.(next);
    },
    [openProp, onOpenChange],
  );
  const close = useCallback(() => setOpen(false), [setOpen]);
  const closeAndFocusTrigger = useCallback(() => {
    setOpen(false);
    triggerRef.current?.focus();
  }, [setOpen]);

  useEffect(() => {
    if (!open) return;
    const panel = panelRef.current;
    if (panel) (firstFocusable(panel) ?? panel).focus();
    const onPointerDown = (e: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open, setOpen]);

  return (
    <div
      ref={rootRef}
      className={cx('pp-popover', align === 'end' && 'pp-popover--end', className)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          closeAndFocusTrigger();
        }
      }}
      onBlur={(e) => {
        const next = e.relatedTarget as Node | null;
        if (open && next && rootRef.current && !rootRef.current.contains(next)) setOpen(false);
      }}
    >
      <Button
        variant="secondary"
        {...triggerProps}
        ref={triggerRef}
        aria-label={triggerLabel ?? triggerProps?.['aria-label']}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        {trigger}
      </Button>
      <div
        ref={panelRef}
        id={panelId}
        className={cx('pp-popover__panel', padded && 'pp-popover__panel--padded')}
        hidden={!open}
        tabIndex={-1}
      >
        {open ? (typeof children === 'function' ? children(close) : children) : null}
      </div>
    </div>
  );
}
