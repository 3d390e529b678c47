import { LoginPage } from '../pages/login.page';
import { expect, test } from '../support/fixtures';

test('a super-admin adds, edits and deletes a custom hook on the settings Hooks tab', async ({ page, grove }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.login(grove.admin.username, grove.admin.password);
  await expect(page.getByTestId('signed-in-user')).toHaveText(`Signed in as ${grove.admin.username}`);
  await page.goto(`${grove.baseUrl}/_admin/settings/hooks`);

  const builtIn = page.getByRole('table', { name: 'Built-in hooks' });
  await expect(builtIn).toContainText('changegroup.update');
  await expect(builtIn).toContainText('changegroup.repo_size');
  await expect(page.getByText('No custom hooks.')).toBeVisible();

  // refused in the browser before it reaches the server
  const add = page.getByRole('form', { name: 'Add hook' });
  await add.getByLabel('Hook (type.name)').fill('pretxnchangegroup.check');
  await add.getByLabel('Command').fill('true');
  await add.getByRole('button', { name: 'Add hook' }).click();
  await expect(add.getByRole('alert')).toContainText('pre-hooks cannot refuse a push');

  await add.getByLabel('Hook (type.name)').fill('changegroup.notify');
  await add.getByLabel('Command').fill('/usr/local/bin/notify-ci');
  await add.getByRole('button', { name: 'Add hook' }).click();
  const row = page.getByRole('form', { name: 'Save changegroup.notify' });
  await expect(row.getByLabel('Command')).toHaveValue('/usr/local/bin/notify-ci');
  await expect(row.getByLabel('Active')).toBeChecked();

  await row.getByLabel('Active').uncheck();
  await row.getByRole('button', { name: 'Save changegroup.notify' }).click();
  await expect(page.getByRole('form', { name: 'Save changegroup.notify' }).getByLabel('Active')).not.toBeChecked();
  await page.reload();
  await expect(page.getByRole('form', { name: 'Save changegroup.notify' }).getByLabel('Active')).not.toBeChecked();

  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByText('No custom hooks.')).toBeVisible();
});
