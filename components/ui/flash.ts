'use client';

import { useEffect, useRef } from 'react';

/**
 * Briefly highlights an element (the `pp-flash` class) until its animation ends. A flash already
 * running is left to finish: restarting it meant forcing a layout per change, which at hundreds of
 * events a second took a third of the main thread (bench:browser).
 */
export function flashElement(el: HTMLElement | null): void {
  if (!el || el.classList.contains('pp-flash')) return;
  el.classList.add('pp-flash');
  // Only the flash's own end: animations inside the element (a spinner, a toast) bubble here too.
  const done = (event: Event) => {
    if ((event as AnimationEvent).animationName !== 'pp-flash') return;
    el.classList.remove('pp-flash');
    el.removeEventListener('animationend', done);
  };
  el.addEventListener('animationend', done);
}

/**
 * Briefly highlights an element whenever `value` changes after the first render,
 * e.g. `const ref = useFlashOnChange<HTMLLIElement>(goal.updatedAt); <DataRow ref={ref} ... />`.
 * The stylesheet turns the highlight off under prefers-reduced-motion.
 */
export function useFlashOnChange<T extends HTMLElement>(value: unknown) {
  const ref = useRef<T>(null);
  const previous = useRef(value);

  useEffect(() => {
    if (Object.is(previous.current, value)) return;
    previous.current = value;
    flashElement(ref.current);
  }, [value]);

  return ref;
}
