import { describe, expect, it } from 'vitest';
import { createClock } from '../clock';
import { DEFAULTS, optionsFromEnv, resolveOptions } from '../config';
import { createEventLog } from '../event-log';
import { createFaults } from '../faults';
import { createRandom } from '../prng';
import { redact } from '../redact';

describe('clock', () => {
  it('never issues the same or an earlier timestamp, even within one millisecond', () => {
    const clock = createClock(() => 1_800_000_000_000);
    const a = clock.stamp();
    const b = clock.stamp();
    expect(a).toBe('2027-01-15T08:00:00.000Z');
    expect(b > a).toBe(true);
  });

  it("stays after an entity's previous updated_at even when that is in the future", () => {
    const clock = createClock(() => 1_800_000_000_000);
    expect(clock.stamp('2030-01-01T00:00:00.000Z')).toBe('2030-01-01T00:00:00.001Z');
  });
});

describe('prng', () => {
  it('is reproducible from its seed and stays in range', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const seqA = Array.from({ length: 50 }, () => a.int(1, 6));
    expect(seqA).toEqual(Array.from({ length: 50 }, () => b.int(1, 6)));
    expect(seqA.every((n) => n >= 1 && n <= 6)).toBe(true);
    expect(new Set(seqA).size).toBeGreaterThan(3);
    expect(createRandom(43).next()).not.toBe(createRandom(42).next());
  });
});

describe('redact', () => {
  it('hides tokens in query strings and bearer headers', () => {
    expect(redact('/realtime?access_token=abc.def.ghi&tenant=acme')).toBe(
      '/realtime?access_token=[redacted]&tenant=acme',
    );
    expect(redact('x?refresh_token=zzz')).toBe('x?refresh_token=[redacted]');
    expect(redact('Authorization: Bearer abc.def')).toBe('Authorization: Bearer [redacted]');
  });
});

describe('event log', () => {
  it('numbers entries, returns those after a seq, and stays bounded', () => {
    let t = 1000;
    const log = createEventLog(10, () => t++);
    for (let i = 0; i < 30; i++) log.add({ kind: 'ws_in', connection_id: 'c-1', type: 'pong', size: 10 });
    expect(log.lastSeq).toBe(30);
    const all = log.since(0);
    expect(all).toHaveLength(10);
    expect(all.map((e) => e.seq)).toEqual([21, 22, 23, 24, 25, 26, 27, 28, 29, 30]);
    expect(log.since(27).map((e) => e.seq)).toEqual([28, 29, 30]);
    expect(log.since(30)).toEqual([]);
    expect(all[0]!.at).toBe(1020);
  });

  it('redacts tokens in logged paths', () => {
    const log = createEventLog(10);
    const entry = log.add({
      kind: 'rest',
      method: 'GET',
      path: '/x?access_token=secret',
      status: 200,
      tenant: null,
      ms: 1,
    });
    expect(entry.kind === 'rest' && entry.path).toBe('/x?access_token=[redacted]');
  });
});

describe('faults', () => {
  it('picks the longest matching rest-delay prefix and removes a rule with 0', () => {
    const faults = createFaults();
    faults.setRestDelay('/api', 100);
    faults.setRestDelay('/api/goals', 300);
    expect(faults.restDelayFor('/api/goals/g-1')).toBe(300);
    expect(faults.restDelayFor('/api/actions')).toBe(100);
    expect(faults.restDelayFor('/health')).toBe(0);
    faults.setRestDelay('/api/goals', 0);
    expect(faults.restDelays()).toEqual({ '/api': 100 });
  });

  it('refuses connections until the window ends', () => {
    let t = 0;
    const faults = createFaults(() => t);
    faults.refuse(503, 1000);
    expect(faults.refusal()).toEqual({ status: 503, until: 1000 });
    t = 1000;
    expect(faults.refusal()).toBeNull();
  });
});

describe('config', () => {
  it('reads MOCK_WS_* variables', () => {
    expect(
      optionsFromEnv({
        MOCK_WS_PORT: '4110',
        MOCK_WS_TOKEN_TTL_S: '5',
        MOCK_WS_REFRESH_TTL_S: '50',
        MOCK_WS_PING_MS: '0',
        MOCK_WS_ALLOWED_ORIGINS: 'http://127.0.0.1:3110, http://localhost:3110',
        MOCK_WS_CONTROL: '0',
        MOCK_WS_SIMULATE: '1',
        MOCK_WS_SECRET: 'x',
      }),
    ).toEqual({
      port: 4110,
      accessTtlS: 5,
      refreshTtlS: 50,
      pingMs: 0,
      allowedOrigins: ['http://127.0.0.1:3110', 'http://localhost:3110'],
      control: false,
      simulate: true,
      secret: 'x',
    });
  });

  it('defaults to port 4010, control on, simulator off, the app origins on :3000', () => {
    const opts = resolveOptions(optionsFromEnv({}), Date.parse('2026-11-27T15:30:00Z'));
    expect(opts).toMatchObject({
      port: 4010,
      host: '127.0.0.1',
      control: true,
      simulate: false,
      pingMs: 30_000,
      accessTtlS: 900,
    });
    expect(opts.allowedOrigins).toEqual(DEFAULTS.allowedOrigins);
    expect(opts.seedDate).toBe('2026-11-27T00:00:00.000Z');
  });

  it('names the variable when a value is invalid', () => {
    expect(() => optionsFromEnv({ MOCK_WS_PORT: 'abc' })).toThrow(/MOCK_WS_PORT="abc" is not valid/);
    expect(() => optionsFromEnv({ MOCK_WS_TOKEN_TTL_S: '0' })).toThrow(/MOCK_WS_TOKEN_TTL_S/);
    expect(() => optionsFromEnv({ MOCK_WS_SEED_DATE: 'soon' })).toThrow(/MOCK_WS_SEED_DATE/);
  });
});
