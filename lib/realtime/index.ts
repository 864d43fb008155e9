// The public API of lib/realtime (docs/architecture.md). No 'use client' here: each module carries its own
// directive, so server code can import the config and types without pulling the provider into the server bundle.
export * from './react';
export * from './connection';
export * from './cache';
export { DEFAULT_REALTIME_WS_URL, isRealtimeEnabled, realtimeUrl } from './config';
