import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { QueryClient } from '@tanstack/query-core';
import { WebSocket as NodeWebSocket } from 'ws';
import {
  encodeEvent,
  EVENT_TYPES,
  exampleEvents,
  decodeFrame,
  REJECT_REASONS,
  type RejectReason,
} from '@/lib/protocol';
import { goalKeys } from '@/lib/api/keys';
import type { Goal } from '@/lib/api/types';
import { createCacheBridge, type CacheBridge } from '../bridge';
import { createRealtimeRuntime } from '../../react/runtime';
import { goal1, newClient, seed, settle as settleCache } from '../../__tests__/helpers/bridge-fixtures';
import { startServer, until, type TestServer } from '../../__tests__/helpers/ws-server';
import {
  expectedRejections,
  hostileFrames,
  rejectedFrames,
  SMUGGLED_SECRET,
  type HostileFrame,
} from '../../__tests__/fixtures/hostile-frames';

/**
 * Hostile server frames through the real path: decodeFrame → bridge (a real QueryClient), and a real
 * `ws` server → createRealtimeSocket → runtime → bridge. Whatever arrives, nothing throws, no prototype
 * changes, the socket stays open, each rejection is counted under its reason, and a valid event that
 * follows the garbage still reaches the cache.
 */

const PROTOTYPES = {
  Object: Object.prototype,
  Array: Array.prototype,
  Function: Function.prototype,
  String: String.prototype,
};
const prototypeShape = () =>
  Object.fromEntries(
    Object.entries(PROTOTYPES).map(([name, proto]) => [name, Object.getOwnPropertyNames(proto).sort().join(',')]),
  );
const SHAPE_BEFORE = prototypeShape();

function expectPrototypesUntouched(): void {
  expect(prototypeShape()).toEqual(SHAPE_BEFORE);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect((globalThis as Record<string, unknown>).__xss).toBeUndefined();
}

/** A valid goal.completed for g-1, newer than anything in the corpus. */
const FRESH = '2026-11-27T12:00:00.000Z';
const validFrame = (id = 'valid-after-garbage') =>
  JSON.stringify(
    encodeEvent(
      'goal.completed',
      { ...exampleEvents['goal.completed'], goal_id: 'g-1', updated_at: FRESH },
      { id, timestamp: FRESH },
    ),
  );

const zeroReasons = () => Object.fromEntries(REJECT_REASONS.map((r) => [r, 0])) as Record<RejectReason, number>;
const withExpected = (frames: readonly HostileFrame[]) => ({ ...zeroReasons(), ...expectedRejections(frames) });

/** Feed one raw frame through decodeFrame into the bridge, as the socket does. */
function feed(bridge: CacheBridge, payload: unknown): 'rejected' | 'event' | 'control' {
  const result = decodeFrame(payload);
  if (!result.ok) {
    bridge.recordRejection(result);
    return 'rejected';
  }
  const { frame } = result;
  if (frame.type === 'ping' || frame.type === 'pong' || frame.type === 'error') return 'control';
  bridge.receive(frame);
  return 'event';
}

function seededClient(): QueryClient {
  const client = newClient();
  seed(client, [
    [goalKeys.list({}), { items: [goal1] }],
    [goalKeys.detail('g-1'), goal1],
  ]);
  return client;
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).__xss;
});

describe('the hostile-frame corpus', () => {
  it('has at least 50 frames and covers every rejection reason', () => {
    expect(hostileFrames.length).toBeGreaterThanOrEqual(50);
    expect(new Set(rejectedFrames.map((f) => f.expect))).toEqual(new Set(REJECT_REASONS));
    expect(new Set(hostileFrames.map((f) => f.name)).size).toBe(hostileFrames.length);
  });

  it.each(hostileFrames.map((f) => [f.name, f] as const))('decodeFrame: %s', (_name, frame) => {
    const result = decodeFrame(typeof frame.payload === 'string' ? frame.payload : frame.payload.buffer);
    expect(result.ok ? 'accepted' : result.reason).toBe(frame.expect);
  });
});

