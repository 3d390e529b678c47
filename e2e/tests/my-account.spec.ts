import { createHash, generateKeyPairSync } from 'node:crypto';
import { LoginPage } from '../pages/login.page';
import { MyAccountPage } from '../pages/my-account.page';
import { expect, test } from '../support/fixtures';

/** A fresh ed25519 public key line and its OpenSSH `SHA256:` fingerprint, built from the wire format (RFC 4253 §6.6, RFC 8709). */
function sshPublicKey(comment: string): { line: string; fingerprint: string } {
  const raw = Buffer.from(generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x!, 'base64url');
  const sshString = (data: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, data.length]), data]);
  const blob = Buffer.concat([sshString(Buffer.from('ssh-ed25519')), sshString(raw)]);
  return {
    line: `ssh-ed25519 ${blob.toString('base64')} ${comment}`,
    fingerprint: `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`,
  };
}

test('a user adds an API key and an SSH key, changes the password and logs in again', async ({ page, grove, playwright }) => {
  const erin = { username: 'e2e-erin', password: 'erin-password-1', email: 'erin@example.com' };
  const created = await page.request.post('/api/v1/users', { headers: { Authorization: `Bearer ${grove.admin.apiKey}` }, data: erin });
  expect(created.status()).toBe(201);

  const login = new LoginPage(page);
  await login.goto();
  await login.login(erin.username, erin.password);
  await page.getByRole('link', { name: 'My account' }).click();
  await expect(page).toHaveURL(/\/_admin\/my_account$/);
  await expect(page.getByLabel('E-mail', { exact: true })).toHaveValue(erin.email);

  // an API key that lives one hour, and it works
  const account = new MyAccountPage(page);
  await account.tab('API keys');
  await expect(account.apiKeyRow('Built-in key')).toHaveCount(1);
  await account.createApiKey('ci robot', '1 hour');
  const row = account.apiKeyRow('ci robot');
  await expect(row).toContainText(/in (59 minutes|1 hour)/);
  const key = (await row.locator('code').innerText()).trim();
  expect(key).toMatch(/^[0-9a-zA-Z]{40}$/);
  // a client without the browser's session cookie: only the key identifies it
  const bare = await playwright.request.newContext({ baseURL: grove.baseUrl });
  const me = await bare.get('/api/v1/me', { headers: { Authorization: `Bearer ${key}` } });
  expect(me.status()).toBe(200);
  expect((await me.json()).user.username).toBe(erin.username);

  // an SSH key, listed by its fingerprint
  const ssh = sshPublicKey('erin@laptop');
  await account.tab('SSH keys');
  await expect(page.getByText('No SSH keys yet.')).toBeVisible();
  await account.addSshKey(ssh.line, 'laptop');
  await expect(account.sshKeyRow('laptop')).toContainText(ssh.fingerprint);
  await expect(account.sshKeyRow('laptop')).toContainText('ssh-ed25519');
  // the same key cannot be added twice; the server says why
  await account.addSshKey(ssh.line, 'again');
  await expect(page.getByRole('alert')).toContainText('This SSH key is already registered');
  await expect(account.sshKeyRow('again')).toHaveCount(0);

  // a new password: wrong current password first, then right
  await account.tab('Password');
  await account.changePassword('not-my-password', 'erin-password-2');
  await expect(page.getByRole('alert')).toHaveText('The current password is wrong');
  await account.changePassword(erin.password, 'erin-password-2');
  await expect(page.getByRole('status')).toHaveText('Your password was changed; other sessions were signed out');
  // this session goes on
  await account.tab('Profile');
  await expect(page.getByTestId('signed-in-user')).toHaveText(`Signed in as ${erin.username}`);

  await page.getByRole('button', { name: 'Log out' }).click();
  // the login page sends signed-in users home: wait until the logout has landed
  await expect(page.getByRole('link', { name: 'Log in' })).toBeVisible();
  await login.goto();
  await login.login(erin.username, erin.password);
  await expect(login.error()).toHaveText('Invalid username or password');
  await login.login(erin.username, 'erin-password-2');
  await expect(page.getByTestId('signed-in-user')).toHaveText(`Signed in as ${erin.username}`);

  // revoking the key stops it
  await page.goto('/_admin/my_account/api_keys');
  await account.apiKeyRow('ci robot').getByRole('button', { name: 'Revoke' }).click();
  await account.apiKeyRow('ci robot').getByRole('button', { name: 'Confirm' }).click();
  await expect(account.apiKeyRow('ci robot')).toHaveCount(0);
  expect((await bare.get('/api/v1/me', { headers: { Authorization: `Bearer ${key}` } })).status()).toBe(403);
  await bare.dispose();
});
