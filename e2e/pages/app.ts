import { expect, type Page } from '@playwright/test';
import { ActionsPage } from './actions-page';
import { GoalDetailPage, GoalsPage } from './goals-page';
import { DashboardPage, DecisionsPage, IssuesPage, MeasuresPage } from './records-pages';
import { Shell } from './shell';

/** One signed-in tab of the app, with a page object per screen. */
export class App {
  readonly shell: Shell;
  readonly dashboard: DashboardPage;
  readonly goals: GoalsPage;
  readonly goal: GoalDetailPage;
  readonly actions: ActionsPage;
  readonly measures: MeasuresPage;
  readonly issues: IssuesPage;
  readonly decisions: DecisionsPage;

  constructor(readonly page: Page) {
    this.shell = new Shell(page);
    this.dashboard = new DashboardPage(page);
    this.goals = new GoalsPage(page);
    this.goal = new GoalDetailPage(page);
    this.actions = new ActionsPage(page);
    this.measures = new MeasuresPage(page);
    this.issues = new IssuesPage(page);
    this.decisions = new DecisionsPage(page);
  }

  /** Load a route (a full page load). */
  async load(path: string): Promise<void> {
    await this.page.goto(path);
    await expect(this.page).toHaveURL(path);
  }

  /** Load a route and wait until the badge says Live (write nothing before: STACK.md). */
  async open(path: string): Promise<void> {
    await this.load(path);
    await this.shell.expectLive();
  }
}

/** `/login`: email and "Sign in". */
export class LoginPage {
  constructor(readonly page: Page) {}

  async signIn(email: string, next = '/'): Promise<void> {
    await this.page.goto(next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`);
    await this.page.getByRole('textbox', { name: 'Email' }).fill(email);
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(this.page).toHaveURL(next);
  }
}
