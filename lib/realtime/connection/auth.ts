import { redactUrl } from '@/lib/protocol';
import { errorDetail, messages } from './messages';

/**
 * When to refresh the access token before connecting. A refused handshake reaches the browser only
 * as a close without an open (API Gateway answers 401; the browser reports 1006, partysocket 1000),
 * so the reason must be inferred: the token is missing, expired or about to expire by the local
 * clock, the server said UNAUTHORIZED, or handshakes keep failing.
 */
export type TokenGuardOptions = {
  getAccessToken: () => string | null;
  getTokenExpiry?: () => number | null;
  refreshToken: () => Promise<void>;
  now: () => number;
  expirySkewMs: number;
  handshakeFailuresBeforeRefresh: number;
  /** Called when a refresh actually starts (not when one in flight is shared). */
  onRefreshStart?: () => void;
};

export type RefreshResult = { ok: true } | { ok: false; message: string };

export class TokenGuard {
  private needsRefresh = false;
  private handshakeFailures = 0;
  private refreshedThisStreak = false;
  private unauthorizedStreak = 0;
  private inflight: Promise<RefreshResult> | null = null;

  constructor(private readonly opts: TokenGuardOptions) {}

  token(): string | null {
    return this.opts.getAccessToken();
  }

  mustRefresh(): boolean {
    if (this.needsRefresh || !this.token()) return true;
    const expiry = this.opts.getTokenExpiry?.() ?? null;
    return expiry !== null && expiry - this.opts.now() <= this.opts.expirySkewMs;
  }

  opened(): void {
    this.handshakeFailures = 0;
    this.refreshedThisStreak = false;
  }

  /** The connection stayed up: the server accepted the session. */
  stable(): void {
    this.unauthorizedStreak = 0;
  }

  /** Once per streak of refusals, so a server outage does not refresh on every retry. */
  handshakeRefused(): void {
    this.handshakeFailures++;
    if (this.handshakeFailures >= this.opts.handshakeFailuresBeforeRefresh && !this.refreshedThisStreak) {
      this.needsRefresh = true;
      this.refreshedThisStreak = true;
    }
  }

  /** The server sent UNAUTHORIZED: refresh before the next connect. Returns how many in a row, with no stable connection between. */
  serverUnauthorized(): number {
    this.needsRefresh = true;
    return ++this.unauthorizedStreak;
  }

  /** A person asked to retry (e.g. after signing in again): start from a clean slate. */
  reset(): void {
    this.needsRefresh = false;
    this.unauthorizedStreak = 0;
  }

  /** Single flight: overlapping callers share one refresh. Never rejects. */
  refresh(): Promise<RefreshResult> {
    this.inflight ??= this.run().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private async run(): Promise<RefreshResult> {
    this.opts.onRefreshStart?.();
    const before = this.token();
    try {
      await this.opts.refreshToken();
    } catch (error) {
      return { ok: false, message: messages.refreshFailed(errorDetail(error, [before, this.token()])) };
    }
    if (!this.token()) return { ok: false, message: messages.noToken() };
    this.needsRefresh = false;
    return { ok: true };
  }
}

/** The URL of one connect: the base URL plus a fresh token and the tenant (DESIGN.md, the wire contract). */
export function buildConnectUrl(base: string, token: string, tenantId: string): string {
  const url = new URL(base);
  url.searchParams.set('access_token', token);
  url.searchParams.set('tenant', tenantId);
  return url.toString();
}

/** Throws, saying what to fix, unless `url` is an absolute ws:// or wss:// URL. */
export function assertRealtimeUrl(url: string): void {
  let protocol = '';
  try {
    protocol = new URL(url).protocol;
  } catch {
    // not a URL at all: reported below
  }
  if (protocol !== 'ws:' && protocol !== 'wss:') {
    throw new TypeError(
      `Realtime URL "${redactUrl(url)}" is not a ws:// or wss:// URL. ` +
        'Set NEXT_PUBLIC_REALTIME_WS_URL to e.g. ws://127.0.0.1:4010/realtime.',
    );
  }
}
