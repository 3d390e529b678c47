import { AdminUsersPage } from '../pages/admin-users.page';
import { LoginPage } from '../pages/login.page';
import { expect, test } from '../support/fixtures';

test('an admin logs in, sees the home page and creates a user', async ({ page, grove }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.login(grove.admin.username, 'wrong-password');
  await expect(login.error()).toHaveText('Invalid username or password');
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');

  await login.login(grove.admin.username, grove.admin.password);
  await expect(page).toHaveURL(`${grove.baseUrl}/`);
  await expect(page.getByTestId('signed-in-user')).toHaveText(`Signed in as ${grove.admin.username}`);
  await expect(page.getByRole('heading', { name: 'Repositories' })).toBeVisible();
  await expect(page.getByText('There are no repositories yet.')).toBeVisible();

  const users = new AdminUsersPage(page);
  await page.getByRole('link', { name: 'Users' }).click();
  await expect(page).toHaveURL(/\/_admin\/users$/);
  await users.createUser({ username: 'e2e-carol', firstname: 'Carol', email: 'carol@example.com', password: 'carol-password' });
  await expect(page.getByRole('status')).toHaveText('User e2e-carol created');

  await users.goto();
  await expect(users.row('e2e-carol')).toContainText('carol@example.com');
  await expect(users.row('e2e-carol')).toContainText('Carol');

  // the new account works
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('link', { name: 'Log in' })).toBeVisible();
  await login.goto();
  await login.login('e2e-carol', 'carol-password');
  await expect(page.getByTestId('signed-in-user')).toHaveText('Signed in as e2e-carol');
  // a regular user has no admin menu and is refused the admin page
  await expect(page.getByRole('link', { name: 'Users' })).toHaveCount(0);
  await users.goto();
  await expect(page.getByRole('alert')).toContainText('403');
});

test('anonymous visitors of an admin page are sent to the login page and back', async ({ page, grove }) => {
  await page.goto('/_admin/users');
  await expect(page).toHaveURL(/\/_admin\/login\?came_from=%2F_admin%2Fusers$/);
  await new LoginPage(page).login(grove.admin.username, grove.admin.password);
  await expect(page).toHaveURL(/\/_admin\/users$/);
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
});
