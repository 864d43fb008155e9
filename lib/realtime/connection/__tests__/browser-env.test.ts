// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { browserEnvironment, isOnline, isVisible, listenToEnvironment } from '../browser-env';

describe('browser environment', () => {
  it('reads the real globals only when asked, and listens on window and document', () => {
    const env = browserEnvironment();
    expect(env.window).toBe(window);
    expect(env.document).toBe(document);
    expect(isOnline(env)).toBe(true);
    expect(isVisible(env)).toBe(true);
    const handlers = { online: vi.fn(), offline: vi.fn(), visible: vi.fn() };
    const detach = listenToEnvironment(env, handlers);
    window.dispatchEvent(new Event('online'));
    window.dispatchEvent(new Event('offline'));
    document.dispatchEvent(new Event('visibilitychange'));
    expect([handlers.online, handlers.offline, handlers.visible].map((h) => h.mock.calls.length)).toEqual([1, 1, 1]);
    detach();
    window.dispatchEvent(new Event('online'));
    expect(handlers.online).toHaveBeenCalledTimes(1);
  });

  it('calls visible only when the document is visible', () => {
    const document = Object.assign(new EventTarget(), { visibilityState: 'hidden' });
    const visible = vi.fn();
    listenToEnvironment({ document }, { online: vi.fn(), offline: vi.fn(), visible });
    document.dispatchEvent(new Event('visibilitychange'));
    expect(visible).not.toHaveBeenCalled();
    document.visibilityState = 'visible';
    document.dispatchEvent(new Event('visibilitychange'));
    expect(visible).toHaveBeenCalledTimes(1);
  });

  it('treats a missing environment (Node, server) as online and visible', () => {
    expect(isOnline({})).toBe(true);
    expect(isVisible({})).toBe(true);
    expect(isOnline({ navigator: { onLine: false } })).toBe(false);
    expect(() => listenToEnvironment({}, { online: vi.fn(), offline: vi.fn(), visible: vi.fn() })()).not.toThrow();
  });
});
