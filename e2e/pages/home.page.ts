import type { Page } from '@playwright/test';

/** The home page and repository group pages (the same grid). */
export class HomePage {
  constructor(private readonly page: Page) {}

  async goto(group?: string) {
    await this.page.goto(group ? `/${group}` : '/');
  }

  /** Short names of the repositories listed in the grid. */
  repositoryNames() {
    return this.page.locator('tr.repo-row td:first-child > a:first-of-type');
  }

  /** Short names of the groups listed in the grid. */
  groupNames() {
    return this.page.locator('tr.group-row td:first-child > a');
  }

  async filter(text: string) {
    await this.page.getByRole('searchbox', { name: 'Filter' }).fill(text);
  }
}
