import type { Page } from '@playwright/test';

/** The repository pages: tabs, changelog rows, diffs, files, editing. */
export class RepoBrowsePage {
  constructor(private readonly page: Page) {}

  async gotoSummary(repo: string) {
    await this.page.goto(`/${repo}`);
  }

  tab(name: 'Summary' | 'Changelog' | 'Files' | 'Compare' | 'Forks' | 'Followers') {
    return this.page.getByRole('navigation', { name: 'Repository' }).getByRole('link', { name, exact: true });
  }

  changelogRows() {
    return this.page.getByTestId('changelog-row');
  }

  changesetId() {
    return this.page.getByTestId('changeset-id');
  }

  diffFile(path: string) {
    return this.page.getByRole('region', { name: path });
  }

  fileEntry(name: string) {
    return this.page.getByTestId('file-entry').getByRole('link', { name, exact: true });
  }

  sourceLine(n: number) {
    return this.page.locator(`tr#L${n}`);
  }

  annotations() {
    return this.page.getByTestId('annotation');
  }
}