describe('hostile frames through decodeFrame into the bridge (real QueryClient)', () => {
  it('counts each rejection under its reason, logs it once, and still applies the valid event that follows', () => {
    const client = seededClient();
    const bridge = createCacheBridge(client, { schedule: () => () => {} });
    for (const frame of hostileFrames) expect(() => feed(bridge, frame.payload)).not.toThrow();
    expectPrototypesUntouched();

    const stats = bridge.stats.getSnapshot();
    expect(stats.rejected).toEqual(withExpected(hostileFrames));
    expect(stats.invalid).toBe(rejectedFrames.length);
    const rejections = bridge.log.getSnapshot().filter((entry) => entry.kind === 'rejection');
    expect(rejections.map((entry) => entry.reason)).toEqual(rejectedFrames.map((f) => f.expect));
    // Messages say what was wrong and never quote the frame's smuggled secret.
    expect(JSON.stringify(bridge.log.getSnapshot())).not.toContain(SMUGGLED_SECRET);
    for (const entry of rejections) expect(entry.message.length).toBeGreaterThan(10);

    expect(feed(bridge, validFrame())).toBe('event');
    bridge.flush();
    expect(client.getQueryData<Goal>(goalKeys.detail('g-1'))?.status).toBe('completed');
    expect(client.getQueryData<{ items: Goal[] }>(goalKeys.list({}))?.items.find((g) => g.id === 'g-1')?.status).toBe(
      'completed',
    );
    bridge.dispose();
  });

  it('applies odd but legal frames harmlessly: an entity with id "__proto__" is just a row', () => {
    const client = seededClient();
    const bridge = createCacheBridge(client, { schedule: () => () => {} });
    const proto = hostileFrames.find((f) => f.name === 'an entity whose id is "__proto__"')!;
    const markup = hostileFrames.find((f) => f.name === 'markup in a title')!;
    expect(feed(bridge, proto.payload)).toBe('event');
    expect(feed(bridge, markup.payload)).toBe('event');
    bridge.flush();
    const items = client.getQueryData<{ items: Goal[] }>(goalKeys.list({}))!.items;
    expect(items.map((g) => g.id)).toEqual(['g-1', '__proto__', 'g-xss']);
    expect(items[2]!.title).toBe('<img src=x onerror="globalThis.__xss=1">');
    expect(client.getQueryData(goalKeys.detail('__proto__'))).toBeUndefined();
    expectPrototypesUntouched();
    bridge.dispose();
  });

  it('property: random text, random JSON with hostile keys and mutated valid frames never throw, pollute or go uncounted', () => {
    const client = seededClient();
    const bridge = createCacheBridge(client, { schedule: () => () => {} });
    const hostileKey = fc.constantFrom(
      '__proto__',
      'constructor',
      'prototype',
      'toString',
      'valueOf',
      'goal_id',
      'status',
      'data',
    );
    const json = fc.letrec((tie) => ({
      node: fc.oneof(
        { maxDepth: 4 },
        fc.jsonValue({ maxDepth: 2 }),
        fc.dictionary(fc.oneof(hostileKey, fc.string()), tie('node'), { maxKeys: 4 }),
        fc.array(tie('node'), { maxLength: 3 }),
      ),
    })).node;
    const type = fc.oneof(fc.constantFrom(...EVENT_TYPES), fc.string({ maxLength: 30 }));
    // A valid example with one field replaced by anything (a string number, null, an object, a hostile key...).
    const mutated = fc.tuple(fc.constantFrom(...EVENT_TYPES), hostileKey, json).map(([t, key, value]) => {
      const data = { ...(exampleEvents[t] as Record<string, unknown>) };
      const field = Object.keys(data)[0]!;
      const text = JSON.stringify({ type: t, timestamp: FRESH, data: { ...data, [field]: value, MARK: value } });
      return text.replace('"MARK"', JSON.stringify(key));
    });
    const frame = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      json.map((value) => JSON.stringify(value) ?? 'null'),
      fc
        .record({ type, timestamp: fc.oneof(fc.constant(FRESH), fc.string()), data: json })
        .map((value) => JSON.stringify(value)),
      mutated,
    );
    let fed = 0;
    let events = 0;
    fc.assert(
      fc.property(fc.array(frame, { maxLength: 20 }), (frames) => {
        for (const text of frames) {
          fed++;
          if (feed(bridge, text) === 'event') events++;
        }
      }),
      { numRuns: 500, seed: 20261127 },
    );
    expectPrototypesUntouched();
    const stats = bridge.stats.getSnapshot();
    expect(stats.invalid).toBeGreaterThan(0);
    expect(stats.invalid + events).toBeLessThanOrEqual(fed);
    expect(stats.received).toBe(events);
    expect(Object.values(stats.rejected).reduce((a, b) => a + b, 0)).toBe(stats.invalid);
    expect(feed(bridge, validFrame('after-the-fuzz'))).toBe('event');
    bridge.flush();
    expectPrototypesUntouched();
    expect(client.getQueryData<Goal>(goalKeys.detail('g-1'))?.status).toBe('completed');
    bridge.dispose();
  });
});

describe('hostile frames through a real socket into the runtime', () => {
  let server: TestServer;
  const logger = { warn: vi.fn(), error: vi.fn(), info: vi.fn() };

  beforeEach(async () => {
    server = await startServer();
    logger.warn.mockClear();
    logger.error.mockClear();
    logger.info.mockClear();
  });
  afterEach(async () => {
    await server.close();
  });

  it('keeps one open connection through the whole corpus, counts every rejection and applies the next valid event', async () => {
    const client = seededClient();
    const runtime = createRealtimeRuntime('connecting', logger);
    const detach = runtime.attachBridge(client);
    const close = runtime.connect({
      session: { tenantId: 'acme', userId: 'u-1' },
      url: server.url,
      getAccessToken: () => 'tok-secret-abcdefgh',
      refreshToken: async () => {},
      WebSocket: NodeWebSocket,
      env: {},
      logger,
    });
    try {
      await until(() => runtime.store.getSnapshot().state === 'live', 'the socket to go live');
      for (const frame of hostileFrames) {
        server.last().send(frame.payload, { binary: typeof frame.payload !== 'string' });
      }
      server.send(validFrame());
      await until(
        () => client.getQueryData<Goal>(goalKeys.detail('g-1'))?.status === 'completed',
        'the valid event to reach the cache',
      );
      await settleCache();

      const bridge = runtime.getBridge()!;
      const stats = bridge.stats.getSnapshot();
      expect(stats.rejected).toEqual(withExpected(hostileFrames));
      expect(stats.invalid).toBe(rejectedFrames.length);
      const snap = runtime.store.getSnapshot();
      expect(snap.state).toBe('live');
      expect(snap.counters.framesReceived).toBe(hostileFrames.length + 1);
      expect(snap.counters.reconnects).toBe(0);
      expect(server.handshakes).toHaveLength(1);
      expect(server.openCount()).toBe(1);
      expectPrototypesUntouched();
      const printed = JSON.stringify([
        logger.warn.mock.calls,
        logger.error.mock.calls,
        logger.info.mock.calls,
        bridge.log.getSnapshot(),
        snap,
      ]);
      expect(printed).not.toContain(SMUGGLED_SECRET);
      expect(printed).not.toContain('tok-secret-abcdefgh');
    } finally {
      close();
      detach();
    }
  });
});
