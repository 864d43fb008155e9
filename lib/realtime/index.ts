// The public API of lib/realtime. No 'use client' here: each module carries its own directive, so
// server code can import the config and types without pulling the provider into the server bundle.

// Provider and hooks
export { RealtimeProvider, type RealtimeProviderOptions, type RealtimeProviderProps } from './provider';
export {
  useRealtimeBridge,
  useRealtimeEvent,
  useRealtimeState,
  useRealtimeStatus,
  type RealtimeBridgeHandle,
  type RealtimeControls,
  type RealtimeStatus,
} from './hooks';
export type { RealtimeSession } from './runtime';
export type { EventFilter, EventHandler } from './event-bus';

// Connection
export {
  CONNECTION_STATES,
  createConnectionStore,
  type ConnectionCounters,
  type ConnectionSnapshot,
  type ConnectionState,
  type ConnectionStatus,
  type ConnectionStore,
} from './connection-store';
export { createRealtimeSocket, DEFAULTS as SOCKET_DEFAULTS, type SocketTunables } from './socket';
export type { RealtimeSocket, RealtimeSocketOptions } from './socket-types';
export type { EnvironmentSources } from './browser-env';
export { buildConnectUrl } from './connect-url';
export { DEFAULT_REALTIME_WS_URL, isRealtimeEnabled, realtimeUrl } from './config';
export { redact, redactUrl, REDACTED } from './redact';

// Bridge core
export {
  createCacheBridge,
  DEFAULTS as BRIDGE_DEFAULTS,
  type BridgeOptions,
  type BridgeStats,
  type CacheBridge,
  type EventLog,
  type EventOutcome,
  type EventPlan,
  type LogEntry,
  type PlannedInvalidation,
  type StatsStore,
} from './bridge';
export { coveredKeys, eventMap, type Rule } from './event-map';
