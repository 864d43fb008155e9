// connection/: one socket kept alive: partysocket with our backoff, heartbeat and watchdog, token refresh before
// connecting, browser signals (online, visibility), and the store the connection badge reads.
export {
  CONNECTION_STATES,
  createConnectionStore,
  type ConnectionCounters,
  type ConnectionSnapshot,
  type ConnectionState,
  type ConnectionStatus,
  type ConnectionStore,
} from './connection-store';
export {
  createRealtimeSocket,
  DEFAULTS as SOCKET_DEFAULTS,
  type RealtimeSocket,
  type RealtimeSocketOptions,
  type SocketTunables,
} from './socket';
export type { EnvironmentSources } from './browser-env';
export { errorDetail } from './messages';
