import { expect, type Locator, type Page } from '@playwright/test';
import { Row } from './rows';

/** `/measures` and `/measures/[id]`: current values, readings and "Add reading". */
export class MeasuresPage {
  constructor(readonly page: Page) {}

  row(id: string): Locator {
    return this.page.getByTestId(`measure-row-${id}`);
  }

  summary(id: string): Locator {
    return this.page.getByTestId(`measure-summary-${id}`);
  }

  readingRow(id: string): Locator {
    return this.page.getByTestId(`reading-row-${id}`);
  }

  readingRows(): Locator {
    return this.page.locator('[data-testid^="reading-row-"]');
  }

  async expectCurrent(id: string, text: string): Promise<void> {
    await expect(this.summary(id).locator('.pp-stat').filter({ hasText: 'Current' })).toContainText(text);
  }

  async addReading(value: number): Promise<void> {
    await this.page.getByRole('spinbutton', { name: 'New reading' }).fill(String(value));
    await this.page.getByRole('button', { name: 'Add reading' }).click();
  }
}

/** `/issues`: rows with status and priority, "Change status". */
export class IssuesPage {
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.rows = page.locator('[data-testid^="issue-row-"]');
  }

  row(id: string): Row {
    return new Row(this.page.getByTestId(`issue-row-${id}`));
  }

  async setStatus(title: string, status: 'Open' | 'In progress' | 'Resolved' | 'Closed'): Promise<void> {
    await this.page.getByRole('button', { name: `Change status of ${title}` }).click();
    await this.page.getByRole('button', { name: status, exact: true }).click();
  }
}

/** `/decisions`: newest first. */
export class DecisionsPage {
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.rows = page.locator('[data-testid^="decision-row-"]');
  }

  row(id: string): Locator {
    return this.page.getByTestId(`decision-row-${id}`);
  }
}

/** `/`: the stats, recent activity and measures at a glance. */
export class DashboardPage {
  constructor(readonly page: Page) {}

  stat(name: 'active-goals' | 'open-issues' | 'actions-due'): Locator {
    return this.page.getByTestId(`stat-${name}`);
  }

  measureRow(id: string): Locator {
    return this.page.getByTestId(`measure-row-${id}`);
  }

  get recentActivity(): Locator {
    return this.page.getByRole('list', { name: 'Recent activity' });
  }
}
