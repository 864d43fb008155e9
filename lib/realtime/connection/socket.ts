import { WebSocket as ReconnectingWebSocket } from 'partysocket';
import {
  decodeFrame,
  encodePing,
  encodePong,
  redact,
  redactUrl,
  type DomainEvent,
  type ErrorFrame,
  type FrameRejection,
} from '@/lib/protocol';
import { assertRealtimeUrl, buildConnectUrl, TokenGuard } from './auth';
import { backoffStep, jitteredDelay } from './backoff';
import { browserEnvironment, isOnline, listenToEnvironment, type EnvironmentSources } from './browser-env';
import { createConnectionStore, type ConnectionStore, type CounterBump, type SnapshotPatch } from './connection-store';
import { errorDetail, messages } from './messages';

/** Every tunable of the socket. Override any of them through `createRealtimeSocket` options. */
export const DEFAULTS = {
  /** Backoff 1, 2, 4, 8, 16, 30 s (max), each step with equal jitter (see backoff.ts). */
  initialDelayMs: 1_000,
  maxDelayMs: 30_000,
  backoffFactor: 2,
  jitter: 0.5,
  /** A connection counts as stable (backoff resets) after this long up. */
  stableAfterMs: 5_000,
  /** Client keep-alive ping: API Gateway closes connections idle for 10 minutes. */
  keepAliveMs: 5 * 60_000,
  /** No frame for this long means the connection is dead (the server pings every 30 s). */
  watchdogMs: 75_000,
  /** A handshake not done by then is abandoned (and counts as refused). */
  connectTimeoutMs: 10_000,
  /** A token expiring within this margin is refreshed before connecting. */
  tokenExpirySkewMs: 30_000,
  /** Refused handshakes in a row before the token is refreshed, once per streak. */
  handshakeFailuresBeforeRefresh: 2,
  /** UNAUTHORIZED frames in a row (each answered by one refresh) before giving up as `unauthorized`. */
  unauthorizedBeforeGivingUp: 3,
};
export type SocketTunables = typeof DEFAULTS;

export type RealtimeSocketOptions = Partial<SocketTunables> & {
  /** Base URL; `access_token` and `tenant` are attached on every connect. */
  url: string;
  tenantId: string;
  getAccessToken: () => string | null;
  /** Epoch ms when the current token expires, if known. */
  getTokenExpiry?: () => number | null;
  refreshToken: () => Promise<void>;
  store?: ConnectionStore;
  onEvent?: (event: DomainEvent) => void;
  onRejection?: (rejection: FrameRejection) => void;
  /** After every reconnect that is not the first connect of this socket. */
  onResync?: () => void;
  /** WebSocket constructor; the global one by default (pass `ws`'s in Node). */
  WebSocket?: unknown;
  now?: () => number;
  random?: () => number;
  /** Where `online`/`offline`/`visibilitychange` come from; the browser's globals by default. */
  env?: EnvironmentSources;
  logger?: Pick<Console, 'warn' | 'info'>;
};

export interface RealtimeSocket {
  readonly store: ConnectionStore;
  /** The base URL (never the token). */
  readonly url: string;
  start(): void;
  /** Close for good: no more reconnects, timers or listeners. */
  stop(): void;
  /** Connect now: replaces a live connection, skips a pending backoff, leaves `unauthorized`. Respects a rate limit. */
  reconnectNow(): void;
}

type Phase = 'idle' | 'connecting' | 'open' | 'waiting' | 'halted' | 'stopped';
type Timer = ReturnType<typeof setTimeout>;
const OPEN = 1;

export function createRealtimeSocket(options: RealtimeSocketOptions): RealtimeSocket {
  return new Socket(options);
}

/**
 * partysocket's own reconnection is switched off (`maxRetries: 0`, `startClosed`): it has no
 * per-attempt jitter, cannot wait for a token refresh or a rate limit before retrying, and a
 * refused handshake looks to it like a clean close 1000. We decide every reconnect here and call
 * its `reconnect()`; it still gives us the async URL provider (a fresh token on each connect),
 * the connect timeout and one object to attach handlers to for the tab's whole life.
 */
