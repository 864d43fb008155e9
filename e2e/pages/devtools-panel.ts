import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The realtime devtools panel (components/devtools), for reading the bridge's counters. A
 * production build shows it when the URL has `?realtime-devtools=1` (remembered in localStorage).
 */
export class DevtoolsPanel {
  readonly panel: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole('dialog', { name: 'Realtime devtools' });
  }

  /** Makes every later page load of this tab show the launcher. Call before the first navigation. */
  static async enable(page: Page): Promise<void> {
    await page.addInitScript(() => {
      try {
        localStorage.setItem('realtime-devtools', '1');
      } catch {
        // The launcher stays hidden; the spec's first `open()` then fails with a clear locator error.
      }
    });
  }

  async openCounters(): Promise<void> {
    if (!(await this.panel.isVisible()))
      await this.page.getByRole('button', { name: 'Open realtime devtools' }).click();
    await expect(this.panel).toBeVisible();
    await this.panel.getByRole('tab', { name: 'Counters' }).click();
  }

  /** A bridge counter's value (`invalid`, `applied`, `duplicate`, `stale`, `refetches`, `resyncs`, …). */
  counter(name: string): Locator {
    return this.panel.getByTestId(`devtools-counter-${name}`).locator('dd');
  }

  /** "Invalid frames by reason: bad_json 1, …". */
  get rejectedByReason(): Locator {
    return this.panel.getByText(/^Invalid frames by reason: /);
  }
}
