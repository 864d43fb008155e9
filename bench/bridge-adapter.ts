import { createCacheBridge, DEFAULTS } from '../lib/realtime/cache/bridge';
import { eventMap } from '../lib/realtime/cache/event-map';
import { resolveKey, type Rule } from '../lib/realtime/cache/event-map';
import type { InvalidationsOf } from './burst';
import type { BridgeFactory } from './contenders';

/** The only file of the bench that knows the bridge's API: the real bridge, flushed by the bench's windows. */
export const createBridge: BridgeFactory = (client, schedule) => createCacheBridge(client, { schedule });

export const flushWindowMs: number = DEFAULTS.flushWindowMs;
export const patchWindowMs: number = DEFAULTS.patchWindowMs;
export const busyFlushWindowMs: number = DEFAULTS.busyFlushWindowMs;

/** What the event map's rule for this event invalidates, read from the map itself. */
export const invalidationsOf: InvalidationsOf = (event) => {
  const rule = eventMap[event.type] as Rule;
  return (rule.invalidate ?? []).flatMap((target) => {
    const queryKey = resolveKey(target.key, event);
    return queryKey === null ? [] : [{ queryKey, exact: target.exact ?? false }];
  });
};
