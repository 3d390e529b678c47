import { LoginPage } from '../pages/login.page';
import { RepoBrowsePage } from '../pages/repo-browse.page';
import { expect, test } from '../support/fixtures';
import { createRepository, pushHistory } from '../support/seed-repos';

for (const type of ['git', 'hg'] as const) {
  test(`${type}: browse, changelog and changeset side by side, file view and annotate, archive, edit, follow and journal`, async ({ page, grove, request }) => {
    const name = `browse-${type}`;
    const branch = type === 'git' ? 'master' : 'default';
    await createRepository(request, grove, name, type);
    const [first, second] = await pushHistory(grove, name, type);
    const repo = new RepoBrowsePage(page);

    await new LoginPage(page).goto();
    await new LoginPage(page).login(grove.admin.username, grove.admin.password);
    await expect(page.getByTestId('signed-in-user')).toBeVisible();

    // summary: README rendered (the script tag stays text), latest changes, clone URL
    await repo.gotoSummary(name);
    await expect(page.getByRole('heading', { name: 'Hello Grove' })).toBeVisible();
    await expect(page.locator('.readme')).toContainText('<script>window.pwned = 1</script>');
    expect(await page.evaluate(() => (globalThis as { pwned?: number }).pwned)).toBeUndefined();
    await expect(page.getByLabel('Clone URL')).toHaveValue(new RegExp(`/${name}$`));
    await expect(repo.changelogRows()).toHaveCount(2);
    // size on the side list, loaded on click (signed in)
    await page.getByRole('button', { name: 'Show repository size' }).click();
    await expect(page.getByTestId('repo-size')).toHaveText(/^\d+(\.\d)? (B|KiB|MiB)$/);

    // changelog → changeset → side-by-side
    await repo.tab('Changelog').click();
    await expect(page.getByText('showing 2 out of 2 revisions')).toBeVisible();
    await expect(page.locator('svg.changelog-graph [data-testid="graph-node"]')).toHaveCount(2);
    await repo.changelogRows().first().getByRole('link', { name: second!.slice(0, 12) }).click();
    await expect(repo.changesetId()).toContainText(second!.slice(0, 12));
    // previous/next revision arrows
    await page.getByRole('link', { name: 'Previous revision' }).click();
    await expect(repo.changesetId()).toContainText(first!.slice(0, 12));
    await page.getByRole('link', { name: 'Next revision' }).click();
    await expect(repo.changesetId()).toContainText(second!.slice(0, 12));
    const appDiff = repo.diffFile('src/app.py');
    await expect(appDiff.locator('ins')).toContainText(['Hello, ']);
    await expect(appDiff.locator('table.diff-table.unified')).toBeVisible();
    await page.getByRole('button', { name: 'Side-by-side', exact: true }).click();
    await expect(appDiff.locator('table.diff-table.side-by-side')).toBeVisible();
    await expect(page).toHaveURL(/mode=sbs/);

    // files → source with highlighting and line anchors → annotate
    await repo.tab('Files').click();
    // keyboard navigation on the listing: j moves the cursor onto the first entry
    await expect(repo.fileEntry('src/')).toBeVisible();
    await page.keyboard.press('j');
    await expect(page.getByTestId('file-entry').first()).toHaveAttribute('aria-current', 'true');
    await repo.fileEntry('src/').click();
    await repo.fileEntry('app.py').click();
    await expect(repo.sourceLine(2)).toContainText('return "Hello, " + name');
    await expect(page.locator('.file-source .hljs-keyword').first()).toBeVisible();
    await page.goto(page.url() + '#L1-2');
    await expect(repo.sourceLine(1)).toHaveClass(/marked/);
    await expect(repo.sourceLine(2)).toHaveClass(/marked/);
    await expect(repo.sourceLine(3)).not.toHaveClass(/marked/);
    await page.getByRole('link', { name: 'Show Annotation' }).click();
    await expect(repo.annotations()).toHaveCount(4);
    await expect(repo.annotations().nth(0)).toContainText(first!.slice(0, 12));
    await expect(repo.annotations().nth(1)).toContainText(second!.slice(0, 12));
    // the file at the previous revision, then "Switch To" the branch on a files page
    await page.goto(`/${name}/files/${second}/src/app.py`);
    await page.getByRole('link', { name: 'Previous revision' }).click();
    await expect(page).toHaveURL(new RegExp(`/files/${first}/src/app.py$`));
    await expect(page.getByRole('heading', { name: new RegExp(`Files @ ${first!.slice(0, 12)}`) })).toBeVisible();
    await page.getByLabel('Switch To').selectOption(`branch:${branch}`);
    await expect(page).toHaveURL(new RegExp(`/${name}/files/${branch}/$`));
    await expect(repo.fileEntry('src/')).toBeVisible();

    // archive download from the summary
    await repo.tab('Summary').click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download as zip' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(new RegExp(`^${name}-[0-9a-f]{12}\\.zip$`));

    // edit the file on its branch → the new changeset
    await page.goto(`/${name}/files/${branch}/src/app.py`);
    await page.getByRole('link', { name: `Edit on Branch: ${branch}` }).click();
    const content = page.getByLabel('Content');
    await expect(content).toHaveValue(/Hello, /);
    await content.fill('def greet(name):\n    return "Hi there, " + name\n');
    await page.getByRole('button', { name: 'Commit Changes' }).click();
    await expect(page).toHaveURL(new RegExp(`/${name}/changeset/[0-9a-f]{40}$`));
    await expect(page.locator('.flash.success')).toHaveText('Successfully committed to src/app.py');
    await expect(repo.diffFile('src/app.py').locator('tr.add')).toContainText(['Hi there']);
    await repo.tab('Changelog').click();
    await expect(repo.changelogRows()).toHaveCount(3);
    await expect(repo.changelogRows().first()).toContainText('Edited file src/app.py via Grove');

    // follow → the repository's events show in my journal
    await repo.tab('Summary').click();
    // the creator follows the repository from the start: unfollow, then follow again
    await page.getByRole('button', { name: 'Unfollow', exact: true }).click();
    await repo.tab('Followers').click();
    await expect(page.getByText('Nobody follows this repository yet')).toBeVisible();
    await page.getByRole('button', { name: 'Follow', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Unfollow', exact: true })).toBeVisible();
    await repo.tab('Followers').click();
    await expect(page.getByTestId('followers')).toContainText(grove.admin.username);
    await page.getByRole('link', { name: 'Journal', exact: true }).click();
    await expect(page).toHaveURL(/\/_admin\/journal$/);
    const entries = page.getByTestId('journal-entry').filter({ has: page.getByRole('link', { name, exact: true }) });
    await expect(entries.first()).toBeVisible();
    await expect(page.getByTestId('journal-entry').filter({ hasText: 'downloaded archive' }).first()).toBeVisible();
  });
}
