// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { scheduleFrame } from '../frame-schedule';

const FALLBACK_MS = 16;

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('scheduleFrame (without a backup timer, as the row highlights use it)', () => {
  it('waits for the next animation frame while the page is visible', () => {
    vi.useFakeTimers();
    const raf = vi.spyOn(window, 'requestAnimationFrame');
    const timeout = vi.spyOn(window, 'setTimeout');
    const run = vi.fn();
    scheduleFrame(run, { fallbackMs: FALLBACK_MS });
    expect(raf).toHaveBeenCalledTimes(1);
    expect(timeout).not.toHaveBeenCalled();
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersToNextFrame();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('uses a timer in a hidden tab, where animation frames do not run', () => {
    vi.useFakeTimers();
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    const raf = vi.spyOn(window, 'requestAnimationFrame');
    const run = vi.fn();
    scheduleFrame(run, { fallbackMs: FALLBACK_MS });
    vi.advanceTimersByTime(FALLBACK_MS - 1);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
    expect(raf).not.toHaveBeenCalled();
  });

  it('cancels what it scheduled', () => {
    vi.useFakeTimers();
    const run = vi.fn();
    scheduleFrame(run, { fallbackMs: FALLBACK_MS })();
    vi.advanceTimersByTime(100);
    expect(run).not.toHaveBeenCalled();
  });
});
