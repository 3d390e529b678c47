import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { ADMIN, createTestApp, TestApp } from './utils/create-test-app';
import { HttpClient } from './utils/http-client';
import { git, hg, pushCommits } from './utils/vcs-clients';

describe('administration (REST)', () => {
  let t: TestApp;
  let admin: HttpClient;
  let quinn: { id: number; client: HttpClient };

  beforeAll(async () => {
    t = await createTestApp({ GROVE_TRUSTED_PROXIES: '127.0.0.1' });
    admin = t.admin();
    quinn = await t.user('quinn');
  });
  afterAll(() => t.close());

  it('shows and saves the default permissions; regular users are refused', async () => {
    const current = await admin.get('/api/v1/admin/default-permissions');
    expect(current.body).toEqual({
      anonymousAccess: true,
      defaultRepoPermission: 'repository.read',
      defaultRepoGroupPermission: 'group.read',
      defaultUserGroupPermission: 'usergroup.read',
      register: 'hg.register.manual_activate',
      externActivate: 'hg.extern_activate.auto',
      createRepository: 'hg.create.repository',
      createOnWriteRepoGroup: 'hg.create.write_on_repogroup.true',
      createUserGroup: 'hg.usergroup.create.false',
      fork: 'hg.fork.repository',
    });
    expect((await quinn.client.get('/api/v1/admin/default-permissions')).status).toBe(403);
    expect((await quinn.client.put('/api/v1/admin/default-permissions', { anonymousAccess: false })).status).toBe(403);
    expect((await admin.put('/api/v1/admin/default-permissions', { fork: 'hg.fork.maybe' })).status).toBe(400);
  });

  it('new objects get the new default level; "apply to all" rewrites existing ones except private repositories', async () => {
    await admin.post('/api/v1/repos', { name: 'old-public', type: 'git' });
    await admin.post('/api/v1/repos', { name: 'old-private', type: 'git', private: true });
    await admin.put('/api/v1/admin/default-permissions', { defaultRepoPermission: 'repository.write' });
    await admin.post('/api/v1/repos', { name: 'new-public', type: 'git' });
    expect((await quinn.client.get('/api/v1/repos/old-public')).body.permission).toBe('repository.read');
    expect((await quinn.client.get('/api/v1/repos/new-public')).body.permission).toBe('repository.write');
    await admin.put('/api/v1/admin/default-permissions', { defaultRepoPermission: 'repository.none', applyToAllRepositories: true });
    expect((await quinn.client.get('/api/v1/repos/old-public')).status).toBe(404);
    expect((await admin.get('/api/v1/repos/old-private/permissions')).body.entries[0].permission).toBe('repository.none');
    await admin.put('/api/v1/admin/default-permissions', { defaultRepoPermission: 'repository.read', applyToAllRepositories: true });
    expect((await quinn.client.get('/api/v1/repos/old-public')).body.permission).toBe('repository.read');
    expect((await quinn.client.get('/api/v1/repos/old-private')).status).toBe(404);
  });

  it('turns anonymous access off and on', async () => {
    expect((await t.client().get('/api/v1/repos/old-public')).status).toBe(200);
    await admin.put('/api/v1/admin/default-permissions', { anonymousAccess: false });
    expect((await t.client().get('/api/v1/repos/old-public')).status).toBe(401);
    expect((await t.client().get('/api/v1/site')).body.anonymousAccess).toBe(false);
    expect((await quinn.client.get('/api/v1/repos/old-public')).status).toBe(200);
    await admin.put('/api/v1/admin/default-permissions', { anonymousAccess: true });
  });

  it('the global IP list applies to everyone, anonymous included; personal entries widen it (§11, §14 #19, FIX-3)', async () => {
    const fromOffice = { 'x-forwarded-for': '10.1.2.3' };
    const fromHome = { 'x-forwarded-for': '192.168.7.7' };
    const fromElsewhere = { 'x-forwarded-for': '203.0.113.9' };
    // the admin's own address first, or the admin would lock itself out
    const allow127 = await admin.post('/api/v1/admin/ip-allowlist', { ipAddr: '127.0.0.1' });
    const entry = await admin.post('/api/v1/admin/ip-allowlist', { ipAddr: '10.0.0.0/8' });
    const home = await admin.post(`/api/v1/users/${quinn.id}/ips`, { ipAddr: '192.168.0.0/16' });
    try {
      expect((await quinn.client.get('/api/v1/me', fromOffice)).status).toBe(200);
      expect((await quinn.client.get('/api/v1/me', fromHome)).status).toBe(200);
      expect((await quinn.client.get('/api/v1/me', fromElsewhere)).status).toBe(403);
      expect((await t.client().get('/api/v1/repos/old-public', fromOffice)).status).toBe(200);
      expect((await t.client().get('/api/v1/repos/old-public', fromHome)).status).toBe(401);
      expect((await admin.get('/api/v1/admin/ip-allowlist')).body.ips.map((i: any) => i.ipAddr)).toEqual(['127.0.0.1/32', '10.0.0.0/8']);
    } finally {
      await admin.delete(`/api/v1/users/${quinn.id}/ips/${home.body.id}`);
      await admin.delete(`/api/v1/admin/ip-allowlist/${entry.body.id}`);
      await admin.delete(`/api/v1/admin/ip-allowlist/${allow127.body.id}`);
    }
    expect((await quinn.client.get('/api/v1/me', fromElsewhere)).status).toBe(200);
  });

  it('edits site settings', async () => {
    const saved = await admin.patch('/api/v1/admin/settings', { title: 'Our Code', defaultRepoType: 'git' });
    expect(saved.body).toMatchObject({ title: 'Our Code', defaultRepoType: 'git', repositoryFields: false });
    expect((await t.client().get('/api/v1/site')).body.title).toBe('Our Code');
    expect((await admin.post('/api/v1/repos', { name: 'typed-by-default' })).body.type).toBe('git');
    expect((await admin.patch('/api/v1/admin/settings', { unknown: 1 })).status).toBe(400);
    expect((await quinn.client.get('/api/v1/admin/settings')).status).toBe(403);
  });

  it('rescans the repositories root: imports repositories found on disk with their groups, forgets vanished ones', async () => {
    await mkdir(path.join(t.reposRoot, 'found/deeper'), { recursive: true });
    await git(['init', '-q', '--bare', path.join(t.reposRoot, 'found/deeper/g1')]);
    const ids = await pushCommits('git', path.join(t.reposRoot, 'found/deeper/g1'), 2, 'scanned');
    await hg(['init', path.join(t.reposRoot, 'found/h1')]);
    await git(['init', '-q', '--bare', path.join(t.reposRoot, 'rm__20200101_000000_000000__gone')]);
    await git(['init', '-q', '--bare', path.join(t.reposRoot, 'bad name')]);

    expect((await quinn.client.post('/api/v1/admin/repo-scan', {})).status).toBe(403);
    const scan = await admin.post('/api/v1/admin/repo-scan', {});
    expect(scan.status).toBe(200);
    expect(scan.body.added.sort()).toEqual(['found/deeper/g1', 'found/h1']);
    expect(scan.body.groupsCreated).toEqual(['found', 'found/deeper']);
    expect(scan.body.skipped).toEqual([{ name: 'bad name', reason: expect.any(String) }]);
    const g1 = await admin.get(`/api/v1/repos/${encodeURIComponent('found/deeper/g1')}`);
    expect(g1.body).toMatchObject({ type: 'git', owner: ADMIN.username, tip: { rawId: ids[1] } });
    expect((await quinn.client.get(`/api/v1/repos/${encodeURIComponent('found/h1')}`)).body.permission).toBe('repository.read');

    const again = await admin.post('/api/v1/admin/repo-scan', {});
    expect(again.body).toMatchObject({ added: [], groupsCreated: [] });

    await admin.post('/api/v1/repos', { name: 'will-vanish', type: 'hg' });
    const { rm } = await import('node:fs/promises');
    await rm(path.join(t.reposRoot, 'will-vanish'), { recursive: true });
    expect((await admin.post('/api/v1/admin/repo-scan', {})).body.removed).toEqual([]);
    expect((await admin.post('/api/v1/admin/repo-scan', { removeObsolete: true })).body.removed).toEqual(['will-vanish']);
    expect((await admin.get('/api/v1/repos/will-vanish')).status).toBe(404);
  });

  it('autocompletes users and readable user groups for pickers', async () => {
    await admin.post('/api/v1/user-groups', { name: 'quality' });
    const found = await quinn.client.get('/api/v1/users-and-groups?query=qu');
    expect(found.body.users.map((u: any) => u.username)).toEqual(['quinn']);
    expect(found.body.groups.map((g: any) => g.name)).toEqual(['quality']);
    expect((await quinn.client.get('/api/v1/users-and-groups?query=def')).body.users).toEqual([]);
    expect((await t.client().get('/api/v1/users-and-groups?query=qu')).status).toBe(401);
  });
});
