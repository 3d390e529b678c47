import type { Page } from '@playwright/test';

/** `/_admin/repo_groups…`: the new-group form and a group's edit tabs. */
export class RepoGroupsPage {
  constructor(private readonly page: Page) {}

  async create(group: { name: string; parent?: string; description?: string }) {
    await this.page.goto('/_admin/repo_groups/new');
    await this.page.getByLabel('Group name').fill(group.name);
    if (group.parent) await this.page.getByLabel('Parent group').selectOption({ label: group.parent });
    if (group.description) await this.page.getByLabel('Description').fill(group.description);
    await this.page.getByRole('button', { name: 'Create' }).click();
  }
}
