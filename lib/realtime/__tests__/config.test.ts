import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_REALTIME_WS_URL, isRealtimeEnabled, realtimeUrl } from '../config';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('config', () => {
  it('turns realtime off only when NEXT_PUBLIC_FEATURE_REALTIME is exactly "false"', () => {
    vi.stubEnv('NEXT_PUBLIC_FEATURE_REALTIME', undefined);
    expect(isRealtimeEnabled()).toBe(true);
    for (const on of ['true', '', '0', 'FALSE', 'no']) {
      vi.stubEnv('NEXT_PUBLIC_FEATURE_REALTIME', on);
      expect(isRealtimeEnabled()).toBe(true);
    }
    vi.stubEnv('NEXT_PUBLIC_FEATURE_REALTIME', 'false');
    expect(isRealtimeEnabled()).toBe(false);
  });

  it('reads the socket URL, defaulting to the local fake backend', () => {
    vi.stubEnv('NEXT_PUBLIC_REALTIME_WS_URL', undefined);
    expect(realtimeUrl()).toBe(DEFAULT_REALTIME_WS_URL);
    expect(DEFAULT_REALTIME_WS_URL).toBe('ws://127.0.0.1:4010/realtime');
    vi.stubEnv('NEXT_PUBLIC_REALTIME_WS_URL', '   ');
    expect(realtimeUrl()).toBe(DEFAULT_REALTIME_WS_URL);
    vi.stubEnv('NEXT_PUBLIC_REALTIME_WS_URL', ' wss://rt.example.test/ws ');
    expect(realtimeUrl()).toBe('wss://rt.example.test/ws');
  });
});
