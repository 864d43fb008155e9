'use client';

import { useEffect, useRef } from 'react';

/**
 * Briefly highlights an element (the `pp-flash` class) whenever `value` changes after the first render,
 * e.g. `const ref = useFlashOnChange<HTMLLIElement>(goal.updatedAt); <DataRow ref={ref} ... />`.
 * The stylesheet turns the highlight off under prefers-reduced-motion.
 */
export function useFlashOnChange<T extends HTMLElement>(value: unknown) {
  const ref = useRef<T>(null);
  const previous = useRef(value);

  useEffect(() => {
    if (Object.is(previous.current, value)) return;
    previous.current = value;
    const el = ref.current;
    if (!el) return;
    el.classList.remove('pp-flash');
    void el.offsetWidth; // restart the animation when changes come in quick succession
    el.classList.add('pp-flash');
    const done = () => el.classList.remove('pp-flash');
    el.addEventListener('animationend', done, { once: true });
    return () => el.removeEventListener('animationend', done);
  }, [value]);

  return ref;
}
