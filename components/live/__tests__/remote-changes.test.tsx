// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { animationEnd } from '@/components/ui/__tests__/helpers/animation-end';
import { markRemoteChange, remoteChanges, useRemoteChangeStamp, useRemoteFlash } from '../remote-changes';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  act(() => remoteChanges.flush()); // nothing left scheduled on a clock the next test no longer has
  cleanup();
  vi.useRealTimers();
});

const nextFrame = () => act(() => vi.advanceTimersToNextFrame());

function Row({ id, onRender }: { id: string; onRender: () => void }) {
  onRender();
  const ref = useRemoteFlash<HTMLLIElement>('goal', id);
  return (
    <li ref={ref} data-testid={`row-${id}`}>
      {id}
    </li>
  );
}

function Stamp({ id, onRender }: { id: string; onRender: () => void }) {
  onRender();
  return <span data-testid="stamp">{useRemoteChangeStamp('measure', id)}</span>;
}

describe('useRemoteFlash', () => {
  it('highlights the changed row on the next frame, without rendering any row again', () => {
    const renders = vi.fn();
    render(
      <ul>
        <Row id="g-1" onRender={renders} />
        <Row id="g-2" onRender={renders} />
      </ul>,
    );
    const [g1, g2] = [screen.getByTestId('row-g-1'), screen.getByTestId('row-g-2')];
    renders.mockClear();

    act(() => {
      for (let i = 0; i < 20; i++) markRemoteChange('goal', 'g-1');
    });
    expect(g1.classList.contains('pp-flash')).toBe(false);

    nextFrame();
    expect(g1.classList.contains('pp-flash')).toBe(true);
    expect(g2.classList.contains('pp-flash')).toBe(false);
    expect(renders).not.toHaveBeenCalled();

    animationEnd(g1, 'pp-flash');
    expect(g1.classList.contains('pp-flash')).toBe(false);
    act(() => markRemoteChange('goal', 'g-1'));
    nextFrame();
    expect(g1.classList.contains('pp-flash')).toBe(true);
  });

  it('no longer highlights a row once it is unmounted', () => {
    const { unmount } = render(
      <ul>
        <Row id="g-3" onRender={() => {}} />
      </ul>,
    );
    const row = screen.getByTestId('row-g-3');
    unmount();
    act(() => markRemoteChange('goal', 'g-3'));
    nextFrame();
    expect(row.classList.contains('pp-flash')).toBe(false);
  });
});

describe('useRemoteChangeStamp', () => {
  it('goes up once per frame however many changes the frame had, and renders only that component', () => {
    const renders = vi.fn();
    const other = vi.fn();
    render(
      <>
        <Stamp id="m-1" onRender={renders} />
        <Stamp id="m-2" onRender={other} />
      </>,
    );
    const [first] = screen.getAllByTestId('stamp');
    const before = Number(first!.textContent);
    renders.mockClear();
    other.mockClear();

    act(() => {
      markRemoteChange('measure', 'm-1');
      markRemoteChange('measure', 'm-1');
    });
    expect(Number(first!.textContent)).toBe(before);
    nextFrame();
    expect(Number(first!.textContent)).toBe(before + 1);
    expect(renders).toHaveBeenCalledTimes(1);
    expect(other).not.toHaveBeenCalled();
  });
});
