// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useFlashOnChange } from '../flash';
import { animationEnd } from './helpers/animation-end';

afterEach(cleanup);

function Row({ version }: { version: string }) {
  const ref = useFlashOnChange<HTMLDivElement>(version);
  return (
    <div ref={ref} data-testid="row">
      {version}
    </div>
  );
}

describe('useFlashOnChange', () => {
  it('does not flash on first render, flashes on change, and clears when the animation ends', () => {
    const { rerender } = render(<Row version="t1" />);
    const row = screen.getByTestId('row');
    expect(row.classList.contains('pp-flash')).toBe(false);

    rerender(<Row version="t1" />);
    expect(row.classList.contains('pp-flash')).toBe(false);

    rerender(<Row version="t2" />);
    expect(row.classList.contains('pp-flash')).toBe(true);

    // A change while the flash runs lets it finish instead of restarting it: no forced layout.
    const layoutReads = vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get');
    rerender(<Row version="t2b" />);
    expect(row.classList.contains('pp-flash')).toBe(true);
    expect(layoutReads).not.toHaveBeenCalled();
    layoutReads.mockRestore();

    // Another animation ending inside the row (a spinner) bubbles up and leaves the flash on.
    animationEnd(row, 'pp-spin');
    expect(row.classList.contains('pp-flash')).toBe(true);
    animationEnd(row, 'pp-flash');
    expect(row.classList.contains('pp-flash')).toBe(false);

    rerender(<Row version="t3" />);
    expect(row.classList.contains('pp-flash')).toBe(true);
  });
});
