import { CreateRepositoryPage } from '../pages/create-repository.page';
import { LoginPage } from '../pages/login.page';
import { RepoSettingsPage } from '../pages/repo-settings.page';
import { expect, test } from '../support/fixtures';

test('repository admins use the advanced, remote and statistics tabs', async ({ page, grove }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.login(grove.admin.username, grove.admin.password);
  await expect(page.getByTestId('signed-in-user')).toHaveText(`Signed in as ${grove.admin.username}`);
  const create = new CreateRepositoryPage(page);
  await create.create({ name: 'upstream', group: '', type: 'Git' });
  await expect(page).toHaveURL(/\/upstream$/);
  await create.create({ name: 'downstream', group: '', type: 'Git' });
  await expect(page).toHaveURL(/\/downstream$/);

  const settings = new RepoSettingsPage(page);
  await settings.gotoTab('downstream', 'Advanced');
  await expect(page).toHaveURL(/\/downstream\/settings\/advanced$/);
  await expect(page.getByText('Events of this repository do not appear in the public journal.')).toBeVisible();
  await page.getByRole('button', { name: 'Add to public journal' }).click();
  await expect(page.getByText('Events of this repository appear in the public journal.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Remove from public journal' })).toBeVisible();

  await page.getByRole('combobox', { name: 'Fork of' }).selectOption({ label: 'upstream' });
  await page.getByRole('button', { name: 'Set fork of' }).click();
  await expect(page.getByRole('definition').getByRole('link', { name: 'upstream' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Fork of' })).toHaveValue(/\d+/);

  // As a fork without a remote URL it pulls from its parent.
  await settings.gotoTab('downstream', 'Remote');
  await expect(page.getByText('This repository has no remote URL; set one on the settings tab.')).toBeVisible();
  await expect(page.getByText('As a fork without a remote URL, it pulls from upstream.')).toBeVisible();
  await page.getByRole('button', { name: 'Pull changes from remote repository' }).click();
  await expect(page.getByRole('status')).toHaveText('Pulled; the repository is still empty.');

  // A repository that is neither a fork nor has a remote cannot pull.
  await settings.gotoTab('upstream', 'Remote');
  await expect(page.getByRole('button', { name: 'Pull changes from remote repository' })).toBeDisabled();

  // Statistics: off by default; once enabled, the tab shows how far gathering got and resets it.
  await page.getByRole('link', { name: 'Statistics', exact: true }).click();
  await expect(page.getByText('Statistics are disabled for this repository; enable them on the settings tab.')).toBeVisible();
  const enabled = await page.request.patch('/api/v1/repos/upstream', { headers: { Authorization: `Bearer ${grove.admin.apiKey}` }, data: { enableStatistics: true } });
  expect(enabled.status()).toBe(200);
  await page.reload();
  await expect(page.getByTestId('statistics-progress')).toHaveText('0 of 0 (100 %)');
  await page.getByRole('button', { name: 'Reset statistics' }).click();
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByTestId('statistics-progress')).toHaveText('0 of 0 (100 %)');
});
