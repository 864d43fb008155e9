// cache/: what an event does to the TanStack Query cache. decode (lib/protocol) → plan (plan.ts: the event map's
// rule against the cache) → apply (apply.ts: patches into the window's write batch, invalidations queued) → flush
// (bridge.ts: patches written once per frame, invalidations coalesced once per window). Plus the entity table,
// the in-flight and version guards, and the log of what the bridge did.
export {
  createCacheBridge,
  DEFAULTS as BRIDGE_DEFAULTS,
  type BridgeOptions,
  type CacheBridge,
  type DryRun,
  type DryRunInvalidation,
} from './bridge';
export type { Schedule } from './coalescer';
export { coveredKeys, ENTITIES, type EntityInfo, type EntityKind } from './entities';
export { eventMap, type EventMap, type Rule } from './event-map';
export type { BridgeStats, EventLog, EventOutcome, LogEntry, StatsStore } from './event-log';
export {
  buildMapReport,
  formatKey,
  invalidatedLines,
  patchedLines,
  renderJson,
  renderMarkdown,
  type KeyLine,
  type MapReport,
  type RuleReport,
} from './map-report';
