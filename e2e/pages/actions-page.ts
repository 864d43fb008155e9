import { expect, type Locator, type Page } from '@playwright/test';
import { Row } from './rows';

/** `/actions` (also the action rows inside a goal): status, priority, assignee, progress and their controls. */
export class ActionsPage {
  readonly list: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByRole('list', { name: 'Actions' });
    this.rows = page.locator('[data-testid^="action-row-"]');
  }

  row(id: string): Row {
    return new Row(this.page.getByTestId(`action-row-${id}`));
  }

  /** The row's "Complete" button (optimistic: the row says Done at once). */
  async complete(title: string): Promise<void> {
    await this.page.getByRole('button', { name: `Complete ${title}`, exact: true }).click();
  }

  /** Sets progress through the row's edit popover. */
  async setProgress(title: string, percent: number): Promise<void> {
    await this.page.getByRole('button', { name: `Edit ${title}`, exact: true }).click();
    const field = this.page.getByRole('spinbutton', { name: 'Progress' });
    await field.fill(String(percent));
    await this.page.getByRole('button', { name: 'Set', exact: true }).click();
    await expect(field).toBeHidden();
  }
}