class Socket implements RealtimeSocket {
  readonly store: ConnectionStore;
  readonly url: string;
  private readonly cfg: SocketTunables;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly logger: Pick<Console, 'warn' | 'info'>;
  private env: EnvironmentSources = {};
  private rws: ReconnectingWebSocket | null = null;
  private phase: Phase = 'idle';
  private seq = 0;
  private failures = 0;
  private readonly auth: TokenGuard;
  private hasConnected = false;
  private ignoreClose = false;
  private blockedUntil = 0;
  private lastFrameAt = 0;
  private timers: { retry?: Timer; stable?: Timer; watchdog?: Timer; keepAlive?: ReturnType<typeof setInterval> } = {};
  private detachEnv: (() => void) | null = null;

  constructor(private readonly opts: RealtimeSocketOptions) {
    assertRealtimeUrl(opts.url);
    this.url = redactUrl(opts.url);
    this.cfg = { ...DEFAULTS };
    for (const key of Object.keys(DEFAULTS) as (keyof SocketTunables)[]) {
      const value = opts[key];
      if (typeof value === 'number' && Number.isFinite(value)) this.cfg[key] = value;
    }
    this.store = opts.store ?? createConnectionStore();
    this.now = opts.now ?? Date.now;
    this.random = opts.random ?? Math.random;
    this.logger = opts.logger ?? console;
    this.auth = new TokenGuard({
      getAccessToken: opts.getAccessToken,
      getTokenExpiry: opts.getTokenExpiry,
      refreshToken: opts.refreshToken,
      now: this.now,
      expirySkewMs: this.cfg.tokenExpirySkewMs,
      handshakeFailuresBeforeRefresh: this.cfg.handshakeFailuresBeforeRefresh,
      onRefreshStart: () => this.store.update({}, { tokenRefreshes: 1 }),
    });
  }

  start(): void {
    if (this.phase !== 'idle') return;
    this.env = this.opts.env ?? browserEnvironment();
    this.detachEnv = listenToEnvironment(this.env, {
      online: this.onOnline,
      offline: this.onOffline,
      visible: this.onVisible,
    });
    this.store.update({ state: 'connecting', attempt: 0, nextRetryAt: null, connectedAt: null, lastError: null });
    this.connect();
  }

  stop(): void {
    if (this.phase === 'stopped') return;
    this.phase = 'stopped';
    this.seq++;
    this.clearTimers();
    this.detachEnv?.();
    this.detachEnv = null;
    this.closeCurrent(1000, 'client closed');
    this.store.update({ nextRetryAt: null, connectedAt: null });
  }

  reconnectNow(): void {
    if (this.phase === 'idle' || this.phase === 'stopped') return;
    if (this.phase === 'halted') this.auth.reset();
    this.replace(1000, 'reconnect requested', () => null);
  }

  private connect(): void {
    this.connectAsync().catch((error: unknown) => {
      // e.g. the token source threw: count it as a failed attempt, so backoff (not a tight loop) follows.
      this.logger.warn(`Realtime: connecting failed unexpectedly (${errorDetail(error, [])}); will retry.`);
      this.onClose({ code: 1006, reason: '' });
    });
  }

  private async connectAsync(): Promise<void> {
    clearTimeout(this.timers.retry);
    if (this.phase !== 'waiting' && this.phase !== 'idle') return;
    const blocked = this.blockedUntil - this.now();
    if (blocked > 0) {
      this.schedule(blocked, {});
      return;
    }
    const seq = ++this.seq;
    this.phase = 'connecting';
    this.store.update({ nextRetryAt: null });
    if (this.auth.mustRefresh()) {
      const result = await this.auth.refresh();
      if (seq !== this.seq || this.phase !== 'connecting') return;
      if (!result.ok) {
        this.halt(result.message);
        return;
      }
    }
    this.socket().reconnect();
  }

  private socket(): ReconnectingWebSocket {
    if (this.rws) return this.rws;
    const rws = new ReconnectingWebSocket(
      async () => buildConnectUrl(this.opts.url, this.auth.token() ?? '', this.opts.tenantId),
      undefined,
      {
        WebSocket: this.opts.WebSocket,
        startClosed: true,
        maxRetries: 0,
        maxEnqueuedMessages: 0,
        connectionTimeout: this.cfg.connectTimeoutMs,
      },
    );
    // Handler properties, not addEventListener: partysocket re-dispatches clones whose fields are
    // unreliable outside Node; the on* handlers receive the original events.
    rws.onopen = this.onOpen;
    rws.onmessage = this.onMessage;
    rws.onclose = this.onClose;
    rws.onerror = this.onError;
    this.rws = rws;
    return rws;
  }

