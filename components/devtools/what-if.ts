import { exampleEvents, isEventType, decodeFrame, type DomainEvent, type EventType } from '@/lib/protocol';
import type { CacheBridge, DryRun } from '@/lib/realtime';

/**
 * "What would this event do?": parse a pasted or example frame exactly as the socket would, then
 * ask the bridge for a dry-run plan against the current cache. Nothing here writes to the cache.
 */

export type WhatIf =
  | { kind: 'empty' }
  | { kind: 'invalid'; message: string }
  | { kind: 'not-an-event'; message: string }
  | { kind: 'no-bridge'; message: string }
  | { kind: 'plan'; event: DomainEvent; plan: DryRun };

export function whatIf(text: string, bridge: CacheBridge | null): WhatIf {
  if (text.trim() === '') return { kind: 'empty' };
  const parsed = decodeFrame(text);
  if (!parsed.ok) {
    return {
      kind: 'invalid',
      message: `The socket would drop this frame (${parsed.reason}): ${parsed.message} Paste a frame like the examples: {"type", "timestamp", "data"} with snake_case data.`,
    };
  }
  const { frame } = parsed;
  if (!isEventType(frame.type)) {
    return {
      kind: 'not-an-event',
      message: `A ${frame.type} frame is handled by the socket itself; it never touches the cache.`,
    };
  }
  const event = frame as DomainEvent;
  if (bridge === null)
    return {
      kind: 'no-bridge',
      message: 'The realtime bridge is not running yet (it starts with the app’s providers).',
    };
  return { kind: 'plan', event, plan: bridge.dryRun(event) };
}

/**
 * An example frame in wire form, its times set to `now` so that it is newer than what the cache
 * holds (an example stamped in the past would only show "stale").
 */
export function exampleFrame(type: EventType, now: Date = new Date()): string {
  const iso = now.toISOString();
  const data = restamp(exampleEvents[type], iso);
  return JSON.stringify({ type, timestamp: iso, data }, null, 2);
}

function restamp(value: unknown, iso: string): unknown {
  if (Array.isArray(value)) return value.map((item) => restamp(item, iso));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value))
    out[key] = /_at$/.test(key) && typeof item === 'string' ? iso : restamp(item, iso);
  return out;
}
