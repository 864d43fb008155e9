import { expect, type Locator, type Page } from '@playwright/test';

export type BadgeState = 'connecting' | 'live' | 'reconnecting' | 'offline' | 'unauthorized' | 'disabled';

/** What the badge says in each state (components/shell/connection-status.tsx). */
export const BADGE_WORDS: Record<BadgeState, RegExp> = {
  connecting: /^Connecting$/,
  live: /^Live$/,
  reconnecting: /^Reconnecting( in \d+s)?$/,
  offline: /^Offline$/,
  unauthorized: /^Session expired$/,
  disabled: /^Realtime off$/,
};

/** The signed-in frame: connection badge and its details, toasts, tenant switcher, navigation, session banner. */
export class Shell {
  readonly badge: Locator;
  readonly toasts: Locator;
  readonly tenantSwitcher: Locator;
  readonly nav: Locator;
  readonly sessionBanner: Locator;
  readonly connectionDetails: Locator;

  constructor(readonly page: Page) {
    this.badge = page.getByTestId('realtime-status');
    this.toasts = page.getByRole('status', { name: 'Notifications' });
    this.tenantSwitcher = page.getByRole('combobox', { name: 'Tenant' });
    this.nav = page.getByRole('navigation', { name: 'Main' });
    this.sessionBanner = page.getByTestId('session-expired-banner');
    this.connectionDetails = page.getByRole('button', { name: 'Connection details' });
  }

  /** The badge's `data-state` hook and its words agree on `state`. */
  async expectState(state: BadgeState, options: { timeout?: number } = {}): Promise<void> {
    await expect(this.badge).toHaveAttribute('data-state', state, options);
    await expect(this.badge).toHaveText(BADGE_WORDS[state], options);
  }

  /** Wait until updates are live: a test must not trigger a write before (STACK.md). */
  async expectLive(options: { timeout?: number } = { timeout: 10_000 }): Promise<void> {
    await this.expectState('live', options);
  }

  /** Client-side navigation through the main nav (no reload, the cache stays). */
  async navigate(label: 'Dashboard' | 'Goals' | 'Actions' | 'Measures' | 'Issues' | 'Decisions'): Promise<void> {
    await this.nav.getByRole('link', { name: label, exact: true }).click();
  }

  /**
   * Picks a tenant and waits until the switch is done: the switch signs in again (a REST call), and
   * until it answers the old tenant's screen is still up, with the switcher disabled.
   */
  async switchTenant(name: 'Acme Corp' | 'Globex'): Promise<void> {
    await this.tenantSwitcher.selectOption({ label: name });
    await expect(this.tenantSwitcher).toBeEnabled();
    await expect(this.tenantSwitcher.locator('option:checked')).toHaveText(name);
  }

  /** Opens the badge's details popover and returns it (state in words, last error, attempt, Reconnect now). */
  async openConnectionDetails(): Promise<Locator> {
    await this.connectionDetails.click();
    const panel = this.page.getByText(/^Live updates: /).locator('..');
    await expect(panel).toBeVisible();
    return panel;
  }

  async reconnectNow(): Promise<void> {
    const panel = await this.openConnectionDetails();
    await panel.getByRole('button', { name: 'Reconnect now' }).click();
  }

  /** A toast whose text matches. */
  toast(text: string | RegExp): Locator {
    return this.toasts.getByText(text);
  }
}
