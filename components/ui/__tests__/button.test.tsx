// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Button, IconButton, buttonClassName } from '../button';
import { IconPlus } from '../icons';

afterEach(cleanup);

describe('Button', () => {
  it('is a type=button primary button by default, so it never submits a form by accident', () => {
    render(<Button>Save</Button>);
    const button = screen.getByRole('button', { name: 'Save' });
    expect(button.getAttribute('type')).toBe('button');
    expect(button.className).toBe('pp-btn pp-btn--primary');
  });

  it('calls onClick when enabled', () => {
    const onClick = vi.fn();
    render(<Button onClick={onClick}>Save</Button>);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('ignores clicks when disabled', () => {
    const onClick = vi.fn();
    render(
      <Button disabled onClick={onClick}>
        Save
      </Button>,
    );
    const button = screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement;
    fireEvent.click(button);
    expect(button.disabled).toBe(true);
    expect(onClick).not.toHaveBeenCalled();
  });

  it('while loading: disabled, aria-busy, a spinner instead of the icon, and the label kept', () => {
    const onClick = vi.fn();
    const { container, rerender } = render(
      <Button loading icon={<IconPlus data-testid="icon" />} onClick={onClick}>
        Save
      </Button>,
    );
    const button = screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(button.getAttribute('aria-busy')).toBe('true');
    expect(container.querySelector('.pp-spinner')).not.toBeNull();
    expect(screen.queryByTestId('icon')).toBeNull();
    fireEvent.click(button);
    expect(onClick).not.toHaveBeenCalled();

    rerender(
      <Button icon={<IconPlus data-testid="icon" />} onClick={onClick}>
        Save
      </Button>,
    );
    expect(button.disabled).toBe(false);
    expect(button.hasAttribute('aria-busy')).toBe(false);
    expect(screen.getByTestId('icon')).toBeTruthy();
  });

  it('submits a form when asked to be type=submit', () => {
    const onSubmit = vi.fn((e: { preventDefault: () => void }) => e.preventDefault());
    render(
      <form onSubmit={onSubmit}>
        <Button type="submit">Sign in</Button>
      </form>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('buttonClassName styles a non-button (e.g. a link) like a button', () => {
    expect(buttonClassName({ variant: 'secondary', size: 'sm', className: 'x' })).toBe(
      'pp-btn pp-btn--secondary pp-btn--sm x',
    );
  });
});

describe('IconButton', () => {
  it('is named by its label, which is also its tooltip', () => {
    render(
      <IconButton label="Add goal">
        <IconPlus />
      </IconButton>,
    );
    const button = screen.getByRole('button', { name: 'Add goal' });
    expect(button.getAttribute('title')).toBe('Add goal');
    expect(button.className).toContain('pp-btn--ghost');
    expect(button.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
  });
});
