import { expect, type Locator, type Page } from '@playwright/test';
import { Row } from './rows';

/** `/goals`: the goal list, its status filter and "New goal". */
export class GoalsPage {
  readonly list: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByRole('list', { name: 'Goals' });
    this.rows = page.locator('[data-testid^="goal-row-"]');
  }

  row(id: string): Row {
    return new Row(this.page.getByTestId(`goal-row-${id}`));
  }

  /** Opens a goal from the list (client-side navigation). */
  async open(title: string): Promise<GoalDetailPage> {
    await this.list.getByRole('link', { name: title, exact: true }).click();
    const detail = new GoalDetailPage(this.page);
    await expect(detail.heading(title)).toBeVisible();
    return detail;
  }

  async create(title: string): Promise<void> {
    await this.page.getByRole('button', { name: 'New goal' }).first().click();
    const dialog = this.page.getByRole('dialog', { name: 'New goal' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill(title);
    await dialog.getByRole('button', { name: 'Create goal' }).click();
  }
}

/** `/goals/[id]`: summary, status buttons, the goal's actions, activity feed and attachments. */
export class GoalDetailPage {
  readonly activity: Locator;
  readonly attachments: Locator;
  readonly actions: Locator;

  constructor(readonly page: Page) {
    this.activity = page.getByRole('list', { name: 'Activity' });
    this.attachments = page.getByRole('list', { name: 'Attachments' });
    this.actions = page.getByRole('list', { name: 'Actions for this goal' });
  }

  heading(title: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: title });
  }

  summary(id: string): Locator {
    return this.page.getByTestId(`goal-summary-${id}`);
  }

  async expectStatus(id: string, words: string): Promise<void> {
    await expect(this.summary(id).locator('.pp-badge[data-status]')).toHaveText(words);
  }

  /** Click a status button: `Activate`, `Complete`, `Cancel goal`, `Reopen`, `Reactivate`. */
  async setStatus(button: 'Activate' | 'Complete' | 'Cancel goal' | 'Reopen' | 'Reactivate'): Promise<void> {
    await this.page.getByRole('button', { name: button, exact: true }).click();
  }

  actionRow(id: string): Row {
    return new Row(this.page.getByTestId(`action-row-${id}`));
  }

  activityRow(id: string): Locator {
    return this.page.getByTestId(`activity-row-${id}`);
  }

  attachmentRow(id: string): Locator {
    return this.page.getByTestId(`attachment-row-${id}`);
  }

  async comment(message: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Add a comment' }).fill(message);
    await this.page.getByRole('button', { name: 'Post comment' }).click();
  }
}
