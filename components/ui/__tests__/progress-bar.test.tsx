// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ProgressBar, clampPercent } from '../progress-bar';

afterEach(cleanup);

describe('ProgressBar', () => {
  it('exposes its value to assistive tech and shows the % text', () => {
    render(<ProgressBar value={40} label="Action progress" />);
    const bar = screen.getByRole('progressbar', { name: 'Action progress' });
    expect(bar.getAttribute('aria-valuenow')).toBe('40');
    expect(bar.getAttribute('aria-valuemin')).toBe('0');
    expect(bar.getAttribute('aria-valuemax')).toBe('100');
    expect(bar.getAttribute('aria-valuetext')).toBe('40%');
    expect(screen.getByText('40%')).toBeTruthy();
    expect((bar.querySelector('.pp-progress__fill') as HTMLElement).style.transform).toBe('scaleX(0.4)');
  });

  it('clamps and rounds what the server sends', () => {
    expect(clampPercent(-5)).toBe(0);
    expect(clampPercent(120)).toBe(100);
    expect(clampPercent(33.4)).toBe(33);
    expect(clampPercent(Number.NaN)).toBe(0);
    render(<ProgressBar value={150} />);
    const bar = screen.getByRole('progressbar', { name: 'Progress' });
    expect(bar.getAttribute('aria-valuenow')).toBe('100');
    expect(bar.hasAttribute('data-complete')).toBe(true);
  });

  it('can hide the text while keeping the aria value', () => {
    render(<ProgressBar value={7} hideValue />);
    expect(screen.queryByText('7%')).toBeNull();
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('7');
  });
});
