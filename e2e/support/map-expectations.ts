import { expect } from '@playwright/test';
import { hashKey, partialMatchKey, type QueryKey } from '@tanstack/query-core';
import { decodeFrame, type DomainEvent, type EventType, type WireEventData } from '@/lib/protocol';
import { eventMap, type Rule } from '../../lib/realtime/cache/event-map';
import { resolveKey } from '../../lib/realtime/cache/event-map';
import type { ControlClient } from './control-client';
import { getPaths } from './rest-log';
import { restPathOf } from './screens';

/**
 * What the event map says an event does, turned into REST requests a test can check in mock-ws's
 * log: the active queries its `invalidate` targets match (each refetched exactly once), and
 * nothing else.
 */

export const EXPECT_DEFAULTS = {
  /**
   * After the expected requests are in, wait this long for unexpected ones: a few flush windows
   * of the bridge (BRIDGE_DEFAULTS.flushWindowMs, 50 ms) plus a request's round trip on a busy machine.
   */
  settleMs: 400,
  /** How often the log is read while waiting: requests land within tens of ms. */
  pollIntervals: [50, 100, 250],
} as const;

/** The event as the app sees it after parsing (camelCase, validated). */
export function domainEvent<T extends EventType>(type: T, data: WireEventData<T>): DomainEvent<T> {
  const parsed = decodeFrame(JSON.stringify({ type, timestamp: new Date().toISOString(), data }));
  if (!parsed.ok) throw new Error(`The test's ${type} payload is not valid on the wire: ${parsed.message}`);
  return parsed.frame as DomainEvent<T>;
}

/** REST paths of the `active` queries the rule for this event invalidates, sorted. */
export function expectedRefetches<T extends EventType>(
  type: T,
  data: WireEventData<T>,
  active: readonly QueryKey[],
): string[] {
  const event = domainEvent(type, data) as unknown as DomainEvent;
  const rule = eventMap[type] as Rule;
  const targets = (rule.invalidate ?? []).flatMap((target) => {
    const key = resolveKey(target.key, event);
    return key === null ? [] : [{ key, exact: target.exact === true }];
  });
  const matched = active.filter((key) =>
    targets.some((t) => (t.exact ? hashKey(key) === hashKey(t.key) : partialMatchKey(key, t.key))),
  );
  return [...new Set(matched.map(restPathOf))].sort();
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The app's GET requests since log position `since` end up exactly `expected` (a multiset): waits
 * for every expected one, then `settleMs` more, so a late extra refetch fails the test too.
 */
export async function expectGets(
  control: ControlClient,
  since: number,
  expected: readonly string[],
  settleMs: number = EXPECT_DEFAULTS.settleMs,
) {
  const want = [...expected].sort();
  const gets = async () => getPaths((await control.log({ since, kind: 'rest' })).entries);
  await expect
    .poll(
      async () => {
        const seen = await gets();
        return want.every((path) => seen.includes(path));
      },
      { message: `waiting for GET ${want.join(', ')}`, intervals: [...EXPECT_DEFAULTS.pollIntervals] },
    )
    .toBe(true);
  await pause(settleMs);
  expect(await gets(), 'GET requests made by the app').toEqual(want);
}
