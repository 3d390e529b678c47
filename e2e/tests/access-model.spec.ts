import { AdminUsersPage } from '../pages/admin-users.page';
import { CreateRepositoryPage } from '../pages/create-repository.page';
import { HomePage } from '../pages/home.page';
import { LoginPage } from '../pages/login.page';
import { RepoGroupsPage } from '../pages/repo-groups.page';
import { RepoSettingsPage } from '../pages/repo-settings.page';
import { expect, test } from '../support/fixtures';

const user = { username: 'e2e-dana', email: 'dana@example.com', password: 'dana-password', firstname: 'Dana' };

test('an admin grants a user read on one repository; the user sees exactly that one and cannot open its settings', async ({ page, grove }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.login(grove.admin.username, grove.admin.password);
  await expect(page.getByTestId('signed-in-user')).toHaveText(`Signed in as ${grove.admin.username}`);

  // a group
  await new RepoGroupsPage(page).create({ name: 'e2e-team', description: 'The e2e team' });
  await expect(page).toHaveURL(/\/e2e-team$/);
  await expect(page.getByRole('status')).toHaveText('Repository group e2e-team created');

  // a private repository inside it, from the group page's button (the group is preselected)
  await page.getByRole('link', { name: 'Add repository', exact: true }).click();
  await expect(page).toHaveURL(/\/_admin\/create_repository\?parent_group=\d+$/);
  const create = new CreateRepositoryPage(page);
  await expect(create.groupSelect()).toHaveValue('e2e-team');
  await create.fill({ name: 'granted', type: 'Git', private: true, description: 'The one to share' });
  await create.submit();
  await expect(page).toHaveURL(/\/e2e-team\/granted$/);
  await expect(page.getByRole('status')).toHaveText('Repository e2e-team/granted created');

  // negatives: another private repository in the group, and a private one at the top level
  await create.create({ name: 'secret', group: 'e2e-team', type: 'Git', private: true });
  await expect(page).toHaveURL(/\/e2e-team\/secret$/);
  await create.create({ name: 'elsewhere', group: '', type: 'Mercurial', private: true });
  await expect(page).toHaveURL(/\/elsewhere$/);

  // the admin sees all of them
  const home = new HomePage(page);
  await home.goto('e2e-team');
  await expect(home.repositoryNames()).toHaveText(['granted', 'secret']);

  // a user
  const users = new AdminUsersPage(page);
  await users.goto();
  await users.createUser(user);
  await expect(page.getByRole('status')).toHaveText(`User ${user.username} created`);

  // read on `granted`, through the autocomplete
  const settings = new RepoSettingsPage(page);
  await settings.gotoPermissions('e2e-team/granted');
  await expect(page.getByText('The repository is private')).toBeVisible();
  await settings.add(user.username, 'Read');
  await settings.save();
  await expect(page.getByRole('status')).toHaveText('Permissions saved');
  await page.reload();
  await expect(settings.level(user.username, 'Read')).toBeChecked();

  // the user signs in
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('link', { name: 'Log in' })).toBeVisible();
  await login.goto();
  await login.login(user.username, user.password);
  await expect(page.getByTestId('signed-in-user')).toHaveText(`Signed in as ${user.username}`);
  // nothing to administer: no admin menu
  await expect(page.getByRole('navigation', { name: 'main' }).getByRole('link')).toHaveText(['Home', 'Journal']);

  // home: the group, no top-level repository (the private one is invisible)
  await home.goto();
  await expect(home.groupNames()).toHaveText(['e2e-team']);
  await expect(home.repositoryNames()).toHaveCount(0);
  // the group page: exactly the granted repository
  await home.groupNames().first().click();
  await expect(page).toHaveURL(/\/e2e-team$/);
  await expect(home.repositoryNames()).toHaveText(['granted']);
  await expect(page.getByRole('link', { name: 'Add repository', exact: true })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Edit repository group' })).toHaveCount(0);

  // the repository opens, without a Settings link; its settings page is refused
  await home.repositoryNames().first().click();
  await expect(page).toHaveURL(/\/e2e-team\/granted$/);
  await expect(page.getByText('The one to share')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Settings' })).toHaveCount(0);
  await page.goto('/e2e-team/granted/settings');
  await expect(page.getByRole('alert')).toContainText('403');
  await page.goto('/e2e-team/granted/settings/permissions');
  await expect(page.getByRole('alert')).toContainText('403');
  // what the user may not read does not exist for them
  await page.goto('/e2e-team/secret/settings');
  await expect(page.getByRole('alert')).toContainText('404');
  await page.goto('/elsewhere');
  await expect(page.getByRole('alert')).toContainText('404');
});

test('anonymous visitors of a settings page are sent to the login page and back', async ({ page, grove }) => {
  const api = { Authorization: `Bearer ${grove.admin.apiKey}` };
  expect((await page.request.post('/api/v1/repos', { headers: api, data: { name: 'public-one', type: 'git' } })).status()).toBe(201);

  await page.goto('/public-one/settings');
  await expect(page).toHaveURL(/\/_admin\/login\?came_from=%2Fpublic-one%2Fsettings$/);
  await new LoginPage(page).login(grove.admin.username, grove.admin.password);
  await expect(page).toHaveURL(/\/public-one\/settings$/);
  await expect(page.getByLabel('Repository name')).toHaveValue('public-one');
});

test('a group admin who is not a super-admin gets only what they administer', async ({ page, grove }) => {
  const api = { Authorization: `Bearer ${grove.admin.apiKey}` };
  const post = async (path: string, data: unknown) => {
    const response = await page.request.post(path, { headers: api, data });
    expect(response.ok()).toBe(true);
    return response.json();
  };
  const gus = await post('/api/v1/users', { username: 'e2e-gus', password: 'gus-password', email: 'gus@example.com' });
  const hal = await post('/api/v1/users', { username: 'e2e-hal', password: 'hal-password', email: 'hal@example.com' });
  await post('/api/v1/repo-groups', { name: 'gus-group' });
  await post('/api/v1/repo-groups', { name: 'other-group' });
  await post('/api/v1/repo-groups/gus-group/permissions', { subjectType: 'user', subjectId: gus.id, permission: 'group.admin' });

  const login = new LoginPage(page);
  await login.goto();
  await login.login('e2e-gus', 'gus-password');
  await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as e2e-gus');
  await expect(page.getByRole('navigation', { name: 'main' }).getByRole('link')).toHaveText(['Home', 'Journal', 'Repository groups']);
  await page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: 'Repository groups' }).click();
  await expect(page.getByRole('link', { name: 'Edit gus-group' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Edit other-group' })).toHaveCount(0);

  // a repository in the group they administer: they own it, so they administer it too
  await new HomePage(page).goto('gus-group');
  await page.getByRole('link', { name: 'Add repository', exact: true }).click();
  const create = new CreateRepositoryPage(page);
  // a fresh install lets everybody create top-level repositories (hg.create.repository); other-group is only readable
  await expect(create.groupSelect().locator('option')).toHaveText(['— top level —', 'gus-group']);
  await expect(create.groupSelect()).toHaveValue('gus-group');
  await create.fill({ name: 'tools', type: 'Git' });
  await create.submit();
  await expect(page).toHaveURL(/\/gus-group\/tools$/);
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page).toHaveURL(/\/gus-group\/tools\/settings$/);

  // the group's permissions, written down to its repositories
  await page.goto('/gus-group');
  await page.getByRole('link', { name: 'Edit repository group' }).click();
  await page.getByRole('navigation', { name: 'Repository group settings' }).getByRole('link', { name: 'Permissions' }).click();
  const settings = new RepoSettingsPage(page);
  // their own entry is read-only: the server refuses a group admin changing it
  await expect(settings.level('e2e-gus', 'Admin')).toBeChecked();
  await expect(settings.level('e2e-gus', 'Admin')).toBeDisabled();
  await settings.add('e2e-hal', 'Write');
  await page.getByRole('radio', { name: 'Also its repositories', exact: true }).check();
  await settings.save();
  await expect(page.getByRole('status')).toHaveText('Permissions saved');
  const entries = await (await page.request.get('/api/v1/repos/gus-group%2Ftools/permissions', { headers: api })).json();
  expect(entries.entries).toContainEqual({ subject: { type: 'user', id: hal.id, name: 'e2e-hal', isDefault: false }, permission: 'repository.write' });

  // another group's admin pages are refused
  await page.goto('/_admin/repo_groups/other-group/edit');
  await expect(page.getByRole('alert')).toContainText('403');
  await page.goto('/_admin/users');
  await expect(page.getByRole('alert')).toContainText('403');
});
