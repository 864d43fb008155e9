import { describe, expect, it } from 'vitest';
import { decodeFrame, type FrameRejection } from '@/lib/protocol';
import { createCacheBridge, createConnectionStore, type LogEntry } from '@/lib/realtime';
import {
  action1,
  event,
  manualSchedule,
  newClient,
  seed,
  T_OLD,
} from '@/lib/realtime/__tests__/helpers/bridge-fixtures';
import { DEVTOOLS_FLAG, devtoolsEnabled } from '../devtools-gate';
import { buildLogExport } from '../export-log';
import {
  entryTitle,
  formatMicros,
  formatTime,
  matchesFilters,
  NO_FILTERS,
  outcomeTags,
  summarize,
} from '../log-format';
import { PayloadCapture } from '../payload-capture';
import { payloadJson, redactPayload, redactText } from '../redact-payload';
import { exampleFrame, whatIf } from '../what-if';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1LTEifQ.c2lnbmF0dXJl';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
  };
}

describe('devtoolsEnabled', () => {
  it('is always on in development', () => {
    expect(devtoolsEnabled({ isDev: true, search: '', storage: memoryStorage() })).toBe(true);
  });

  it('in production needs the URL flag, and remembers it in local storage', () => {
    const storage = memoryStorage();
    expect(devtoolsEnabled({ isDev: false, search: '', storage })).toBe(false);
    expect(devtoolsEnabled({ isDev: false, search: '?x=1&realtime-devtools=1', storage })).toBe(true);
    expect(storage.data.get(DEVTOOLS_FLAG.storageKey)).toBe('1');
    expect(devtoolsEnabled({ isDev: false, search: '', storage })).toBe(true);
  });

  it('?realtime-devtools=0 forgets the flag; other values change nothing', () => {
    const storage = memoryStorage({ [DEVTOOLS_FLAG.storageKey]: '1' });
    expect(devtoolsEnabled({ isDev: false, search: '?realtime-devtools=yes', storage })).toBe(true);
    expect(devtoolsEnabled({ isDev: false, search: '?realtime-devtools=0', storage })).toBe(false);
    expect(storage.data.has(DEVTOOLS_FLAG.storageKey)).toBe(false);
  });

  it('works when storage throws (blocked cookies) or is missing', () => {
    const throwing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => {},
    };
    expect(devtoolsEnabled({ isDev: false, search: '?realtime-devtools=1', storage: throwing })).toBe(true);
    expect(devtoolsEnabled({ isDev: false, search: '', storage: throwing })).toBe(false);
    expect(devtoolsEnabled({ isDev: false, search: '', storage: null })).toBe(false);
  });
});

describe('redactPayload', () => {
  it('hides secret-named text fields, JWTs, bearer tokens, access_token parameters and given secrets', () => {
    const out = redactPayload(
      {
        accessToken: 'abc',
        nested: { refresh_token: 'def', password: 'hunter2', tokenRefreshes: 3 },
        message: `Signed with ${JWT}`,
        url: 'wss://x/realtime?access_token=zzz&tenant=acme',
        header: 'Bearer abcdefghijkl',
        list: ['my-own-secret-123', 7, null],
      },
      ['my-own-secret-123'],
    );
    const text = JSON.stringify(out);
    for (const secret of ['abc', 'def', 'hunter2', JWT, 'zzz', 'abcdefghijkl', 'my-own-secret-123'])
      expect(text).not.toContain(`${secret}"`);
    expect(out).toMatchObject({ nested: { tokenRefreshes: 3 }, list: ['[redacted]', 7, null] });
    expect(redactText(`id ${JWT}`)).toBe('id [redacted]');
  });

  it('returns plain data: a hostile key stays an own property and pollutes nothing', () => {
    const hostile = JSON.parse(
      '{"__proto__": {"polluted": true}, "a": {"constructor": {"prototype": {"x": 1}}}}',
    ) as unknown;
    const out = redactPayload(hostile) as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(out)).toEqual(['__proto__', 'a']);
    expect(payloadJson(hostile)).toContain('"polluted": true');
  });
});

