import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { RepoGroup } from '../../src/repo-groups/repo-group.entity';
import { Repository } from '../../src/repos/repository.entity';
import { createTestApp, TestApp } from './utils/create-test-app';
import { HttpClient } from './utils/http-client';
import { typeOf } from './utils/vcs-clients';

describe('repository groups (REST, real disk)', () => {
  let t: TestApp;
  let admin: HttpClient;
  let gina: { id: number; client: HttpClient };
  let ruth: { id: number; client: HttpClient };
  let db: DataSource;

  beforeAll(async () => {
    t = await createTestApp();
    admin = t.admin();
    gina = await t.user('gina');
    ruth = await t.user('ruth');
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());
  const dir = (name: string) => path.join(t.reposRoot, name);

  it('top-level groups are for super-admins; the directory appears on disk', async () => {
    expect((await t.client().post('/api/v1/repo-groups', { name: 'projects' })).status).toBe(401);
    const refused = await gina.client.post('/api/v1/repo-groups', { name: 'projects' });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe('Only super-admins may create top-level repository groups');
    const created = await admin.post('/api/v1/repo-groups', { name: 'projects', description: 'All projects' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'projects', shortName: 'projects', owner: 'admin', parentId: null, repositoryCount: 0 });
    expect(existsSync(dir('projects'))).toBe(true);
    // a group created for someone else makes them its admin
    const forRuth = await admin.post('/api/v1/repo-groups', { name: 'ruths', owner: 'ruth' });
    expect(forRuth.body.owner).toBe('ruth');
    expect((await ruth.client.get('/api/v1/repo-groups/ruths')).body.permission).toBe('group.admin');
    expect((await gina.client.post('/api/v1/repo-groups', { name: 'x', owner: 'ruth' })).status).toBe(403);
    // all-digit group names and clashes are refused
    expect((await admin.post('/api/v1/repo-groups', { name: '1234' })).status).toBe(400);
    expect((await admin.post('/api/v1/repo-groups', { name: 'PROJECTS' })).status).toBe(409);
  });

  it('sub-groups: admins of the parent only; the creator gets group.admin (§4.3, §10)', async () => {
    expect((await gina.client.post('/api/v1/repo-groups', { name: 'projects/web' })).status).toBe(403);
    await admin.post('/api/v1/repo-groups/projects/permissions', { subjectType: 'user', subjectId: gina.id, permission: 'group.admin' });
    const sub = await gina.client.post('/api/v1/repo-groups', { name: 'projects/web' });
    expect(sub.status).toBe(201);
    expect(sub.body.permission).toBe('group.admin');
    const entries = await gina.client.get(`/api/v1/repo-groups/${encodeURIComponent('projects/web')}/permissions`);
    expect(entries.body.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ subject: expect.objectContaining({ name: 'default' }), permission: 'group.read' }),
        expect.objectContaining({ subject: expect.objectContaining({ name: 'gina' }), permission: 'group.admin' }),
      ]),
    );
    expect(existsSync(dir('projects/web'))).toBe(true);
    expect((await gina.client.post('/api/v1/repos', { name: 'projects/web/site', type: 'git' })).status).toBe(201);
  });

  it('renames and moves a group with everything inside, on disk and in every stored name', async () => {
    await admin.post('/api/v1/repo-groups', { name: 'archive' });
    const moved = await admin.patch(`/api/v1/repo-groups/${encodeURIComponent('projects/web')}`, { name: 'archive/www' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ name: 'archive/www', shortName: 'www' });
    expect(await typeOf(dir('archive/www/site'))).toBe('git');
    expect(existsSync(dir('projects/web'))).toBe(false);
    expect(await db.getRepository(Repository).findOneByOrFail({ name: 'archive/www/site' })).toMatchObject({ groupId: moved.body.id });
    expect((await gina.client.get(`/api/v1/repos/${encodeURIComponent('archive/www/site')}`)).status).toBe(200);
    // a non-super-admin cannot move a group to the top level, nor into a group they do not administer
    expect((await gina.client.patch(`/api/v1/repo-groups/${encodeURIComponent('archive/www')}`, { name: 'www' })).status).toBe(403);
    expect((await gina.client.patch(`/api/v1/repo-groups/${encodeURIComponent('archive/www')}`, { name: 'projects/www' })).status).toBe(200);
    expect((await admin.patch('/api/v1/repo-groups/projects', { name: 'projects/inside' })).status).toBe(400);
  });

  it('refuses to delete a group that is not empty; an empty one is archived on disk', async () => {
    const refused = await gina.client.delete(`/api/v1/repo-groups/${encodeURIComponent('projects/www')}`);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/still contains 1 repositories/);
    expect((await ruth.client.delete('/api/v1/repo-groups/archive')).status).toBe(403);
    expect((await admin.delete('/api/v1/repo-groups/archive')).status).toBe(204);
    expect(await db.getRepository(RepoGroup).countBy({ name: 'archive' })).toBe(0);
    expect((await readdir(t.reposRoot)).some((n) => /^rm__\d{8}_\d{6}_\d{6}_GROUP_archive$/.test(n))).toBe(true);
  });

  it('applies grants recursively: none / repos / groups / all (§9), a one-time write', async () => {
    await admin.post('/api/v1/repo-groups', { name: 'tree' });
    await admin.post('/api/v1/repo-groups', { name: 'tree/a' });
    await admin.post('/api/v1/repos', { name: 'tree/r1', type: 'hg' });
    await admin.post('/api/v1/repos', { name: 'tree/a/r2', type: 'hg' });
    const perms = async () => ({
      tree: (await ruth.client.get('/api/v1/repo-groups/tree')).body.permission,
      a: (await ruth.client.get(`/api/v1/repo-groups/${encodeURIComponent('tree/a')}`)).body.permission,
      r1: (await ruth.client.get(`/api/v1/repos/${encodeURIComponent('tree/r1')}`)).body.permission,
      r2: (await ruth.client.get(`/api/v1/repos/${encodeURIComponent('tree/a/r2')}`)).body.permission,
    });
    const grant = (recursive: string) => admin.post('/api/v1/repo-groups/tree/permissions', { subjectType: 'user', subjectId: ruth.id, permission: 'group.write', recursive });
    await grant('none');
    expect(await perms()).toEqual({ tree: 'group.write', a: 'group.read', r1: 'repository.read', r2: 'repository.read' });
    await grant('repos');
    expect(await perms()).toEqual({ tree: 'group.write', a: 'group.read', r1: 'repository.write', r2: 'repository.write' });
    await admin.delete(`/api/v1/repo-groups/tree/permissions?subjectType=user&subjectId=${ruth.id}&recursive=all`);
    expect(await perms()).toEqual({ tree: 'group.read', a: 'group.read', r1: 'repository.read', r2: 'repository.read' });
    await grant('groups');
    expect(await perms()).toEqual({ tree: 'group.write', a: 'group.write', r1: 'repository.read', r2: 'repository.read' });
    await grant('all');
    // a repository added later gets only its own defaults (§14 #18)
    await admin.post('/api/v1/repos', { name: 'tree/r3', type: 'hg' });
    expect((await ruth.client.get(`/api/v1/repos/${encodeURIComponent('tree/r3')}`)).body.permission).toBe('repository.read');
  });

  it('a group admin who is not a super-admin cannot change their own entry', async () => {
    const own = await gina.client.post('/api/v1/repo-groups/projects/permissions', { subjectType: 'user', subjectId: gina.id, permission: 'group.read' });
    expect(own.status).toBe(403);
    expect(own.body.message).toBe('You cannot change your own permission on this group');
  });

  it('lists the groups a user administers', async () => {
    const list = await gina.client.get('/api/v1/repo-groups');
    expect(list.body.items.map((g: any) => g.name)).toEqual(['projects', 'projects/www']);
    expect((await ruth.client.get('/api/v1/repo-groups')).body.items.map((g: any) => g.name)).toEqual(['ruths']);
  });
});
