import { createTestApp, TestApp } from './utils/create-test-app';
import { HttpClient } from './utils/http-client';

describe('My Account (REST)', () => {
  let t: TestApp;
  let admin: HttpClient;
  let pia: { id: number; client: HttpClient };

  beforeAll(async () => {
    t = await createTestApp();
    admin = t.admin();
    pia = await t.user('pia');
  });
  afterAll(() => t.close());

  it('is for signed-in users only', async () => {
    for (const url of ['/api/v1/me/emails', '/api/v1/me/api-keys', '/api/v1/me/ssh-keys', '/api/v1/me/repositories', '/api/v1/me/watched', '/api/v1/me/permissions']) {
      expect({ url, status: (await t.client().get(url)).status }).toEqual({ url, status: 401 });
    }
  });

  it('updates the profile; e-mail stays unique', async () => {
    const res = await pia.client.patch('/api/v1/me', { firstname: 'Pia', lastname: 'Lund', email: 'PIA.LUND@example.com' });
    expect(res.body).toMatchObject({ username: 'pia', firstname: 'Pia', lastname: 'Lund', email: 'pia.lund@example.com' });
    expect((await pia.client.patch('/api/v1/me', { email: 'admin@example.com' })).status).toBe(409);
    expect((await pia.client.patch('/api/v1/me', { username: 'renamed' })).status).toBe(400);
  });

  it('changes the password after checking the current one; other sessions end, this one continues', async () => {
    const browser = t.client();
    await browser.login('pia', 'pw-pia-1');
    const other = t.client();
    await other.login('pia', 'pw-pia-1');
    const wrong = await browser.post('/api/v1/me/password', { currentPassword: 'nope', newPassword: 'new-password-1' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toBe('The current password is wrong');
    const ok = await browser.post('/api/v1/me/password', { currentPassword: 'pw-pia-1', newPassword: 'new-password-1' });
    expect(ok.status).toBe(201);
    browser.csrfToken = ok.body.csrfToken;
    expect((await browser.get('/api/v1/me')).status).toBe(200);
    expect((await other.get('/api/v1/me')).status).toBe(401);
    expect((await t.client().login('pia', 'new-password-1')).status).toBe(200);
  });

  it('manages my e-mails, API keys and SSH keys', async () => {
    const email = await pia.client.post('/api/v1/me/emails', { email: 'pia@work.example.com' });
    expect((await pia.client.get('/api/v1/me/emails')).body.emails).toEqual([{ id: email.body.id, email: 'pia@work.example.com' }]);
    const key = await pia.client.post('/api/v1/me/api-keys', { description: 'laptop' });
    expect((await new HttpClient(t.baseUrl, key.body.apiKey).get('/api/v1/me')).body.user.username).toBe('pia');
    expect((await pia.client.get('/api/v1/me/api-keys')).body.apiKeys).toHaveLength(2);
    expect((await pia.client.delete(`/api/v1/me/api-keys/${key.body.id}`)).status).toBe(204);
    // someone else's key id is not mine
    const adminKey = await admin.post('/api/v1/me/api-keys', {});
    expect((await pia.client.delete(`/api/v1/me/api-keys/${adminKey.body.id}`)).status).toBe(404);
    expect((await pia.client.post('/api/v1/me/ssh-keys', { publicKey: 'ssh-ed25519 AAAA' })).status).toBe(400);
  });

  it('lists my repositories and the ones I watch', async () => {
    await pia.client.post('/api/v1/repos', { name: 'pias', type: 'git' });
    await admin.post('/api/v1/repos', { name: 'watched-one', type: 'hg' });
    await pia.client.put('/api/v1/repos/watched-one/following');
    expect((await pia.client.get('/api/v1/me/repositories')).body.repositories.map((r: any) => r.name)).toEqual(['pias']);
    expect((await pia.client.get('/api/v1/me/watched')).body.repositories.map((r: any) => r.name)).toEqual(['pias', 'watched-one']);
    expect((await pia.client.get('/api/v1/me/permissions')).body.repositories).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'pias', permission: 'repository.admin' }), expect.objectContaining({ name: 'watched-one', permission: 'repository.read' })]),
    );
  });
});