describe('log format', () => {
  const client = newClient();
  seed(client);
  const timers = manualSchedule();
  const bridge = createCacheBridge(client, { schedule: timers.schedule });
  bridge.receive(event('action.progress_updated', {}, { id: 'e-1' }));
  bridge.receive(event('action.progress_updated', {}, { id: 'e-1' }));
  bridge.receive(event('action.progress_updated', { updated_at: T_OLD }));
  bridge.receive(event('decision.created', {}, { id: 'e-2' }));
  bridge.recordRejection(decodeFrame('nope') as FrameRejection);
  bridge.resync();
  timers.run();
  const [applied, duplicate, stale, decision, rejection, resync, flush] = bridge.log.getSnapshot() as LogEntry[];

  it('summarizes each kind of entry in words', () => {
    expect(summarize(applied!)).toMatch(/^patched \d+ · invalidated 3$/);
    expect(summarize(duplicate!)).toBe('ignored: duplicate');
    expect(summarize(stale!)).toBe('ignored: stale');
    expect(summarize(decision!)).toBe('patched 1');
    expect(summarize(rejection!)).toBe('invalid: bad_json');
    expect(summarize(resync!)).toBe('resync: 7 families');
    expect(summarize(flush!)).toMatch(/^\d+ keys · 0 refetches · \d+ coalesced$/);
    expect(entryTitle(rejection!)).toBe('invalid frame');
    expect(entryTitle(flush!)).toBe('flush');
  });

  it('tags outcomes and filters by type and outcome; flushes only when asked', () => {
    expect(outcomeTags(applied!)).toEqual(['patched', 'invalidated']);
    expect(outcomeTags(stale!)).toEqual(['stale']);
    const byType = { ...NO_FILTERS, type: 'decision.created' as const };
    expect([applied, decision, rejection, resync].map((e) => matchesFilters(e!, byType))).toEqual([
      false,
      true,
      false,
      false,
    ]);
    expect(matchesFilters(flush!, NO_FILTERS)).toBe(false);
    expect(matchesFilters(flush!, { ...NO_FILTERS, showFlushes: true })).toBe(true);
    expect(matchesFilters(flush!, { ...NO_FILTERS, outcome: 'flush' })).toBe(true);
    expect(matchesFilters(duplicate!, { ...NO_FILTERS, outcome: 'duplicate' })).toBe(true);
    expect(matchesFilters(duplicate!, { ...NO_FILTERS, outcome: 'patched' })).toBe(false);
  });

  it('formats times and microseconds', () => {
    expect(formatMicros(null)).toBe('');
    expect(formatMicros(12.34)).toBe('12.3 µs');
    expect(formatMicros(250)).toBe('250 µs');
    expect(formatMicros(1_700)).toBe('1.70 ms');
    expect(formatMicros(25_000)).toBe('25.0 ms');
    expect(formatTime(new Date(2026, 0, 2, 3, 4, 5, 6).getTime())).toBe('03:04:05.006');
  });

  it('exports the entries with their payloads, everything redacted', () => {
    const capture = new PayloadCapture(10);
    const withToken = event('goal.activity.created', {
      activity: {
        id: 'ac-9',
        goal_id: 'g-1',
        kind: 'comment',
        message: `token ${JWT}`,
        actor_id: 'u-1',
        created_at: '2026-11-27T10:05:00.000Z',
      },
    });
    bridge.receive(withToken);
    capture.recordLatest(bridge.log, withToken);
    const connection = createConnectionStore('reconnecting');
    connection.update({ lastCloseReason: `closed wss://x?access_token=${JWT}` });
    const data = buildLogExport({
      entries: bridge.log.getSnapshot(),
      stats: bridge.stats.getSnapshot(),
      connection: connection.getSnapshot(),
      capture,
      secrets: [],
      now: new Date(0),
    });
    const text = JSON.stringify(data);
    expect(text).not.toContain(JWT);
    expect(data.exportedAt).toBe('1970-01-01T00:00:00.000Z');
    expect(data.entries.at(-1)).toMatchObject({
      type: 'goal.activity.created',
      payload: { activity: { message: 'token [redacted]' } },
    });
    expect(data.stats?.received).toBe(5);
  });
});

describe('PayloadCapture', () => {
  it("keeps the newest payloads up to its capacity, and finds a duplicate's original by id", () => {
    const capture = new PayloadCapture(2);
    const a = event('action.progress_updated', {}, { id: 'x-1' });
    const b = event('action.completed', {}, { id: 'x-2' });
    capture.record(1, a);
    capture.record(2, b);
    expect(capture.get(9, 'x-1')).toBe(a);
    capture.record(3, event('decision.created'));
    expect(capture.get(1)).toBeUndefined();
    expect(capture.get(9, 'x-1')).toBeUndefined();
    expect(capture.get(2)).toBe(b);
    capture.clear();
    expect(capture.get(2)).toBeUndefined();
  });
});

describe('whatIf', () => {
  const bridge = createCacheBridge(newClient());

  it('explains a frame the socket would drop, with what to do', () => {
    expect(whatIf('  ', bridge)).toEqual({ kind: 'empty' });
    const bad = whatIf('{"type":"goal.created"', bridge);
    expect(bad.kind).toBe('invalid');
    expect(bad.kind === 'invalid' && bad.message).toMatch(/bad_json.*Paste a frame like the examples/);
    const wrong = whatIf(
      JSON.stringify({ type: 'goal.created', timestamp: '2026-11-27T10:00:00.000Z', data: {} }),
      bridge,
    );
    expect(wrong.kind === 'invalid' && wrong.message).toMatch(/bad_payload/);
    expect(whatIf(JSON.stringify({ type: 'ping', timestamp: '2026-11-27T10:00:00.000Z', data: {} }), bridge).kind).toBe(
      'not-an-event',
    );
    expect(whatIf(exampleFrame('goal.created'), null).kind).toBe('no-bridge');
  });

  it('prefills examples in wire form with their times set to now', () => {
    const frame = JSON.parse(exampleFrame('action.progress_updated', new Date('2030-01-01T00:00:00.000Z'))) as {
      type: string;
      timestamp: string;
      data: Record<string, unknown>;
    };
    expect(frame).toEqual({
      type: 'action.progress_updated',
      timestamp: '2030-01-01T00:00:00.000Z',
      data: { action_id: action1.id, goal_id: 'g-1', progress: 70, updated_at: '2030-01-01T00:00:00.000Z' },
    });
    const created = JSON.parse(exampleFrame('goal.created', new Date('2030-01-01T00:00:00.000Z'))) as {
      data: { goal: Record<string, unknown> };
    };
    expect(created.data.goal).toMatchObject({
      created_at: '2030-01-01T00:00:00.000Z',
      updated_at: '2030-01-01T00:00:00.000Z',
    });
  });
});
