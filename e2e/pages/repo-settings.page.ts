import type { Page } from '@playwright/test';

/** `/{repo}/settings…`: the repository's admin tabs. */
export class RepoSettingsPage {
  constructor(private readonly page: Page) {}

  async gotoPermissions(repo: string) {
    await this.page.goto(`/${repo}/settings/permissions`);
  }

  async gotoTab(repo: string, tab: 'Advanced' | 'Remote') {
    await this.page.goto(`/${repo}/settings`);
    await this.page.getByRole('link', { name: tab, exact: true }).click();
  }

  /** Adds a user or user group through the autocomplete and picks its level (Save separately). */
  async add(name: string, level: 'None' | 'Read' | 'Write' | 'Admin') {
    await this.page.getByRole('combobox', { name: 'Add user or user group' }).fill(name);
    await this.page.getByRole('option', { name: new RegExp(`\\b${name}\\b`) }).click();
    await this.level(name, level).check();
  }

  level(name: string, level: 'None' | 'Read' | 'Write' | 'Admin') {
    return this.page.getByRole('radio', { name: `${level} for ${name}`, exact: true });
  }

  async save() {
    await this.page.getByRole('button', { name: 'Save' }).click();
  }
}
