import type { Page } from '@playwright/test';

/** `/_admin/create_repository`: the new-repository form. */
export class CreateRepositoryPage {
  constructor(private readonly page: Page) {}

  async fill(repo: { name: string; group?: string; type?: 'Git' | 'Mercurial'; private?: boolean; description?: string }) {
    await this.page.getByLabel('Repository name').fill(repo.name);
    if (repo.group !== undefined) await this.page.getByLabel('Repository group').selectOption({ label: repo.group || '— top level —' });
    if (repo.type) await this.page.getByLabel('Type').selectOption({ label: repo.type });
    if (repo.description) await this.page.getByLabel('Description').fill(repo.description);
    if (repo.private) await this.page.getByLabel(/^Private/).check();
  }

  async create(repo: { name: string; group?: string; type?: 'Git' | 'Mercurial'; private?: boolean; description?: string }) {
    await this.page.goto('/_admin/create_repository');
    await this.fill(repo);
    await this.submit();
  }

  async submit() {
    await this.page.getByRole('button', { name: 'Create' }).click();
  }

  groupSelect() {
    return this.page.getByLabel('Repository group');
  }
}
