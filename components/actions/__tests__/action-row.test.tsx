// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { Action } from '@/lib/api';
import { ToastProvider } from '@/components/ui';
import { markRemoteChange } from '@/components/live/remote-changes';
import { ActionRow } from '../action-row';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const action: Action = {
  id: 'a-8',
  goalId: 'g-2',
  title: 'Screen the first 20 candidates',
  status: 'in_progress',
  priority: 'high',
  assigneeId: 'u-2',
  progress: 35,
  dueDate: '2026-11-29',
  createdAt: '2026-10-14T09:00:00.000Z',
  updatedAt: '2026-10-22T12:00:00.000Z',
};

function renderRow(props: Partial<Parameters<typeof ActionRow>[0]> = {}) {
  return render(
    <QueryClientProvider client={new QueryClient()}>
      <ToastProvider>
        <ul>
          <ActionRow
            action={action}
            people={[]}
            assigneeName="Ben Brooks"
            goal={{ id: 'g-2', title: 'Hire two engineers' }}
            {...props}
          />
        </ul>
      </ToastProvider>
    </QueryClientProvider>,
  );
}

describe('ActionRow', () => {
  it('shows title, status in words, priority, assignee and progress, and no option lists', () => {
    renderRow();
    const row = screen.getByTestId('action-row-a-8');
    expect(row.textContent).toContain('Screen the first 20 candidates');
    expect(row.textContent).toContain('In progress');
    expect(row.textContent).toContain('High');
    expect(row.textContent).toContain('Ben Brooks');
    expect(row.textContent).toContain('35%');
    expect(row.textContent).not.toContain('Not started');
    expect(within(row).getByRole('link', { name: 'Hire two engineers' }).getAttribute('href')).toBe('/goals/g-2');
    expect(within(row).getByRole('button', { name: 'Complete Screen the first 20 candidates' })).toBeTruthy();
  });

  it('offers no Complete button once done, and says Unassigned without an assignee', () => {
    renderRow({ action: { ...action, status: 'done', progress: 100, assigneeId: null }, assigneeName: null });
    const row = screen.getByTestId('action-row-a-8');
    expect(row.textContent).toContain('Done');
    expect(row.textContent).toContain('Unassigned');
    expect(within(row).queryByRole('button', { name: /^Complete/ })).toBeNull();
  });

  it('flashes on the next frame when someone else changes the action', () => {
    vi.useFakeTimers();
    renderRow();
    const row = screen.getByTestId('action-row-a-8');
    expect(row.classList.contains('pp-flash')).toBe(false);
    act(() => markRemoteChange('action', 'a-8'));
    act(() => vi.advanceTimersToNextFrame());
    expect(row.classList.contains('pp-flash')).toBe(true);
  });
});
