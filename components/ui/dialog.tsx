'use client';

import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { IconButton } from './button';
import { cx } from './cx';
import { focusables } from './focus';
import { IconClose } from './icons';

export type DialogProps = {
  open: boolean;
  /** Called on Escape, the close button, or a click on the backdrop. */
  onClose: () => void;
  /** The dialog's name (aria-labelledby). */
  title: ReactNode;
  /** A line under the title (aria-describedby). */
  description?: ReactNode;
  children?: ReactNode;
  /** Buttons at the bottom, e.g. Cancel + Save. */
  footer?: ReactNode;
  /** Element to focus on open; defaults to the first focusable element in the body, then the footer. */
  initialFocusRef?: RefObject<HTMLElement | null>;
  size?: 'md' | 'wide';
  closeLabel?: string;
  className?: string;
  'data-testid'?: string;
};

/**
 * A modal on the native <dialog> (top layer, inert page behind it). Focus moves in on open, Tab is
 * trapped, Escape closes, and focus returns to whatever had it before. Content mounts only while open.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  footer,
  initialFocusRef,
  size = 'md',
  closeLabel = 'Close',
  className,
  ...rest
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const pressedOnBackdrop = useRef(false);
  const onCloseRef = useRef(onClose);
  const titleId = `dialog${useId()}`;
  const descriptionId = `${titleId}-description`;

  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const dialog = ref.current;
    if (!open || !dialog) return;
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // jsdom (and very old browsers) lack showModal; the open attribute still shows it.
    if (typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal();
    } else {
      dialog.setAttribute('open', '');
    }
    const items = focusables(dialog);
    const target = initialFocusRef?.current ?? items.find((el) => !el.closest('.pp-dialog__header')) ?? items[0];
    target?.focus();

    const onCancel = (e: Event) => {
      e.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
      const back = returnFocus.current;
      returnFocus.current = null;
      if (back?.isConnected) back.focus();
    };
  }, [open, initialFocusRef]);

  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== 'Tab' || !ref.current) return;
    const items = focusables(ref.current);
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      className={cx('pp-dialog', size === 'wide' && 'pp-dialog--wide', className)}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      aria-modal="true"
      onKeyDown={onKeyDown}
      onPointerDown={(e) => {
        pressedOnBackdrop.current = e.target === e.currentTarget;
      }}
      onClick={(e) => {
        if (pressedOnBackdrop.current && e.target === e.currentTarget) onClose();
        pressedOnBackdrop.current = false;
      }}
      {...rest}
    >
      {open ? (
        <>
          <div className="pp-dialog__header">
            <div>
              <h2 id={titleId} className="pp-dialog__title">
                {title}
              </h2>
              {description ? (
                <p id={descriptionId} className="pp-dialog__description">
                  {description}
                </p>
              ) : null}
            </div>
            <IconButton label={closeLabel} onClick={onClose}>
              <IconClose />
            </IconButton>
          </div>
          {children ? <div className="pp-dialog__body">{children}</div> : null}
          {footer ? <div className="pp-dialog__footer">{footer}</div> : null}
        </>
      ) : null}
    </dialog>
  );
}
