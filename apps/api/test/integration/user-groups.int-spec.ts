import { createTestApp, TestApp } from './utils/create-test-app';
import { HttpClient } from './utils/http-client';

describe('user groups (REST)', () => {
  let t: TestApp;
  let admin: HttpClient;
  let uma: { id: number; client: HttpClient };
  let vic: { id: number; client: HttpClient };
  let wes: { id: number; client: HttpClient };

  beforeAll(async () => {
    t = await createTestApp();
    admin = t.admin();
    uma = await t.user('uma');
    vic = await t.user('vic');
    wes = await t.user('wes');
  });
  afterAll(() => t.close());

  it('only super-admins and holders of hg.usergroup.create.true create user groups; the owner administers it', async () => {
    expect((await t.client().post('/api/v1/user-groups', { name: 'devs' })).status).toBe(401);
    const refused = await uma.client.post('/api/v1/user-groups', { name: 'devs' });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe('You may not create user groups');
    await admin.put(`/api/v1/users/${uma.id}/global-permissions`, { createRepository: false, createUserGroup: true, fork: false });
    const created = await uma.client.post('/api/v1/user-groups', { name: 'devs', description: 'Developers' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'devs', owner: 'uma', active: true, memberCount: 0, permission: 'usergroup.admin' });
    expect((await uma.client.post('/api/v1/user-groups', { name: 'DEVS' })).status).toBe(409);
    expect((await uma.client.post('/api/v1/user-groups', { name: 'x' })).status).toBe(400);
  });

  it('manages members; only admins of the group may', async () => {
    expect((await vic.client.put('/api/v1/user-groups/devs/members', { userIds: [vic.id] })).status).toBe(403);
    const set = await uma.client.put('/api/v1/user-groups/devs/members', { userIds: [vic.id, wes.id] });
    expect(set.body.members.map((m: any) => m.username)).toEqual(['vic', 'wes']);
    expect((await uma.client.delete(`/api/v1/user-groups/devs/members/${wes.id}`)).status).toBe(204);
    expect((await uma.client.put(`/api/v1/user-groups/devs/members/${uma.id}`)).status).toBe(204);
    expect((await vic.client.get('/api/v1/user-groups/devs/members')).body.members.map((m: any) => m.username)).toEqual(['uma', 'vic']);
    expect((await uma.client.put('/api/v1/user-groups/devs/members', { userIds: [99999] })).status).toBe(400);
  });

  it("members get the group's permissions on repositories, only while the group is active (§5.3, §14 #5)", async () => {
    await admin.post('/api/v1/repos', { name: 'closed', type: 'git', private: true });
    const group = await admin.get('/api/v1/user-groups/devs');
    await admin.post('/api/v1/repos/closed/permissions', { subjectType: 'user_group', subjectId: group.body.id, permission: 'repository.write' });
    expect((await vic.client.get('/api/v1/repos/closed')).body.permission).toBe('repository.write');
    expect((await wes.client.get('/api/v1/repos/closed')).status).toBe(404);
    await uma.client.patch('/api/v1/user-groups/devs', { active: false });
    expect((await vic.client.get('/api/v1/repos/closed')).status).toBe(404);
    await uma.client.patch('/api/v1/user-groups/devs', { active: true });
  });

  it("a group's global permissions raise its members' (§5.2, §14 #17)", async () => {
    await admin.put('/api/v1/admin/default-permissions', { createRepository: 'hg.create.none' });
    try {
      expect((await vic.client.post('/api/v1/repos', { name: 'vics', type: 'git' })).status).toBe(403);
      expect((await uma.client.put('/api/v1/user-groups/devs/global-permissions', { createRepository: true, createUserGroup: false, fork: true })).status).toBe(200);
      expect((await vic.client.post('/api/v1/repos', { name: 'vics', type: 'git' })).status).toBe(201);
      expect((await uma.client.get('/api/v1/user-groups/devs/global-permissions')).body).toEqual({ createRepository: true, createUserGroup: false, fork: true });
    } finally {
      await admin.put('/api/v1/admin/default-permissions', { createRepository: 'hg.create.repository' });
    }
  });

  it('controls who may see and administer the group; a group cannot target itself', async () => {
    const group = (await admin.get('/api/v1/user-groups/devs')).body;
    const defaultId = (await uma.client.get('/api/v1/user-groups/devs/permissions')).body.entries.find((e: any) => e.subject.isDefault).subject.id;
    await uma.client.post('/api/v1/user-groups/devs/permissions', { subjectType: 'user', subjectId: defaultId, permission: 'usergroup.none' });
    expect((await wes.client.get('/api/v1/user-groups/devs')).status).toBe(404);
    expect((await wes.client.get('/api/v1/user-groups')).body.items).toEqual([]);
    await uma.client.post('/api/v1/user-groups/devs/permissions', { subjectType: 'user', subjectId: wes.id, permission: 'usergroup.admin' });
    expect((await wes.client.patch('/api/v1/user-groups/devs', { description: 'by wes' })).status).toBe(200);
    expect((await uma.client.post('/api/v1/user-groups/devs/permissions', { subjectType: 'user_group', subjectId: group.id, permission: 'usergroup.read' })).status).toBe(400);
    expect((await uma.client.delete(`/api/v1/user-groups/devs/permissions?subjectType=user&subjectId=${defaultId}`)).status).toBe(409);
  });

  it('refuses to delete a group holding repository permissions unless forced', async () => {
    const refused = await uma.client.delete('/api/v1/user-groups/devs');
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/permissions on 1 repositories/);
    expect((await vic.client.delete('/api/v1/user-groups/devs?force=true')).status).toBe(404);
    expect((await uma.client.delete('/api/v1/user-groups/devs?force=true')).status).toBe(204);
    expect((await admin.get('/api/v1/user-groups/devs')).status).toBe(404);
    expect((await vic.client.get('/api/v1/repos/closed')).status).toBe(404);
  });
});
