import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { UserLog } from '../../src/journal/user-log.entity';
import { Repository } from '../../src/repos/repository.entity';
import { createTestApp, TestApp } from './utils/create-test-app';
import { HttpClient } from './utils/http-client';
import { git, pushCommits, typeOf } from './utils/vcs-clients';

describe('repositories (REST, real disk, real git and hg)', () => {
  let t: TestApp;
  let admin: HttpClient;
  let alice: { id: number; client: HttpClient };
  let bob: { id: number; client: HttpClient };
  let db: DataSource;

  beforeAll(async () => {
    t = await createTestApp();
    admin = t.admin();
    alice = await t.user('alice');
    bob = await t.user('bob');
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  const dir = (name: string) => path.join(t.reposRoot, name);
  const setDefaults = (body: Record<string, unknown>) => admin.put('/api/v1/admin/default-permissions', body);

  it('creates hg and git repositories at the top level, owned and followed by the creator, journaled', async () => {
    const hgRes = await alice.client.post('/api/v1/repos', { name: 'alice-hg', type: 'hg', description: 'Alice hg' });
    expect(hgRes.status).toBe(201);
    expect(hgRes.body).toMatchObject({ name: 'alice-hg', type: 'hg', owner: 'alice', state: 'repo_state_created', following: true, permission: 'repository.admin', tip: null });
    expect(await typeOf(dir('alice-hg'))).toBe('hg');
    expect(existsSync(path.join(dir('alice-hg'), '.hg'))).toBe(true);

    const gitRes = await alice.client.post('/api/v1/repos', { name: 'alice-git', type: 'git' });
    expect(gitRes.status).toBe(201);
    expect(gitRes.body.description).toBe('alice-git');
    expect(await typeOf(dir('alice-git'))).toBe('git');

    const log = await db.getRepository(UserLog).findOneByOrFail({ repositoryName: 'alice-git', action: 'user_created_repo' });
    expect(log.username).toBe('alice');
  });

  it('refuses anonymous creators, bad names, clashes and missing groups with clear messages', async () => {
    expect((await t.client().post('/api/v1/repos', { name: 'anon' })).status).toBe(401);
    const bad = await alice.client.post('/api/v1/repos', { name: 'bad name' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/name/i);
    expect((await alice.client.post('/api/v1/repos', { name: '_admin' })).status).toBe(400);
    expect((await alice.client.post('/api/v1/repos', { name: '../escape' })).status).toBe(400);
    const clash = await bob.client.post('/api/v1/repos', { name: 'ALICE-HG' });
    expect(clash.status).toBe(409);
    const missing = await alice.client.post('/api/v1/repos', { name: 'nogroup/x' });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toBe('Repository group nogroup does not exist');
    expect(await db.getRepository(Repository).countBy({ name: 'anon' })).toBe(0);
  });

  it('top-level creation follows hg.create.* (§5.2: a user entry can raise the default, not lower it)', async () => {
    expect((await setDefaults({ createRepository: 'hg.create.none' })).status).toBe(200);
    try {
      const refused = await bob.client.post('/api/v1/repos', { name: 'bob-top' });
      expect(refused.status).toBe(403);
      expect(refused.body.message).toBe('You may not create top-level repositories');
      expect((await admin.put(`/api/v1/users/${bob.id}/global-permissions`, { createRepository: true, createUserGroup: false, fork: false })).status).toBe(200);
      expect((await bob.client.post('/api/v1/repos', { name: 'bob-top', type: 'git' })).status).toBe(201);
    } finally {
      await setDefaults({ createRepository: 'hg.create.repository' });
    }
  });

  it('inside a group: admin of the group, or write with create-on-write; never read only (§10, §14 #13, #14)', async () => {
    expect((await admin.post('/api/v1/repo-groups', { name: 'team' })).status).toBe(201);
    expect((await admin.post('/api/v1/repo-groups', { name: 'team/sub' })).status).toBe(201);
    const refused = await bob.client.post('/api/v1/repos', { name: 'team/bob1' });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe('You may not create repositories in team');

    await admin.post('/api/v1/repo-groups/team/permissions', { subjectType: 'user', subjectId: bob.id, permission: 'group.write' });
    expect((await bob.client.post('/api/v1/repos', { name: 'team/bob1', type: 'git' })).status).toBe(201);
    await setDefaults({ createOnWriteRepoGroup: 'hg.create.write_on_repogroup.false' });
    try {
      expect((await bob.client.post('/api/v1/repos', { name: 'team/bob2' })).status).toBe(403);
      await admin.post('/api/v1/repo-groups/team/permissions', { subjectType: 'user', subjectId: bob.id, permission: 'group.admin' });
      expect((await bob.client.post('/api/v1/repos', { name: 'team/bob2', type: 'hg' })).status).toBe(201);
      // admin on team gives nothing in team/sub (only the immediate parent counts)
      expect((await bob.client.post('/api/v1/repos', { name: 'team/sub/bob3' })).status).toBe(403);
    } finally {
      await setDefaults({ createOnWriteRepoGroup: 'hg.create.write_on_repogroup.true' });
    }
    expect(await typeOf(dir('team/bob2'))).toBe('hg');
  });

  it('imports a repository from a clone URI; local sources only when the site allows them', async () => {
    const source = await mkdtemp(path.join(tmpdir(), 'grove-import-src-'));
    await git(['init', '-q', '--bare', source]);
    const ids = await pushCommits('git', source, 3, 'imported');
    const refused = await alice.client.post('/api/v1/repos', { name: 'imported', type: 'git', cloneUri: source });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/Local repositories may not be used/);
    expect(await db.getRepository(Repository).countBy({ name: 'imported' })).toBe(0);

    await admin.patch('/api/v1/admin/settings', { cloneUriAllowLocal: true });
    try {
      const res = await alice.client.post('/api/v1/repos', { name: 'imported', type: 'git', cloneUri: source });
      expect(res.status).toBe(201);
      expect(res.body.tip).toMatchObject({ rawId: ids[2], message: expect.stringMatching(/^imported 3/) });
      expect(res.body.cloneUri).toBe(source);
      expect((await git(['--git-dir', dir('imported'), 'rev-parse', 'refs/heads/master'])).trim()).toBe(ids[2]);

      const broken = await alice.client.post('/api/v1/repos', { name: 'broken-import', type: 'git', cloneUri: path.join(source, 'nope') });
      expect(broken.status).toBeGreaterThanOrEqual(400);
      expect(await db.getRepository(Repository).countBy({ name: 'broken-import' })).toBe(0);
      expect(existsSync(dir('broken-import'))).toBe(false);
    } finally {
      await admin.patch('/api/v1/admin/settings', { cloneUriAllowLocal: false });
    }
  });

  it('hides private repositories: 404 for signed-in users without access, 401 for anonymous', async () => {
    expect((await alice.client.post('/api/v1/repos', { name: 'alice-private', private: true, type: 'git' })).status).toBe(201);
    expect((await bob.client.get('/api/v1/repos/alice-private')).status).toBe(404);
    expect((await t.client().get('/api/v1/repos/alice-private')).status).toBe(401);
    expect((await admin.get('/api/v1/repos/alice-private')).body.permission).toBe('repository.admin');
    const entries = await alice.client.get('/api/v1/repos/alice-private/permissions');
    expect(entries.body.entries[0]).toMatchObject({ subject: { type: 'user', name: 'default', isDefault: true }, permission: 'repository.none' });
    await alice.client.post('/api/v1/repos/alice-private/permissions', { subjectType: 'user', subjectId: bob.id, permission: 'repository.read' });
    expect((await bob.client.get('/api/v1/repos/alice-private')).body.permission).toBe('repository.read');
  });

  it('reaches repositories by their permanent _<id> name', async () => {
    const { body } = await alice.client.get('/api/v1/repos/alice-git');
    const byId = await t.client().get(`/api/v1/repos/_${body.id}`);
    expect(byId.status).toBe(200);
    expect(byId.body.name).toBe('alice-git');
  });

  it('forks: a server-side clone owned by the forker, with the fork permission and read on the source', async () => {
    const ids = await pushCommits('git', dir('alice-git'), 2, 'upstream');
    const fork = await bob.client.post('/api/v1/repos/alice-git/forks', { name: 'bob-fork' });
    expect(fork.status).toBe(201);
    expect(fork.body).toMatchObject({ owner: 'bob', forkOf: { name: 'alice-git' }, type: 'git', description: 'fork of repository: alice-git' });
    expect((await git(['--git-dir', dir('bob-fork'), 'rev-parse', 'refs/heads/master'])).trim()).toBe(ids[1]);
    expect((await alice.client.get('/api/v1/repos/alice-git')).body.forks).toBe(1);
    const journal = await db.getRepository(UserLog).findOneByOrFail({ action: 'user_forked_repo:bob-fork' });
    expect(journal.repositoryName).toBe('alice-git');

    expect((await t.client().post('/api/v1/repos/alice-git/forks', { name: 'anon-fork' })).status).toBe(401);
    const carol = await t.user('carol');
    expect((await carol.client.post('/api/v1/repos/alice-private/forks', { name: 'sneaky' })).status).toBe(404);
    await setDefaults({ fork: 'hg.fork.none' });
    try {
      expect((await carol.client.post('/api/v1/repos/alice-git/forks', { name: 'carol-fork' })).status).toBe(403);
    } finally {
      await setDefaults({ fork: 'hg.fork.repository' });
    }
  });

  it('settings need admin: read-only 403, hidden 404; privacy writes the default entry; moves happen on disk', async () => {
    expect((await bob.client.patch('/api/v1/repos/alice-hg', { description: 'x' })).status).toBe(403);
    const carol = await t.user('carol2');
    expect((await carol.client.patch('/api/v1/repos/alice-private', { description: 'x' })).status).toBe(404);

    const updated = await alice.client.patch('/api/v1/repos/alice-hg', { description: 'New words', private: true, landingRevision: 'branch:default' });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ description: 'New words', private: true, landingRevision: 'branch:default' });
    const entries = await alice.client.get('/api/v1/repos/alice-hg/permissions');
    expect(entries.body.entries.find((e: any) => e.subject.isDefault).permission).toBe('repository.none');
    // making it public again does not restore the default entry (§7, §14 #8)
    await alice.client.patch('/api/v1/repos/alice-hg', { private: false });
    expect((await bob.client.get('/api/v1/repos/alice-hg')).status).toBe(404);

    const renamed = await alice.client.patch('/api/v1/repos/alice-hg', { name: 'alice-hg-renamed' });
    expect(renamed.status).toBe(200);
    expect(existsSync(dir('alice-hg'))).toBe(false);
    expect(await typeOf(dir('alice-hg-renamed'))).toBe('hg');

    const intoTeam = await alice.client.patch('/api/v1/repos/alice-hg-renamed', { name: 'team/alice-hg' });
    expect(intoTeam.status).toBe(403);
    expect(await typeOf(dir('alice-hg-renamed'))).toBe('hg');
    await admin.post('/api/v1/repo-groups/team/permissions', { subjectType: 'user', subjectId: alice.id, permission: 'group.admin' });
    const moved = await alice.client.patch('/api/v1/repos/alice-hg-renamed', { name: 'team/alice-hg' });
    expect(moved.status).toBe(200);
    expect(moved.body.group).toMatchObject({ name: 'team' });
    expect(await typeOf(dir('team/alice-hg'))).toBe('hg');
    expect(existsSync(dir('alice-hg-renamed'))).toBe(false);
  });

  it('changes disk and database together: a failing disk step leaves the database unchanged', async () => {
    await git(['init', '-q', '--bare', dir('stray')]);
    const create = await alice.client.post('/api/v1/repos', { name: 'stray', type: 'git' });
    expect(create.status).toBe(409);
    expect(create.body.message).toMatch(/already exists/);
    expect(await db.getRepository(Repository).countBy({ name: 'stray' })).toBe(0);

    await mkdir(dir('occupied'));
    const rename = await alice.client.patch('/api/v1/repos/alice-git', { name: 'occupied' });
    expect(rename.status).toBe(409);
    expect(await db.getRepository(Repository).countBy({ name: 'alice-git' })).toBe(1);
    expect(await typeOf(dir('alice-git'))).toBe('git');
  });

  it('deletes by archiving as rm__<stamp>__<name>; forks must be detached or deleted first', async () => {
    const refused = await alice.client.delete('/api/v1/repos/alice-git');
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/fork/);
    expect((await bob.client.delete('/api/v1/repos/alice-git?forks=detach')).status).toBe(403);
    expect((await alice.client.delete('/api/v1/repos/alice-git?forks=detach')).status).toBe(204);
    expect((await alice.client.get('/api/v1/repos/alice-git')).status).toBe(404);
    expect((await bob.client.get('/api/v1/repos/bob-fork')).body.forkOf).toBeNull();
    expect(existsSync(dir('alice-git'))).toBe(false);
    const archived = (await readdir(t.reposRoot)).filter((n) => /^rm__\d{8}_\d{6}_\d{6}__alice-git$/.test(n));
    expect(archived).toHaveLength(1);
    expect(await typeOf(dir(archived[0]!))).toBe('git');
    expect(await db.getRepository(UserLog).countBy({ repositoryName: 'alice-git', action: 'admin_deleted_repo' })).toBe(1);
  });

  it('follows and unfollows', async () => {
    expect((await bob.client.put('/api/v1/repos/alice-private/following')).status).toBe(204);
    const followed = await bob.client.get('/api/v1/repos/alice-private');
    expect(followed.body).toMatchObject({ following: true, followers: 2 });
    expect((await bob.client.delete('/api/v1/repos/alice-private/following')).status).toBe(204);
    expect((await bob.client.get('/api/v1/repos/alice-private')).body.following).toBe(false);
    expect((await t.client().put('/api/v1/repos/bob-fork/following')).status).toBe(401);
  });

  it('extra fields exist only when the site enables them', async () => {
    const disabled = await alice.client.post('/api/v1/repos/alice-private/fields', { key: 'ticket', label: 'Ticket' });
    expect(disabled.status).toBe(400);
    await admin.patch('/api/v1/admin/settings', { repositoryFields: true });
    try {
      expect((await alice.client.post('/api/v1/repos/alice-private/fields', { key: 'ticket', label: 'Ticket' })).status).toBe(204);
      expect((await alice.client.post('/api/v1/repos/alice-private/fields', { key: 'ticket' })).status).toBe(409);
      expect((await alice.client.patch('/api/v1/repos/alice-private', { fields: { ticket: 'JIRA-1' } })).body.fields).toEqual([
        { key: 'ticket', label: 'Ticket', description: '', type: 'str', value: 'JIRA-1' },
      ]);
      expect((await alice.client.patch('/api/v1/repos/alice-private', { fields: { nope: 'x' } })).status).toBe(400);
      expect((await alice.client.delete('/api/v1/repos/alice-private/fields/ticket')).status).toBe(204);
    } finally {
      await admin.patch('/api/v1/admin/settings', { repositoryFields: false });
    }
  });

  it('permission pages: admins grant users and readable user groups; the default entry cannot be revoked', async () => {
    expect((await bob.client.get('/api/v1/repos/bob-fork/permissions')).status).toBe(200);
    expect((await alice.client.get('/api/v1/repos/bob-fork/permissions')).status).toBe(403);
    const granted = await bob.client.post('/api/v1/repos/bob-fork/permissions', { subjectType: 'user', subjectId: alice.id, permission: 'repository.write' });
    expect(granted.body.entries).toEqual(expect.arrayContaining([{ subject: { type: 'user', id: alice.id, name: 'alice', isDefault: false }, permission: 'repository.write' }]));
    expect((await alice.client.get('/api/v1/repos/bob-fork')).body.permission).toBe('repository.write');

    const group = await admin.post('/api/v1/user-groups', { name: 'hidden-group' });
    const defaultId = (await bob.client.get('/api/v1/repos/bob-fork/permissions')).body.entries[0].subject.id;
    await admin.post(`/api/v1/user-groups/${group.body.id}/permissions`, { subjectType: 'user', subjectId: defaultId, permission: 'usergroup.none' });
    expect((await bob.client.post('/api/v1/repos/bob-fork/permissions', { subjectType: 'user_group', subjectId: group.body.id, permission: 'repository.read' })).status).toBe(404);
    await admin.post(`/api/v1/user-groups/${group.body.id}/permissions`, { subjectType: 'user', subjectId: bob.id, permission: 'usergroup.read' });
    expect((await bob.client.post('/api/v1/repos/bob-fork/permissions', { subjectType: 'user_group', subjectId: group.body.id, permission: 'repository.read' })).status).toBe(201);

    const revokeDefault = await bob.client.delete(`/api/v1/repos/bob-fork/permissions?subjectType=user&subjectId=${defaultId}`);
    expect(revokeDefault.status).toBe(409);
    const revoked = await bob.client.delete(`/api/v1/repos/bob-fork/permissions?subjectType=user&subjectId=${alice.id}`);
    expect(revoked.body.entries.some((e: any) => e.subject.id === alice.id && e.subject.type === 'user')).toBe(false);
    expect((await alice.client.get('/api/v1/repos/bob-fork')).body.permission).toBe('repository.read');
  });
});
