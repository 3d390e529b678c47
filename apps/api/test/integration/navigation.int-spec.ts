import { createTestApp, TestApp } from './utils/create-test-app';
import { HttpClient } from './utils/http-client';

describe('navigation helpers: path resolution, site facts, the small permission summary', () => {
  let t: TestApp;
  let admin: HttpClient;
  let sam: { id: number; client: HttpClient };
  let ids: Record<string, number>;

  beforeAll(async () => {
    t = await createTestApp();
    admin = t.admin();
    sam = await t.user('sam');
    await admin.post('/api/v1/repo-groups', { name: 'a' });
    await admin.post('/api/v1/repo-groups', { name: 'a/b' });
    ids = {
      top: (await admin.post('/api/v1/repos', { name: 'a/top', type: 'git' })).body.id,
      deep: (await admin.post('/api/v1/repos', { name: 'a/b/deep', type: 'hg' })).body.id,
      hidden: (await admin.post('/api/v1/repos', { name: 'hidden', type: 'git', private: true })).body.id,
    };
    await admin.post('/api/v1/repos/a%2Ftop/permissions', { subjectType: 'user', subjectId: sam.id, permission: 'repository.admin' });
  });
  afterAll(() => t.close());

  const resolve = (client: HttpClient, path: string) => client.get(`/api/v1/resolve?path=${encodeURIComponent(path)}`);

  it('resolves the shortest repository prefix, the page within it, groups and permanent ids', async () => {
    expect((await resolve(sam.client, 'a/top/files/tip/x.txt')).body).toEqual({ type: 'repository', id: ids.top, name: 'a/top', rest: 'files/tip/x.txt', permission: 'repository.admin' });
    expect((await resolve(sam.client, 'a/b/deep')).body).toMatchObject({ type: 'repository', name: 'a/b/deep', rest: '', permission: 'repository.read' });
    expect((await resolve(sam.client, `_${ids.deep}/changelog`)).body).toMatchObject({ type: 'repository', name: 'a/b/deep', rest: 'changelog' });
    expect((await resolve(sam.client, 'a/b/')).body).toEqual({ type: 'group', id: expect.any(Number), name: 'a/b' });
    expect((await resolve(sam.client, 'nothing/here')).body).toEqual({ type: 'none' });
  });

  it('hides repositories the caller may not read', async () => {
    expect((await resolve(sam.client, 'hidden/settings')).status).toBe(404);
    expect((await resolve(t.client(), 'hidden')).status).toBe(401);
    expect((await resolve(admin, 'hidden')).body.type).toBe('repository');
  });

  it('tells the SPA the site facts it needs before anything else', async () => {
    await admin.patch('/api/v1/admin/settings', { repositoryFields: true, defaultRepoType: 'git', defaultRepoPrivate: true });
    const site = await t.client().get('/api/v1/site');
    expect(site.body).toMatchObject({ repositoryFields: true, repositoryDefaults: { type: 'git', private: true, enableStatistics: false, enableDownloads: false } });
  });

  it('the small permission summary lists only administered repositories but every group', async () => {
    const small = await sam.client.get('/api/v1/me/permissions?repositories=admin');
    expect(small.body.repositories).toEqual([{ id: ids.top, name: 'a/top', permission: 'repository.admin' }]);
    expect(small.body.repoGroups.map((g: any) => g.name)).toEqual(['a', 'a/b']);
    const full = await sam.client.get('/api/v1/me/permissions');
    expect(full.body.repositories.map((r: any) => r.name)).toEqual(['a/b/deep', 'a/top', 'hidden']);
    expect((await sam.client.get('/api/v1/me/permissions?repositories=some')).status).toBe(400);
  });
});
