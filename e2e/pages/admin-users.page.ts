import type { Page } from '@playwright/test';

export class AdminUsersPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto('/_admin/users');
  }

  async createUser(user: { username: string; email: string; password: string; firstname?: string }) {
    await this.page.getByRole('link', { name: 'Add user' }).click();
    await this.page.locator('input[name="username"]').fill(user.username);
    if (user.firstname) await this.page.locator('input[name="firstname"]').fill(user.firstname);
    await this.page.locator('input[name="email"]').fill(user.email);
    await this.page.locator('input[name="password"]').fill(user.password);
    await this.page.locator('input[name="passwordConfirm"]').fill(user.password);
    await this.page.getByRole('button', { name: 'Create' }).click();
  }

  row(username: string) {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('link', { name: username, exact: true }) });
  }
}
