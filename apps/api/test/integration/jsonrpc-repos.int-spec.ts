// JSON-RPC repository methods on real disk with the real git and hg clients
// (spec/jsonrpc-api.md §7.5, §4 Repo/Member, §8 B2/B3/B7/B12, permissions.md §10/[FIX-2]).
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { Repository } from '../../src/repos/repository.entity';
import { createTestApp, TestApp } from './utils/create-test-app';
import { RpcClient } from './utils/jsonrpc-client';
import { rpcAdmin, rpcUser, RpcUser, setDefaultPermissions } from './utils/jsonrpc-setup';
import { git, hg, pushCommits, typeOf } from './utils/vcs-clients';

const REPO_KEYS = [
  'clone_uri',
  'created_on',
  'description',
  'enable_downloads',
  'enable_statistics',
  'fork_of',
  'landing_rev',
  'last_changeset',
  'owner',
  'private',
  'repo_id',
  'repo_name',
  'repo_type',
];

describe('JSON-RPC repositories (§7.5)', () => {
  let t: TestApp;
  let admin: RpcClient;
  let alice: RpcUser;
  let bob: RpcUser;
  let db: DataSource;

  beforeAll(async () => {
    t = await createTestApp();
    admin = rpcAdmin(t);
    alice = await rpcUser(t, 'alice');
    bob = await rpcUser(t, 'bob');
    db = t.app.get(DataSource);
    await admin.ok('create_repo_group', { group_name: 'team' });
  });
  afterAll(() => t.close());

  const dir = (name: string) => path.join(t.reposRoot, name);
  const names = (repos: Array<{ repo_name: string }>) => repos.map((r) => r.repo_name).sort();

  it('create_repo (admin): hg by default, git on request; the message, then the Repo as get_repo shows it', async () => {
    expect(await admin.ok('create_repo', { repo_name: 'plain' })).toEqual({ msg: 'Created new repository `plain`', success: true, task: null });
    expect(await typeOf(dir('plain'))).toBe('hg');
    expect(await admin.ok('create_repo', { repo_name: 'team/tool', repo_type: 'git', description: 'A tool' })).toEqual({
      msg: 'Created new repository `team/tool`',
      success: true,
      task: null,
    });
    expect(await typeOf(dir('team/tool'))).toBe('git');

    const repo = await admin.ok('get_repo', { repoid: 'plain' });
    expect(Object.keys(repo).sort()).toEqual([...REPO_KEYS, 'followers', 'members'].sort());
    expect(repo).toMatchObject({
      repo_name: 'plain',
      repo_type: 'hg',
      clone_uri: null,
      private: false,
      description: 'plain',
      landing_rev: ['rev', 'tip'],
      owner: 'admin',
      fork_of: null,
      enable_statistics: false,
      enable_downloads: false,
    });
    expect(repo.created_on).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?$/);
    const epoch = new Date(0);
    const pad = (n: number) => String(n).padStart(2, '0');
    expect(repo.last_changeset).toEqual({
      raw_id: '0'.repeat(40),
      short_id: '0'.repeat(12),
      revision: -1,
      message: '',
      author: '',
      date: `${epoch.getFullYear()}-${pad(epoch.getMonth() + 1)}-${pad(epoch.getDate())}T${pad(epoch.getHours())}:${pad(epoch.getMinutes())}:${pad(epoch.getSeconds())}`,
    });
    expect(repo.members).toEqual([{ name: 'default', type: 'user', permission: 'repository.read' }]);
    expect(repo.followers.map((u: { username: string }) => u.username)).toEqual(['admin']);
    expect((await admin.ok('get_repo', { repoid: repo.repo_id })).repo_name).toBe('plain');
    expect((await admin.ok('get_repo', { repoid: String(repo.repo_id) })).repo_name).toBe('plain');
  });

  it('create_repo honours enable_statistics and enable_downloads (§8 B2), private and the landing revision', async () => {
    await admin.ok('create_repo', { repo_name: 'flags', repo_type: 'git', enable_statistics: true, enable_downloads: true, private: true, landing_rev: 'branch:master' });
    expect(await admin.ok('get_repo', { repoid: 'flags' })).toMatchObject({
      enable_statistics: true,
      enable_downloads: true,
      private: true,
      landing_rev: ['branch', 'master'],
      members: [{ name: 'default', type: 'user', permission: 'repository.none' }],
    });
  });

  it('copy_permissions copies the parent group\'s entries (group.X → repository.X)', async () => {
    await admin.ok('create_user_group', { group_name: 'devs' });
    await admin.ok('grant_user_permission_to_repo_group', { repogroupid: 'team', userid: 'alice', perm: 'group.write' });
    await admin.ok('grant_user_group_permission_to_repo_group', { repogroupid: 'team', usergroupid: 'devs', perm: 'group.admin' });
    await admin.ok('create_repo', { repo_name: 'team/copied', repo_type: 'git', copy_permissions: true });
    expect((await admin.ok('get_repo', { repoid: 'team/copied' })).members).toEqual([
      { name: 'default', type: 'user', permission: 'repository.read' },
      { name: 'alice', type: 'user', permission: 'repository.write' },
      { name: 'devs', type: 'user_group', permission: 'repository.admin' },
    ]);
    await admin.ok('create_repo', { repo_name: 'team/not-copied', repo_type: 'git' });
    expect((await admin.ok('get_repo', { repoid: 'team/not-copied' })).members).toEqual([{ name: 'default', type: 'user', permission: 'repository.read' }]);
    await admin.ok('revoke_user_permission_from_repo_group', { repogroupid: 'team', userid: 'alice' });
    await admin.ok('revoke_user_group_permission_from_repo_group', { repogroupid: 'team', usergroupid: 'devs' });
  });

  it('extra fields appear as ex_<key> while the site has them enabled', async () => {
    expect((await t.admin().patch('/api/v1/admin/settings', { repositoryFields: true })).status).toBe(200);
    try {
      expect((await t.admin().post('/api/v1/repos/team%2Fcopied/fields', { key: 'ticket', label: 'Ticket' })).status).toBe(204);
      expect((await t.admin().patch('/api/v1/repos/team%2Fcopied', { fields: { ticket: 'OPS-7' } })).status).toBe(200);
      expect((await admin.ok('get_repo', { repoid: 'team/copied' })).ex_ticket).toBe('OPS-7');
      const listed = (await admin.ok('get_repos')).find((r: { repo_name: string }) => r.repo_name === 'team/copied');
      expect(listed.ex_ticket).toBe('OPS-7');
      expect(Object.keys(listed).sort()).toEqual([...REPO_KEYS, 'ex_ticket'].sort());
    } finally {
      expect((await t.admin().patch('/api/v1/admin/settings', { repositoryFields: false })).status).toBe(200);
    }
    expect(await admin.ok('get_repo', { repoid: 'team/copied' })).not.toHaveProperty('ex_ticket');
  });

  it('create_repo refusals: taken names (any case), missing groups, invalid names and types, nothing left behind', async () => {
    const before = (await readdir(t.reposRoot)).sort();
    expect(await admin.error('create_repo', { repo_name: 'plain' })).toBe('repo `plain` already exist');
    expect(await admin.error('create_repo', { repo_name: 'PLAIN' })).toBe('repo `PLAIN` already exist');
    expect(await admin.error('create_repo', { repo_name: 'nogroup/x' })).toBe('repo group `nogroup` not found');
    expect(await admin.error('create_repo', { repo_name: 'team/../x' })).toBe('repo group `team/..` not found');
    expect(await admin.error('create_repo', { repo_name: '/' })).toBe('repo group `` not found');
    for (const name of ['bad name', '..', '_admin', '-lead', 'a'.repeat(256)]) {
      expect(await admin.error('create_repo', { repo_name: name })).toBe(`failed to create repository \`${name}\``);
    }
    expect(await admin.error('create_repo', { repo_name: 'svn-one', repo_type: 'svn' })).toBe('failed to create repository `svn-one`');
    expect(await admin.error('create_repo', { repo_name: 'no-colon', landing_rev: 'tip' })).toBe('failed to create repository `no-colon`');
    expect(await admin.error('create_repo', { repo_name: 'team', repo_type: 'git' })).toBe('failed to create repository `team`');
    expect(await admin.error('create_repo', { repo_name: 'local-clone', clone_uri: dir('plain') })).toBe('failed to create repository `local-clone`');
    expect((await readdir(t.reposRoot)).sort()).toEqual(before);
    expect(await db.getRepository(Repository).countBy({ name: 'svn-one' })).toBe(0);
  });

  it('owner: admins may create for someone else (by name or id); a non-admin may not pass owner at all', async () => {
    await admin.ok('create_repo', { repo_name: 'for-alice', owner: 'alice', repo_type: 'git' });
    const forAlice = await admin.ok('get_repo', { repoid: 'for-alice' });
    expect(forAlice.owner).toBe('alice');
    expect(forAlice.followers.map((u: { username: string }) => u.username)).toEqual(['alice']);
    await admin.ok('create_repo', { repo_name: 'for-bob', owner: bob.id, repo_type: 'git' });
    expect((await admin.ok('get_repo', { repoid: 'for-bob' })).owner).toBe('bob');
    expect(await admin.error('create_repo', { repo_name: 'for-ghost', owner: 'ghost' })).toBe('user `ghost` does not exist');

    expect(await alice.rpc.error('create_repo', { repo_name: 'mine', owner: 'alice' })).toBe('Only Kallithea admin can specify `owner` param');
    expect(await alice.rpc.ok('create_repo', { repo_name: 'mine', repo_type: 'git' })).toEqual({ msg: 'Created new repository `mine`', success: true, task: null });
    expect((await alice.rpc.ok('get_repo', { repoid: 'mine' })).owner).toBe('alice');
  });

  it('create_repo gate is hg.create.repository even inside a group, and [FIX-2] applies the group rule (§8 B12)', async () => {
    // a user without write on the group may not create there
    expect(await bob.rpc.error('create_repo', { repo_name: 'team/bobs' })).toBe('failed to create repository `team/bobs`');
    await admin.ok('grant_user_permission_to_repo_group', { repogroupid: 'team', userid: 'bob', perm: 'group.write' });
    expect((await bob.rpc.ok('create_repo', { repo_name: 'team/bobs', repo_type: 'hg' })).success).toBe(true);

    const restore = await setDefaultPermissions(t, { createRepository: 'hg.create.none' });
    try {
      expect(await bob.rpc.error('create_repo', { repo_name: 'team/bobs2' })).toBe('Internal server error');
      expect(await bob.rpc.error('create_repo', { repo_name: 'top-bob' })).toBe('Internal server error');
      expect(await bob.rpc.error('create_repo', { repo_name: 'top-bob', owner: 'bob' })).toBe('Internal server error');
    } finally {
      await restore();
    }
    expect(await db.getRepository(Repository).countBy({ name: 'team/bobs2' })).toBe(0);
    expect(existsSync(dir('team/bobs2'))).toBe(false);
  });

  it('get_repo hides repositories the caller cannot read; get_repos lists only readable ones', async () => {
    expect(await alice.rpc.error('get_repo', { repoid: 'flags' })).toBe('repository `flags` does not exist');
    const flags = await admin.ok('get_repo', { repoid: 'flags' });
    expect(await alice.rpc.error('get_repo', { repoid: flags.repo_id })).toBe(`repository \`${flags.repo_id}\` does not exist`);
    expect(await alice.rpc.error('get_repo', { repoid: 'nope' })).toBe('repository `nope` does not exist');

    const aliceSees = names(await alice.rpc.ok('get_repos'));
    expect(aliceSees).not.toContain('flags');
    expect(aliceSees).toEqual(expect.arrayContaining(['plain', 'team/tool', 'mine', 'for-alice']));
    const all = await admin.ok('get_repos');
    expect(names(all)).toContain('flags');
    for (const repo of all) expect(Object.keys(repo).sort()).toEqual(REPO_KEYS);
  });

  it('get_repo with revision names (real pushes) and with pull requests (none exist yet)', async () => {
    const [first] = await pushCommits('git', dir('team/tool'), 2, 'tool');
    await git(['--git-dir', dir('team/tool'), 'tag', 'v1', first!]);
    await git(['--git-dir', dir('team/tool'), 'branch', 'feature', first!]);
    const tip = (await git(['--git-dir', dir('team/tool'), 'rev-parse', 'master'])).trim();
    const gitRepo = await admin.ok('get_repo', { repoid: 'team/tool', with_revision_names: true, with_pullrequests: true });
    expect(gitRepo.tags).toEqual({ v1: first });
    expect(gitRepo.branches).toEqual({ master: tip, feature: first });
    expect(gitRepo.bookmarks).toEqual({});
    expect(gitRepo.pull_requests).toEqual([]);

    const hgIds = await pushCommits('hg', dir('plain'), 2, 'plain');
    const hgRepo = await admin.ok('get_repo', { repoid: 'plain', with_revision_names: true });
    expect(hgRepo.tags).toEqual({ tip: hgIds[1] });
    expect(hgRepo.branches).toEqual({ default: hgIds[1] });
    expect(hgRepo.bookmarks).toEqual({});
    expect(hgRepo).not.toHaveProperty('pull_requests');
    expect((await hg(['-R', dir('plain'), 'log', '-r', 'tip', '-T', '{node}'])).trim()).toBe(hgIds[1]);
  });

  it('update_repo (admin): fields sent change; rename and move on disk; owner by id (§8 B7); private resets the default entry', async () => {
    const tool = await admin.ok('get_repo', { repoid: 'team/tool' });
    const result = await admin.ok('update_repo', { repoid: tool.repo_id, name: 'tool2', description: 'Renamed', owner: alice.id, enable_downloads: true });
    expect(result.msg).toBe(`updated repo ID:${tool.repo_id} team/tool2`);
    expect(result.repository).toMatchObject({ repo_name: 'team/tool2', description: 'Renamed', owner: 'alice', enable_downloads: true, enable_statistics: false });
    expect(Object.keys(result.repository).sort()).toEqual(REPO_KEYS);
    expect(await typeOf(dir('team/tool2'))).toBe('git');
    expect(existsSync(dir('team/tool'))).toBe(false);

    const moved = await admin.ok('update_repo', { repoid: 'team/tool2', group: null });
    expect(moved.repository.repo_name).toBe('tool2');
    const back = await admin.ok('update_repo', { repoid: 'tool2', group: 'team', name: 'tool' });
    expect(back.msg).toBe(`updated repo ID:${tool.repo_id} team/tool`);
    expect(await typeOf(dir('team/tool'))).toBe('git');

    await admin.ok('update_repo', { repoid: 'team/tool', private: true });
    expect((await admin.ok('get_repo', { repoid: 'team/tool' })).members).toContainEqual({ name: 'default', type: 'user', permission: 'repository.none' });
    await admin.ok('update_repo', { repoid: 'team/tool', private: false });
    const publicAgain = await admin.ok('get_repo', { repoid: 'team/tool' });
    expect(publicAgain.private).toBe(false);
    expect(publicAgain.members).toContainEqual({ name: 'default', type: 'user', permission: 'repository.none' });
  });

  it('update_repo refusals: unknown group, unknown owner, clash, invalid name; nothing changes', async () => {
    expect(await admin.error('update_repo', { repoid: 'plain', group: 'nope' })).toBe('repository group `nope` does not exist');
    expect(await admin.error('update_repo', { repoid: 'plain', owner: 'ghost' })).toBe('failed to update repo `plain`');
    expect(await admin.error('update_repo', { repoid: 'plain', name: 'MINE' })).toBe('failed to update repo `plain`');
    expect(await admin.error('update_repo', { repoid: 'plain', name: 'bad name' })).toBe('failed to update repo `plain`');
    expect(await admin.error('update_repo', { repoid: 'plain', landing_rev: 'tip' })).toBe('failed to update repo `plain`');
    expect(await admin.ok('get_repo', { repoid: 'plain' })).toMatchObject({ repo_name: 'plain', owner: 'admin', landing_rev: ['rev', 'tip'] });
  });

  it('update_repo by a repository admin who is not a super-admin: no owner; renaming needs hg.create.repository (§8 B3)', async () => {
    expect(await alice.rpc.error('update_repo', { repoid: 'mine', owner: 'bob' })).toBe('Only Kallithea admin can specify `owner` param');
    expect(await bob.rpc.error('update_repo', { repoid: 'mine', description: 'x' })).toBe('repository `mine` does not exist');
    const restore = await setDefaultPermissions(t, { createRepository: 'hg.create.none' });
    try {
      expect(await alice.rpc.error('update_repo', { repoid: 'mine', name: 'mine2' })).toBe('no permission to create (or move) repositories');
      expect((await alice.rpc.ok('update_repo', { repoid: 'mine', name: 'mine', description: 'still mine' })).repository.description).toBe('still mine');
    } finally {
      await restore();
    }
    expect((await alice.rpc.ok('update_repo', { repoid: 'mine', name: 'mine2' })).repository.repo_name).toBe('mine2');
    // moving into a group needs the group rule ([FIX-2])
    expect(await alice.rpc.error('update_repo', { repoid: 'mine2', group: 'team' })).toBe('failed to update repo `mine2`');
    expect((await alice.rpc.ok('get_repo', { repoid: 'mine2' })).repo_name).toBe('mine2');
  });

  it('fork_repo: a copy of the history with fork_of set; name taken by a fork or a repo; owner and gates', async () => {
    expect(await admin.ok('fork_repo', { repoid: 'plain', fork_name: 'plain-fork' })).toEqual({ msg: 'Created fork of `plain` as `plain-fork`', success: true, task: null });
    const fork = await admin.ok('get_repo', { repoid: 'plain-fork' });
    expect(fork).toMatchObject({ repo_type: 'hg', fork_of: 'plain', owner: 'admin', private: false });
    expect((await hg(['-R', dir('plain-fork'), 'log', '-r', 'tip', '-T', '{node}'])).trim()).toBe((await hg(['-R', dir('plain'), 'log', '-r', 'tip', '-T', '{node}'])).trim());

    expect(await admin.error('fork_repo', { repoid: 'plain', fork_name: 'plain-fork' })).toBe('fork `plain-fork` already exist');
    expect(await admin.error('fork_repo', { repoid: 'plain', fork_name: 'mine2' })).toBe('repo `mine2` already exist');
    // the name check comes before the permission check
    expect(await bob.rpc.error('fork_repo', { repoid: 'flags', fork_name: 'plain-fork' })).toBe('fork `plain-fork` already exist');
    expect(await bob.rpc.error('fork_repo', { repoid: 'flags', fork_name: 'bob-flags' })).toBe('repository `flags` does not exist');
    expect(await bob.rpc.error('fork_repo', { repoid: 'plain', fork_name: 'bob-plain', owner: 'bob' })).toBe('Only Kallithea admin can specify `owner` param');
    expect(await bob.rpc.error('fork_repo', { repoid: 'plain', fork_name: 'nogroup/bob-plain' })).toBe('repo group `nogroup` not found');
    expect(await bob.rpc.error('fork_repo', { repoid: 'plain', fork_name: 'alices/x' })).toBe('repo group `alices` not found');
    expect(await alice.rpc.error('fork_repo', { repoid: 'plain', fork_name: 'team/alice-plain' })).toBe('failed to fork repository `plain` as `team/alice-plain`');
    expect(await bob.rpc.ok('fork_repo', { repoid: 'plain', fork_name: 'bob-plain' })).toEqual({ msg: 'Created fork of `plain` as `bob-plain`', success: true, task: null });
    expect((await bob.rpc.ok('get_repo', { repoid: 'bob-plain' })).owner).toBe('bob');

    await admin.ok('fork_repo', { repoid: 'team/tool', fork_name: 'team/tool-for-bob', owner: 'bob', private: true, description: 'Bob copy' });
    expect(await admin.ok('get_repo', { repoid: 'team/tool-for-bob' })).toMatchObject({ owner: 'bob', private: true, repo_type: 'git', description: 'Bob copy', fork_of: 'team/tool' });

    const restoreCreate = await setDefaultPermissions(t, { createRepository: 'hg.create.none' });
    try {
      expect(await bob.rpc.error('fork_repo', { repoid: 'plain', fork_name: 'bob-plain2' })).toBe('no permission to create repositories');
    } finally {
      await restoreCreate();
    }
    const restoreFork = await setDefaultPermissions(t, { fork: 'hg.fork.none' });
    try {
      expect(await bob.rpc.error('fork_repo', { repoid: 'plain', fork_name: 'bob-plain3' })).toBe('Internal server error');
    } finally {
      await restoreFork();
    }
    expect(await db.getRepository(Repository).countBy({ name: 'bob-plain2' })).toBe(0);
    expect(existsSync(dir('bob-plain3'))).toBe(false);
  });

  it('delete_repo: forks must be handled; detach or delete with the count in the message; the directory is archived', async () => {
    expect(await bob.rpc.error('delete_repo', { repoid: 'plain' })).toBe('repository `plain` does not exist');
    expect(await admin.error('delete_repo', { repoid: 'plain' })).toBe('Cannot delete `plain` it still contains attached forks');
    expect(await admin.error('delete_repo', { repoid: 'plain', forks: 'bogus' })).toBe('Cannot delete `plain` it still contains attached forks');
    expect(await admin.ok('delete_repo', { repoid: 'plain', forks: 'detach' })).toEqual({ msg: 'Deleted repository `plain` Detached 2 forks', success: true });
    expect(await admin.error('get_repo', { repoid: 'plain' })).toBe('repository `plain` does not exist');
    expect(existsSync(dir('plain'))).toBe(false);
    expect((await readdir(t.reposRoot)).some((n) => /^rm__\d{8}_\d{6}_\d{6}__plain$/.test(n))).toBe(true);
    expect((await admin.ok('get_repo', { repoid: 'plain-fork' })).fork_of).toBeNull();

    await admin.ok('fork_repo', { repoid: 'plain-fork', fork_name: 'plain-fork-fork' });
    expect(await admin.ok('delete_repo', { repoid: 'plain-fork', forks: 'delete' })).toEqual({ msg: 'Deleted repository `plain-fork` Deleted 1 forks', success: true });
    expect(await admin.error('get_repo', { repoid: 'plain-fork-fork' })).toBe('repository `plain-fork-fork` does not exist');
    expect(await admin.ok('delete_repo', { repoid: 'bob-plain', forks: 'detach' })).toEqual({ msg: 'Deleted repository `bob-plain` Detached 0 forks', success: true });
    expect(await alice.rpc.ok('delete_repo', { repoid: 'mine2' })).toEqual({ msg: 'Deleted repository `mine2`', success: true });
  });
});
