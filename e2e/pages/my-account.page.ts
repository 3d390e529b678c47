import type { Page } from '@playwright/test';

/** `/_admin/my_account…`: My Account's tabs. */
export class MyAccountPage {
  constructor(private readonly page: Page) {}

  async tab(name: 'Profile' | 'Password' | 'E-mail addresses' | 'API keys' | 'SSH keys' | 'My repositories' | 'Watched repositories' | 'My permissions') {
    await this.page.getByRole('navigation', { name: 'My account' }).getByRole('link', { name, exact: true }).click();
  }

  async createApiKey(description: string, lifetime: 'Forever' | '5 minutes' | '1 hour' | '1 day' | '1 month') {
    await this.page.getByLabel('Description').fill(description);
    await this.page.getByLabel('Lifetime').selectOption({ label: lifetime });
    await this.page.getByRole('button', { name: 'Create key' }).click();
  }

  apiKeyRow(description: string) {
    return this.page.getByRole('table', { name: 'API keys' }).getByRole('row').filter({ hasText: description });
  }

  async addSshKey(publicKey: string, description: string) {
    await this.page.getByLabel('Description').fill(description);
    await this.page.getByLabel('Public key').fill(publicKey);
    await this.page.getByRole('button', { name: 'Add key' }).click();
  }

  sshKeyRow(description: string) {
    return this.page.getByRole('table', { name: 'SSH keys' }).getByRole('row').filter({ hasText: description });
  }

  async changePassword(current: string, next: string) {
    await this.page.getByLabel('Current password').fill(current);
    await this.page.getByLabel('New password').fill(next);
    await this.page.getByLabel('Confirm password').fill(next);
    await this.page.getByRole('button', { name: 'Change password' }).click();
  }
}
