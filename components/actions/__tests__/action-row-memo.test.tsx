// @vitest-environment jsdom
import { useEffect, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { Action } from '@/lib/api';
import { ToastProvider } from '@/components/ui';
import { ActionRow } from '../action-row';

/** Renders per row: every render of a row calls useRemoteFlash once. */
const renders = vi.hoisted(() => new Map<string, number>());
vi.mock('@/components/live/remote-changes', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/components/live/remote-changes')>();
  return {
    ...real,
    useRemoteFlash: (kind: Parameters<typeof real.useRemoteFlash>[0], id: string) => {
      renders.set(id, (renders.get(id) ?? 0) + 1);
      return real.useRemoteFlash(kind, id);
    },
  };
});

afterEach(cleanup);

const base = (id: string, progress: number): Action => ({
  id,
  goalId: 'g-2',
  title: `Action ${id}`,
  status: 'in_progress',
  priority: 'high',
  assigneeId: 'u-2',
  progress,
  dueDate: null,
  createdAt: '2026-10-14T09:00:00.000Z',
  updatedAt: '2026-10-22T12:00:00.000Z',
});

const NOBODY: never[] = [];
const control: { setActions: (next: Action[]) => void } = { setActions: () => {} };

function List({ initial }: { initial: Action[] }) {
  const [actions, set] = useState(initial);
  useEffect(() => {
    control.setActions = set;
  }, [set]);
  return (
    <ul>
      {actions.map((a) => (
        // A new goal object per render, as the actions screen builds it.
        <ActionRow
          key={a.id}
          action={a}
          people={NOBODY}
          assigneeName="Ben Brooks"
          goal={{ id: a.goalId, title: 'Hire two engineers' }}
        />
      ))}
    </ul>
  );
}

describe('ActionRow in a list', () => {
  it('a patch that replaces one action re-renders that row only', () => {
    const first = [base('a-1', 10), base('a-2', 20), base('a-3', 30)];
    render(
      <QueryClientProvider client={new QueryClient()}>
        <ToastProvider>
          <List initial={first} />
        </ToastProvider>
      </QueryClientProvider>,
    );
    const before = new Map(renders);
    act(() => control.setActions([first[0]!, { ...first[1]!, progress: 55 }, first[2]!]));
    expect(screen.getByTestId('action-row-a-2').textContent).toContain('55%');
    expect(renders.get('a-2')).toBe(before.get('a-2')! + 1);
    expect(renders.get('a-1')).toBe(before.get('a-1'));
    expect(renders.get('a-3')).toBe(before.get('a-3'));
  });
});
