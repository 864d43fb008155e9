import { expect, type Page } from '@playwright/test';

/**
 * Helpers for Playwright's page clock (`page.clock.install()` before the first navigation), for
 * specs that measure the app's timers (backoff, rate limits, watchdog, polling) without waiting.
 */

/** Pause the page's clock a moment from now (in page time), so later `runFor` calls are exact. */
export async function pauseClock(page: Page): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const now = await page.evaluate(() => Date.now());
    try {
      await page.clock.pauseAt(now + 250);
      return;
    } catch (error) {
      // The page's time moved past the target while we asked (a busy machine): aim again.
      if (attempt >= 3 || !String(error).includes('past')) throw error;
    }
  }
}

/** Real-time pause between polls: lets network events (a handshake, a refusal) reach the page. */
const POLL_MS = 50;

/**
 * Poll `check` until it holds, moving the paused clock 1 ms between polls. With the clock paused even
 * `setTimeout(fn, 0)` waits for it to move (partysocket uses one between `reconnect()` and
 * `new WebSocket`, after the app's async token refresh), so an attempt the app has started only
 * reaches the server after a tick. Ticks stop as soon as `check` holds, so the clock then stands
 * where the app last scheduled from, and the next measured window starts there too.
 */
export async function tickUntil(page: Page, check: () => Promise<boolean>, message: string): Promise<void> {
  await expect
    .poll(
      async () => {
        if (await check()) return true;
        await page.clock.runFor(1);
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        return check();
      },
      { message, intervals: [0] },
    )
    .toBe(true);
}
