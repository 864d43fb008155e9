// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Menu, MenuItem } from '../menu';
import { Popover } from '../popover';

afterEach(cleanup);

function Subject() {
  return (
    <>
      <Popover trigger="Tenant">
        {(close) => (
          <Menu>
            <MenuItem onClick={close}>Acme</MenuItem>
            <MenuItem onClick={close}>Globex</MenuItem>
          </Menu>
        )}
      </Popover>
      <button>Elsewhere</button>
    </>
  );
}

const trigger = () => screen.getByRole('button', { name: 'Tenant' });

describe('Popover', () => {
  it('starts closed, with the trigger pointing at its panel', () => {
    render(<Subject />);
    expect(trigger().getAttribute('aria-expanded')).toBe('false');
    const panel = document.getElementById(trigger().getAttribute('aria-controls') ?? '');
    expect(panel?.hidden).toBe(true);
    expect(screen.queryByRole('button', { name: 'Acme' })).toBeNull();
  });

  it('opens on click and moves focus to the first item', () => {
    render(<Subject />);
    fireEvent.click(trigger());
    expect(trigger().getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Acme' }));
  });

  it('closes on Escape and returns focus to the trigger', () => {
    render(<Subject />);
    fireEvent.click(trigger());
    fireEvent.keyDown(screen.getByRole('button', { name: 'Globex' }), { key: 'Escape' });
    expect(trigger().getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('button', { name: 'Globex' })).toBeNull();
    expect(document.activeElement).toBe(trigger());
  });

  it('closes when an item calls close, on a click outside, and when focus leaves', () => {
    render(<Subject />);
    fireEvent.click(trigger());
    fireEvent.click(screen.getByRole('button', { name: 'Globex' }));
    expect(trigger().getAttribute('aria-expanded')).toBe('false');

    fireEvent.click(trigger());
    fireEvent.pointerDown(document.body);
    expect(trigger().getAttribute('aria-expanded')).toBe('false');

    fireEvent.click(trigger());
    const elsewhere = screen.getByRole('button', { name: 'Elsewhere' });
    fireEvent.blur(screen.getByRole('button', { name: 'Acme' }), { relatedTarget: elsewhere });
    expect(trigger().getAttribute('aria-expanded')).toBe('false');
  });

  it('toggles closed from the trigger itself', () => {
    render(<Subject />);
    fireEvent.click(trigger());
    fireEvent.click(trigger());
    expect(trigger().getAttribute('aria-expanded')).toBe('false');
  });
});
