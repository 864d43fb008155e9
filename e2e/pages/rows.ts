import { expect, type Locator } from '@playwright/test';

/** A status value in words, as the app shows it (`in_progress` → `In progress`). */
export function words(value: string): string {
  const text = value.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A list row (`<entity>-row-<id>`): its status, priority, progress and assignee, by intent. */
export class Row {
  constructor(readonly locator: Locator) {}

  async expectStatus(status: string): Promise<void> {
    await expect(this.locator).toHaveAttribute('data-status', status);
    await expect(this.locator.locator('.pp-badge[data-status]')).toHaveText(words(status));
  }

  async expectPriority(priority: string): Promise<void> {
    await expect(this.locator.locator('[data-priority]')).toHaveAttribute('data-priority', priority);
    await expect(this.locator.locator('[data-priority]')).toHaveText(words(priority));
  }

  async expectProgress(percent: number): Promise<void> {
    await expect(this.locator.getByRole('progressbar')).toHaveAttribute('aria-valuenow', String(percent));
    await expect(this.locator.getByRole('progressbar')).toContainText(`${percent}%`);
  }

  async expectText(text: string | RegExp): Promise<void> {
    await expect(this.locator).toContainText(text);
  }

  async expectGone(): Promise<void> {
    await expect(this.locator).toHaveCount(0);
  }
}