  private onOpen = (): void => {
    if (this.phase !== 'connecting') return;
    const now = this.now();
    const isReconnect = this.hasConnected;
    this.phase = 'open';
    this.hasConnected = true;
    this.auth.opened();
    this.lastFrameAt = now;
    this.store.update(
      { state: 'live', nextRetryAt: null, lastError: null, connectedAt: now },
      { connects: 1, reconnects: isReconnect ? 1 : 0 },
    );
    this.timers.stable = setTimeout(() => {
      this.failures = 0;
      this.auth.stable();
      this.store.update({ attempt: 0 });
    }, this.cfg.stableAfterMs);
    this.timers.keepAlive = setInterval(() => this.send(encodePing(), 'pingsSent'), this.cfg.keepAliveMs);
    this.armWatchdog(this.cfg.watchdogMs);
    if (isReconnect) this.guard('resync', () => this.opts.onResync?.());
  };

  private onMessage = (event: { data: unknown }): void => {
    if (this.phase !== 'open') return;
    this.lastFrameAt = this.now();
    this.store.update({}, { framesReceived: 1 });
    const result = decodeFrame(event.data);
    if (!result.ok) {
      this.guard('rejection handler', () => this.opts.onRejection?.(result));
      return;
    }
    const frame = result.frame;
    if (frame.type === 'ping') this.send(encodePong(), 'pongsSent');
    else if (frame.type === 'error') this.onServerError(frame);
    else if (frame.type !== 'pong') this.guard('event handler', () => this.opts.onEvent?.(frame));
  };

  private onClose = (event: { code?: number; reason?: string }): void => {
    if (this.ignoreClose || (this.phase !== 'open' && this.phase !== 'connecting')) return;
    const opened = this.phase === 'open';
    this.clearTimers();
    this.phase = 'waiting';
    const code = event.code ?? 1006;
    const reason = this.clean(typeof event.reason === 'string' ? event.reason : '');
    const patch: SnapshotPatch = { lastCloseCode: code, lastCloseReason: reason || null, connectedAt: null };
    if (opened) {
      const wait = this.nextDelay();
      this.logger.warn(
        `Realtime: connection to ${this.url} lost (code ${code}); retrying in ${Math.ceil(wait / 1000)} s.`,
      );
      this.schedule(wait, { ...patch, lastError: messages.lost(code, reason, wait) });
      return;
    }
    this.auth.handshakeRefused();
    const wait = this.nextDelay();
    this.schedule(wait, { ...patch, lastError: messages.refused(this.failures, wait) }, { handshakeFailures: 1 });
  };

  // partysocket reports a failure before any socket existed as an error without a close.
  private onError = (): void => {
    if (this.phase === 'connecting' && this.rws?.readyState !== OPEN) this.onClose({ code: 1006, reason: '' });
  };

  private onServerError(frame: ErrorFrame): void {
    const { code, retryAfterMs } = frame.data;
    const message = this.clean(frame.data.message);
    this.store.incrementError(code);
    if (code === 'INTERNAL_ERROR') {
      this.logger.warn(`Realtime: ${messages.internal(message)}`);
      this.store.update({ lastError: messages.internal(message) });
    } else if (code === 'RATE_LIMIT_EXCEEDED') {
      const wait = Math.max(retryAfterMs ?? 0, backoffStep(this.failures + 1, this.cfg));
      this.blockedUntil = this.now() + wait;
      this.logger.warn(`Realtime: ${messages.rateLimited(wait)}`);
      this.store.update({ lastError: messages.rateLimited(wait) });
    } else {
      const streak = this.auth.serverUnauthorized();
      if (streak > this.cfg.unauthorizedBeforeGivingUp) {
        this.halt(messages.unauthorizedAgain(streak));
        return;
      }
      // The server closes after UNAUTHORIZED; close first so its close is not taken for a drop.
      // The first one reconnects at once (a token expiring is routine); repeats back off.
      this.replace(4001, 'unauthorized', messages.serverUnauthorized, streak > 1);
    }
  }

  private nextDelay(): number {
    this.failures++;
    return jitteredDelay(this.failures, this.cfg, this.random);
  }

