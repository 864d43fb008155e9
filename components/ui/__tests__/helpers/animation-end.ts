import { act } from '@testing-library/react';

/** jsdom has no AnimationEvent: dispatch an `animationend` carrying the animation's name, as a browser does. */
export function animationEnd(el: Element, animationName: string): void {
  const event = new Event('animationend', { bubbles: true });
  Object.defineProperty(event, 'animationName', { value: animationName });
  act(() => {
    el.dispatchEvent(event);
  });
}
