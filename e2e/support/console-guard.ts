import type { BrowserContext, ConsoleMessage, Page } from '@playwright/test';

export type ConsoleLine = { type: string; text: string; url: string };

/**
 * Watches every page of the contexts it is attached to. Console errors and warnings and uncaught
 * page errors are problems unless a test declared them with `allow(pattern)`; the fixture fails
 * the test on any problem left. Every console line is kept in `lines`, for specs that check what
 * the app prints (e.g. that no token is ever in it).
 */
export class ConsoleGuard {
  readonly lines: ConsoleLine[] = [];
  readonly problems: string[] = [];
  private readonly allowed: RegExp[] = [];
  private readonly watched = new WeakSet<BrowserContext>();

  /** Declare an expected error or warning, matched against `[type] text` (e.g. `[error] WebSocket connection to …`). */
  allow(pattern: RegExp): void {
    this.allowed.push(pattern);
  }

  /**
   * Allow what Chromium itself logs when a WebSocket handshake is refused (the app cannot silence
   * or redact it; see e2e/README.md, "What the browser logs by itself").
   */
  allowRefusedHandshakes(): void {
    this.allow(/^\[error\] WebSocket connection to 'ws:\/\/[^']+' failed: /);
  }

  /** Allow the browser's own line for a non-2xx response with this status. */
  allowFailedResponses(status: number): void {
    this.allow(new RegExp(`^\\[error\\] Failed to load resource: the server responded with a status of ${status} `));
  }

  /** Allow the app's own `Realtime: …` warnings (a deliberate drop, refusal or bad frame). */
  allowRealtimeWarnings(): void {
    this.allow(/^\[warning\] Realtime: /);
  }

  attach(context: BrowserContext): void {
    if (this.watched.has(context)) return;
    this.watched.add(context);
    context.pages().forEach(this.watchPage);
    context.on('page', this.watchPage);
  }

  /** Problems no `allow` pattern matches. */
  unexpected(): string[] {
    return this.problems.filter((p) => !this.allowed.some((re) => re.test(p)));
  }

  private watchPage = (page: Page): void => {
    page.on('console', (msg: ConsoleMessage) => {
      const line = { type: msg.type(), text: msg.text(), url: msg.location().url };
      this.lines.push(line);
      if (line.type === 'error' || line.type === 'warning') this.problems.push(`[${line.type}] ${line.text}`);
    });
    page.on('pageerror', (error) => this.problems.push(`[pageerror] ${error.message}`));
  };
}