  private schedule(delay: number, patch: SnapshotPatch, bump?: CounterBump): void {
    const blocked = this.blockedUntil - this.now();
    const wait = Math.max(delay, blocked, 0);
    const offline = !isOnline(this.env);
    this.store.update(
      {
        ...patch,
        // A rate limit outlasting the backoff step is the real wait: say so, not the step.
        ...(blocked > delay ? { lastError: messages.rateLimited(wait) } : {}),
        ...(offline ? { lastError: messages.offline(wait) } : {}),
        state: offline ? 'offline' : this.hasConnected ? 'reconnecting' : 'connecting',
        attempt: this.failures,
        nextRetryAt: this.now() + wait,
      },
      bump,
    );
    clearTimeout(this.timers.retry);
    this.timers.retry = setTimeout(() => this.connect(), wait);
  }

  private armWatchdog(ms: number): void {
    clearTimeout(this.timers.watchdog);
    this.timers.watchdog = setTimeout(this.checkWatchdog, ms);
  }

  // One timer re-armed for the remaining time, instead of resetting a timer on every frame.
  private checkWatchdog = (): void => {
    if (this.phase !== 'open') return;
    const silent = this.now() - this.lastFrameAt;
    if (silent < this.cfg.watchdogMs) {
      this.armWatchdog(this.cfg.watchdogMs - silent);
      return;
    }
    this.logger.warn(`Realtime: ${messages.watchdog(silent)}`);
    this.replace(4000, 'watchdog', () => messages.watchdog(silent), false, { watchdogReplacements: 1 });
  };

  private clearTimers(): void {
    clearTimeout(this.timers.retry);
    clearTimeout(this.timers.stable);
    clearTimeout(this.timers.watchdog);
    clearInterval(this.timers.keepAlive);
    this.timers = {};
  }

  private onOnline = (): void => {
    if (this.phase === 'waiting') this.connect();
  };

  // An open socket may not notice a dead network until the watchdog fires (75 s): trust the browser.
  private onOffline = (): void => {
    if (this.phase === 'waiting') this.store.update({ state: 'offline', lastError: messages.offline(0) });
    else if (this.phase === 'open') this.replace(4000, 'offline', messages.offline, true);
  };

  private onVisible = (): void => {
    if (this.phase === 'waiting') this.connect();
    // Timers are throttled in hidden tabs and frozen during sleep: check silence now.
    else this.checkWatchdog();
  };

  /** Only while open and not rate limited: partysocket would otherwise queue and flush stale frames. */
  private send(frame: object, counter: 'pongsSent' | 'pingsSent'): void {
    if (this.rws?.readyState !== OPEN || this.now() < this.blockedUntil) return;
    this.rws.send(JSON.stringify(frame));
    this.store.update({}, { [counter]: 1 });
  }

  /** Close the current connection (if any) on purpose and connect again at once. */
  /**
   * Close the current connection on purpose (its close event is ignored) and connect again: at once,
   * or after the next backoff step. A rate limit still applies.
   */
  private replace(
    code: number,
    reason: string,
    lastError: (waitMs: number) => string | null,
    backoff = false,
    bump?: CounterBump,
  ): void {
    this.closeCurrent(code, reason);
    this.clearTimers();
    this.phase = 'waiting';
    const wait = backoff ? this.nextDelay() : 0;
    this.schedule(wait, { lastError: lastError(wait), connectedAt: null }, bump);
  }

  private closeCurrent(code: number, reason: string): void {
    if (!this.rws) return;
    this.ignoreClose = true;
    try {
      this.rws.close(code, reason);
    } finally {
      this.ignoreClose = false;
    }
  }

  private halt(message: string): void {
    this.seq++;
    this.phase = 'halted';
    this.clearTimers();
    this.closeCurrent(1000, 'unauthorized');
    this.logger.warn(`Realtime: ${message}`);
    this.store.update({ state: 'unauthorized', lastError: message, nextRetryAt: null, connectedAt: null });
  }

  /** Server- or caller-provided text, safe to print: no `access_token` value, not the token itself. */
  private clean(text: string): string {
    return redact(text, [this.auth.token()]);
  }

  private guard(what: string, fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.logger.warn(
        `Realtime: the ${what} threw (${errorDetail(error, [this.auth.token()])}); the connection stays up.`,
      );
    }
  }
}
