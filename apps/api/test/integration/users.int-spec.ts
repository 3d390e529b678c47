import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { UserLog } from '../../src/journal/user-log.entity';
import { createTestApp, TestApp } from './utils/create-test-app';
import { HttpClient } from './utils/http-client';

/** A fresh key pair from OpenSSH's ssh-keygen, with OpenSSH's own fingerprint of it. */
function sshKey(comment: string): { line: string; fingerprint: string } {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'grove-key-')), 'id');
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', file]);
  const fingerprint = /SHA256:(\S+)/.exec(execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', `${file}.pub`], { encoding: 'utf8' }))![1]!;
  return { line: readFileSync(`${file}.pub`, 'utf8'), fingerprint };
}

describe('users administration (REST)', () => {
  let t: TestApp;
  let admin: HttpClient;
  let nina: { id: number; client: HttpClient; apiKey: string };
  let otto: { id: number; client: HttpClient };

  beforeAll(async () => {
    t = await createTestApp();
    admin = t.admin();
    nina = await t.user('nina');
    otto = await t.user('otto');
  });
  afterAll(() => t.close());

  it('every user administration route is for super-admins only', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/users'],
      ['GET', `/api/v1/users/${otto.id}`],
      ['PATCH', `/api/v1/users/${otto.id}`],
      ['DELETE', `/api/v1/users/${otto.id}`],
      ['GET', `/api/v1/users/${otto.id}/api-keys`],
      ['POST', `/api/v1/users/${otto.id}/ips`],
      ['GET', `/api/v1/users/${otto.id}/permissions`],
    ] as const) {
      const json = method === 'GET' ? undefined : {};
      expect({ url, method, status: (await nina.client.request(method, url, { json })).status }).toEqual({ url, method, status: 403 });
      expect({ url, method, status: (await t.client().request(method, url, { json })).status }).toEqual({ url, method, status: 401 });
    }
  });

  it('extra e-mails log in too and must be unique across users', async () => {
    const added = await admin.post(`/api/v1/users/${nina.id}/emails`, { email: 'Nina.Alt@Example.com' });
    expect(added.body.email).toBe('nina.alt@example.com');
    expect((await admin.post(`/api/v1/users/${otto.id}/emails`, { email: 'nina.alt@example.com' })).status).toBe(409);
    expect((await admin.post(`/api/v1/users/${otto.id}/emails`, { email: 'nina@example.com' })).status).toBe(409);
    expect((await t.client().login('nina.alt@example.com', 'pw-nina-1')).status).toBe(200);
    expect((await admin.delete(`/api/v1/users/${nina.id}/emails/${added.body.id}`)).status).toBe(204);
    expect((await t.client().login('nina.alt@example.com', 'pw-nina-1')).status).toBe(401);
  });

  it('IP allow-lists: a personal list restricts while no global list exists (§11, §14 #20)', async () => {
    const bad = await admin.post(`/api/v1/users/${otto.id}/ips`, { ipAddr: '300.1.1.1' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^ipAddr:/);
    const elsewhere = await admin.post(`/api/v1/users/${otto.id}/ips`, { ipAddr: '10.0.0.0/8' });
    expect(elsewhere.body).toMatchObject({ ipAddr: '10.0.0.0/8', start: '10.0.0.0', end: '10.255.255.255' });
    const refused = await otto.client.get('/api/v1/me');
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe('Access from your IP address (127.0.0.1) is not allowed');
    expect((await nina.client.get('/api/v1/me')).status).toBe(200);
    const local = await admin.post(`/api/v1/users/${otto.id}/ips`, { ipAddr: '127.0.0.1' });
    expect(local.body.ipAddr).toBe('127.0.0.1/32');
    expect((await otto.client.get('/api/v1/me')).status).toBe(200);
    await admin.delete(`/api/v1/users/${otto.id}/ips/${elsewhere.body.id}`);
    await admin.delete(`/api/v1/users/${otto.id}/ips/${local.body.id}`);
  });

  it('API keys: extra keys with an expiry, revocable; expired keys stop working; the built-in key can be reset', async () => {
    const created = await admin.post(`/api/v1/users/${nina.id}/api-keys`, { description: 'ci', lifetimeMinutes: 60 });
    expect(created.body).toMatchObject({ description: 'ci', builtin: false, expired: false });
    expect((await new HttpClient(t.baseUrl, created.body.apiKey).get('/api/v1/me')).body.user.username).toBe('nina');
    const list = await admin.get(`/api/v1/users/${nina.id}/api-keys`);
    expect(list.body.apiKeys.map((k: any) => k.builtin)).toEqual([true, false]);
    expect((await admin.delete(`/api/v1/users/${nina.id}/api-keys/${created.body.id}`)).status).toBe(204);
    expect((await new HttpClient(t.baseUrl, created.body.apiKey).get('/api/v1/me')).status).toBe(403);

    // an expired key (written as Kallithea stores them: expiry in Unix seconds)
    const expiring = await admin.post(`/api/v1/users/${nina.id}/api-keys`, { lifetimeMinutes: 1 });
    await t.app.get(DataSource).query(`UPDATE user_api_keys SET expires = ${Math.floor(Date.now() / 1000) - 10} WHERE user_api_key_id = ${expiring.body.id}`);
    expect((await new HttpClient(t.baseUrl, expiring.body.apiKey).get('/api/v1/me')).status).toBe(403);
    expect((await admin.get(`/api/v1/users/${nina.id}/api-keys`)).body.apiKeys.find((k: any) => k.id === expiring.body.id).expired).toBe(true);

    const reset = await admin.post(`/api/v1/users/${nina.id}/api-keys/builtin/reset`);
    expect(reset.body.apiKey).toMatch(/^[0-9a-f]{40}$/);
    expect((await nina.client.get('/api/v1/me')).status).toBe(403);
    nina.client = new HttpClient(t.baseUrl, reset.body.apiKey);
    expect((await nina.client.get('/api/v1/me')).status).toBe(200);
  });

  it('SSH keys: validated, fingerprinted, owned by one user only', async () => {
    const key = sshKey('nina@laptop');
    const added = await admin.post(`/api/v1/users/${nina.id}/ssh-keys`, { publicKey: key.line });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ description: 'nina@laptop', keyType: 'ssh-ed25519' });
    expect(added.body.fingerprint).toBe(key.fingerprint);
    const again = await admin.post(`/api/v1/users/${otto.id}/ssh-keys`, { publicKey: key.line });
    expect(again.status).toBe(409);
    expect((await admin.post(`/api/v1/users/${otto.id}/ssh-keys`, { publicKey: 'ssh-rsa nonsense' })).status).toBe(400);
    expect((await admin.get(`/api/v1/users/${nina.id}/ssh-keys`)).body.sshKeys).toHaveLength(1);
    expect((await admin.delete(`/api/v1/users/${nina.id}/ssh-keys/${added.body.id}`)).status).toBe(204);
  });

  it('shows effective permissions', async () => {
    await admin.post('/api/v1/repos', { name: 'secret', type: 'git', private: true });
    await admin.post('/api/v1/repos/secret/permissions', { subjectType: 'user', subjectId: otto.id, permission: 'repository.write' });
    const summary = await admin.get(`/api/v1/users/${otto.id}/permissions`);
    expect(summary.body.repositories).toEqual([{ id: expect.any(Number), name: 'secret', permission: 'repository.write' }]);
    expect(summary.body.global).toEqual(expect.arrayContaining(['hg.create.repository', 'hg.fork.repository', 'repository.read']));
    expect((await admin.get(`/api/v1/users/${nina.id}/permissions`)).body.repositories).toEqual([{ id: expect.any(Number), name: 'secret', permission: 'repository.none' }]);
  });

  it('refuses to delete a user who owns things unless they are reassigned', async () => {
    expect((await otto.client.post('/api/v1/repos', { name: 'ottos', type: 'hg' })).status).toBe(201);
    const refused = await admin.delete(`/api/v1/users/${otto.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/owns 1 repositories/);
    expect((await admin.delete(`/api/v1/users/${otto.id}?reassignTo=nobody`)).status).toBe(400);
    expect((await admin.delete(`/api/v1/users/${otto.id}?reassignTo=nina`)).status).toBe(204);
    expect((await admin.get('/api/v1/repos/ottos')).body.owner).toBe('nina');
    expect((await admin.get(`/api/v1/users/${otto.id}`)).status).toBe(404);
    // journal rows keep the name of the deleted user
    const logs = await t.app.get(DataSource).getRepository(UserLog).findBy({ username: 'otto' });
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.every((l) => l.userId === null)).toBe(true);
    const me = await admin.get('/api/v1/me');
    expect((await admin.delete(`/api/v1/users/${me.body.user.id}`)).status).toBe(409);
  });
});
