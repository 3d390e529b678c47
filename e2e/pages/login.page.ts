import type { Page } from '@playwright/test';

export class LoginPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto('/_admin/login');
  }

  async login(username: string, password: string) {
    await this.page.getByLabel('Username or e-mail').fill(username);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Log in' }).click();
  }

  error() {
    return this.page.getByRole('alert');
  }
}
