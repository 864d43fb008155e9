// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TOAST_DEFAULTS, ToastProvider, useToast, type ToastOptions } from '../toast';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function Trigger({ options, label = 'Notify' }: { options: ToastOptions | string; label?: string }) {
  const { toast } = useToast();
  return <button onClick={() => toast(options)}>{label}</button>;
}

const region = () => screen.getByRole('status', { name: 'Notifications' });

describe('ToastProvider', () => {
  it('shows a toast in the live region', () => {
    render(
      <ToastProvider>
        <Trigger options={{ title: 'Goal saved', description: 'Q3 hiring is now active', tone: 'success' }} />
      </ToastProvider>,
    );
    expect(region().children).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Notify' }));
    expect(within(region()).getByText('Goal saved')).toBeTruthy();
    expect(within(region()).getByText('Q3 hiring is now active')).toBeTruthy();
    expect(region().getAttribute('aria-live')).toBe('polite');
  });

  it('dismisses itself after the duration, not before', () => {
    render(
      <ToastProvider>
        <Trigger options="Saved" />
      </ToastProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Notify' }));
    act(() => vi.advanceTimersByTime(TOAST_DEFAULTS.durationMs - 1));
    expect(within(region()).queryByText('Saved')).not.toBeNull();
    act(() => vi.advanceTimersByTime(1));
    expect(within(region()).queryByText('Saved')).toBeNull();
  });

  it('dismisses at once with its dismiss button', () => {
    render(
      <ToastProvider>
        <Trigger options={{ title: 'Saved', durationMs: 0 }} />
      </ToastProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Notify' }));
    fireEvent.click(within(region()).getByRole('button', { name: 'Dismiss notification' }));
    expect(within(region()).queryByText('Saved')).toBeNull();
  });

  it('keeps a sticky toast (durationMs 0) and pauses while hovered', () => {
    render(
      <ToastProvider durationMs={1000}>
        <Trigger options={{ title: 'Sticky', durationMs: 0 }} label="Sticky" />
        <Trigger options="Hovered" label="Hover" />
      </ToastProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Sticky' }));
    fireEvent.click(screen.getByRole('button', { name: 'Hover' }));
    const hovered = within(region()).getByText('Hovered').closest('li') as HTMLElement;
    fireEvent.mouseEnter(hovered);
    act(() => vi.advanceTimersByTime(5000));
    expect(within(region()).queryByText('Hovered')).not.toBeNull();
    fireEvent.mouseLeave(hovered);
    act(() => vi.advanceTimersByTime(1000));
    expect(within(region()).queryByText('Hovered')).toBeNull();
    expect(within(region()).queryByText('Sticky')).not.toBeNull();
  });

  it('stacks toasts in order and drops the oldest past the maximum', () => {
    function Many() {
      const { toast } = useToast();
      return <button onClick={() => ['one', 'two', 'three'].forEach((t) => toast(t))}>Many</button>;
    }
    render(
      <ToastProvider max={2}>
        <Many />
      </ToastProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Many' }));
    expect(Array.from(region().querySelectorAll('.pp-toast__title')).map((n) => n.textContent)).toEqual([
      'two',
      'three',
    ]);
  });

  it('updates a toast with the same id in place and starts its timer again, instead of stacking another', () => {
    let count = 0;
    function Counter() {
      const { toast } = useToast();
      return (
        <button onClick={() => toast({ id: 'summary', title: `${++count} more changes`, durationMs: 1000 })}>
          Count
        </button>
      );
    }
    render(
      <ToastProvider>
        <Trigger options="First" />
        <Counter />
      </ToastProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Count' }));
    fireEvent.click(screen.getByRole('button', { name: 'Notify' }));
    act(() => vi.advanceTimersByTime(900));
    fireEvent.click(screen.getByRole('button', { name: 'Count' }));
    const titles = () => Array.from(region().querySelectorAll('.pp-toast__title')).map((n) => n.textContent);
    expect(titles()).toEqual(['2 more changes', 'First']);
    act(() => vi.advanceTimersByTime(999));
    expect(titles()).toEqual(['2 more changes', 'First']);
    act(() => vi.advanceTimersByTime(1));
    expect(titles()).toEqual(['First']);
    // Gone: the same id shows it again.
    fireEvent.click(screen.getByRole('button', { name: 'Count' }));
    expect(titles()).toEqual(['First', '3 more changes']);
  });

  it('useToast outside the provider says how to fix it', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<Trigger options="x" />)).toThrow(/outside <ToastProvider>.*Wrap the app/);
    spy.mockRestore();
  });
});
