// JSON-RPC permission methods (spec/jsonrpc-api.md §7.6, permissions.md §9 recursion, §14 #23).
import { createTestApp, TestApp } from './utils/create-test-app';
import { RpcClient } from './utils/jsonrpc-client';
import { rpcAdmin, rpcUser, RpcUser } from './utils/jsonrpc-setup';

describe('JSON-RPC permissions (§7.6)', () => {
  let t: TestApp;
  let admin: RpcClient;
  let alice: RpcUser;
  let bob: RpcUser;

  beforeAll(async () => {
    t = await createTestApp();
    admin = rpcAdmin(t);
    alice = await rpcUser(t, 'alice');
    bob = await rpcUser(t, 'bob');
    await admin.ok('create_repo', { repo_name: 'app', repo_type: 'git' });
    await alice.rpc.ok('create_repo', { repo_name: 'alices', repo_type: 'hg' });
    await admin.ok('create_user_group', { group_name: 'devs' });
    await admin.ok('create_user_group', { group_name: 'secret-team' });
    const defaultUser = await admin.ok('get_user', { userid: 'default' });
    expect((await t.admin().post('/api/v1/user-groups/secret-team/permissions', { subjectType: 'user', subjectId: defaultUser.user_id, permission: 'usergroup.none' })).status).toBe(201);
    // a tree for recursion: g, g/sub, g/sub/deep; repos g/r1, g/sub/r2, g/sub/deep/r3
    await admin.ok('create_repo_group', { group_name: 'g' });
    await admin.ok('create_repo_group', { group_name: 'sub', parent: 'g' });
    await admin.ok('create_repo_group', { group_name: 'deep', parent: 'g/sub' });
    for (const name of ['g/r1', 'g/sub/r2', 'g/sub/deep/r3']) await admin.ok('create_repo', { repo_name: name, repo_type: 'git' });
  });
  afterAll(() => t.close());

  const repoMembers = async (repo: string) => (await admin.ok('get_repo', { repoid: repo })).members;
  const groupMembers = async (group: string) => (await admin.ok('get_repo_group', { repogroupid: group })).members;
  const entryOf = (members: Array<{ name: string; permission: string }>, name: string) => members.find((m) => m.name === name)?.permission;

  it('grant_user_permission creates, then replaces in place, the user entry; revoke removes it (also when absent)', async () => {
    expect(await admin.ok('grant_user_permission', { repoid: 'app', userid: 'bob', perm: 'repository.write' })).toEqual({
      msg: 'Granted perm: `repository.write` for user: `bob` in repo: `app`',
      success: true,
    });
    await admin.ok('grant_user_permission', { repoid: 'app', userid: alice.id, perm: 'repository.read' });
    expect(await repoMembers('app')).toEqual([
      { name: 'default', type: 'user', permission: 'repository.read' },
      { name: 'bob', type: 'user', permission: 'repository.write' },
      { name: 'alice', type: 'user', permission: 'repository.read' },
    ]);
    const app = await admin.ok('get_repo', { repoid: 'app' });
    await admin.ok('grant_user_permission', { repoid: app.repo_id, userid: String(bob.id), perm: 'repository.admin' });
    expect(await repoMembers('app')).toEqual([
      { name: 'default', type: 'user', permission: 'repository.read' },
      { name: 'bob', type: 'user', permission: 'repository.admin' },
      { name: 'alice', type: 'user', permission: 'repository.read' },
    ]);
    // the grant is effective: bob now administers app
    expect((await bob.rpc.ok('update_repo', { repoid: 'app', description: 'by bob' })).repository.description).toBe('by bob');

    expect(await admin.ok('revoke_user_permission', { repoid: 'app', userid: 'bob' })).toEqual({ msg: 'Revoked perm for user: `bob` in repo: `app`', success: true });
    expect(await admin.ok('revoke_user_permission', { repoid: 'app', userid: 'bob' })).toEqual({ msg: 'Revoked perm for user: `bob` in repo: `app`', success: true });
    expect(entryOf(await repoMembers('app'), 'bob')).toBeUndefined();
    expect(await bob.rpc.error('update_repo', { repoid: 'app', description: 'x' })).toBe('repository `app` does not exist');
  });

  it('grant_user_permission refusals: lookups in order repo, user, perm; perm must exist and be a repository permission', async () => {
    expect(await admin.error('grant_user_permission', { repoid: 'nope', userid: 'ghost', perm: 'x' })).toBe('repository `nope` does not exist');
    expect(await admin.error('grant_user_permission', { repoid: 'app', userid: 'ghost', perm: 'x' })).toBe('user `ghost` does not exist');
    expect(await admin.error('grant_user_permission', { repoid: 'app', userid: 'bob', perm: 'repository.owner' })).toBe('permission `repository.owner` does not exist');
    expect(await admin.error('grant_user_permission', { repoid: 'app', userid: 'bob', perm: 'group.read' })).toBe('permission `group.read` is invalid, should start with repository.');
    expect(await admin.error('revoke_user_permission', { repoid: 'app', userid: 'default' })).toBe('failed to edit permission for user: `default` in repo: `app`');
    expect(entryOf(await repoMembers('app'), 'default')).toBe('repository.read');
  });

  it('user grants on repositories are super-admin only over the API, even for the repository owner (§14 #23)', async () => {
    expect(await alice.rpc.error('grant_user_permission', { repoid: 'alices', userid: 'bob', perm: 'repository.read' })).toBe('Internal server error');
    expect(await alice.rpc.error('revoke_user_permission', { repoid: 'alices', userid: 'default' })).toBe('Internal server error');
    expect(entryOf(await repoMembers('alices'), 'bob')).toBeUndefined();
  });

  it('user-group grants on repositories: repo admin plus read on the group; lookups repo, perm, group, then checks', async () => {
    expect(await alice.rpc.ok('grant_user_group_permission', { repoid: 'alices', usergroupid: 'devs', perm: 'repository.write' })).toEqual({
      msg: 'Granted perm: `repository.write` for user group: `devs` in repo: `alices`',
      success: true,
    });
    expect((await repoMembers('alices')).at(-1)).toEqual({ name: 'devs', type: 'user_group', permission: 'repository.write' });
    // hidden: not admin of the repository → the repository's message; group not readable → the group's message
    expect(await bob.rpc.error('grant_user_group_permission', { repoid: 'alices', usergroupid: 'devs', perm: 'repository.read' })).toBe('repository `alices` does not exist');
    expect(await alice.rpc.error('grant_user_group_permission', { repoid: 'alices', usergroupid: 'secret-team', perm: 'repository.read' })).toBe(
      'user group `secret-team` does not exist',
    );
    // lookup order
    expect(await bob.rpc.error('grant_user_group_permission', { repoid: 'nope', usergroupid: 'nope', perm: 'nope' })).toBe('repository `nope` does not exist');
    expect(await bob.rpc.error('grant_user_group_permission', { repoid: 'alices', usergroupid: 'nope', perm: 'nope' })).toBe('permission `nope` does not exist');
    expect(await bob.rpc.error('grant_user_group_permission', { repoid: 'alices', usergroupid: 'nope', perm: 'repository.read' })).toBe('user group `nope` does not exist');

    expect(await alice.rpc.ok('revoke_user_group_permission', { repoid: 'alices', usergroupid: 'devs' })).toEqual({
      msg: 'Revoked perm for user group: `devs` in repo: `alices`',
      success: true,
    });
    expect(entryOf(await repoMembers('alices'), 'devs')).toBeUndefined();
    expect(await alice.rpc.error('revoke_user_group_permission', { repoid: 'alices', usergroupid: 'secret-team' })).toBe('user group `secret-team` does not exist');
  });

  it('repo-group user grants with apply_to_children none, groups, repos and all (permissions.md §9)', async () => {
    const cases: Array<[string, string, { groups: string[]; repos: string[] }]> = [
      ['none', 'group.read', { groups: ['g'], repos: [] }],
      ['groups', 'group.write', { groups: ['g', 'g/sub', 'g/sub/deep'], repos: [] }],
      ['repos', 'group.admin', { groups: ['g'], repos: ['g/r1', 'g/sub/r2', 'g/sub/deep/r3'] }],
      ['all', 'group.read', { groups: ['g', 'g/sub', 'g/sub/deep'], repos: ['g/r1', 'g/sub/r2', 'g/sub/deep/r3'] }],
    ];
    for (const [mode, perm, expected] of cases) {
      const user = `user-${mode}`;
      await admin.ok('create_user', { username: user, email: `${user}@example.com` });
      expect(await admin.ok('grant_user_permission_to_repo_group', { repogroupid: 'g', userid: user, perm, apply_to_children: mode })).toEqual({
        msg: `Granted perm: \`${perm}\` (recursive:${mode}) for user: \`${user}\` in repo group: \`g\``,
        success: true,
      });
      for (const group of ['g', 'g/sub', 'g/sub/deep']) expect(entryOf(await groupMembers(group), user)).toBe(expected.groups.includes(group) ? perm : undefined);
      for (const repo of ['g/r1', 'g/sub/r2', 'g/sub/deep/r3']) {
        expect(entryOf(await repoMembers(repo), user)).toBe(expected.repos.includes(repo) ? perm.replace('group.', 'repository.') : undefined);
      }
    }
    // revoking with a mode removes the entries on the same set
    expect(await admin.ok('revoke_user_permission_from_repo_group', { repogroupid: 'g', userid: 'user-all', apply_to_children: 'repos' })).toEqual({
      msg: 'Revoked perm (recursive:repos) for user: `user-all` in repo group: `g`',
      success: true,
    });
    expect(entryOf(await groupMembers('g'), 'user-all')).toBeUndefined();
    expect(entryOf(await groupMembers('g/sub'), 'user-all')).toBe('group.read');
    expect(entryOf(await repoMembers('g/sub/deep/r3'), 'user-all')).toBeUndefined();
  });

  it('an unknown apply_to_children acts like none and is echoed; the message names the last segment of the group', async () => {
    expect(await admin.ok('grant_user_permission_to_repo_group', { repogroupid: 'g/sub', userid: 'bob', perm: 'group.write', apply_to_children: 'bogus' })).toEqual({
      msg: 'Granted perm: `group.write` (recursive:bogus) for user: `bob` in repo group: `sub`',
      success: true,
    });
    expect(entryOf(await groupMembers('g/sub'), 'bob')).toBe('group.write');
    expect(entryOf(await groupMembers('g/sub/deep'), 'bob')).toBeUndefined();
  });

  it('repo-group user grants: group lookup, hide check, user, then perm with the group. prefix', async () => {
    expect(await bob.rpc.error('grant_user_permission_to_repo_group', { repogroupid: 'g', userid: 'ghost', perm: 'x' })).toBe('repository group `g` does not exist');
    expect(await admin.error('grant_user_permission_to_repo_group', { repogroupid: 'nope', userid: 'bob', perm: 'group.read' })).toBe('repository group `nope` does not exist');
    expect(await admin.error('grant_user_permission_to_repo_group', { repogroupid: 'g', userid: 'ghost', perm: 'x' })).toBe('user `ghost` does not exist');
    expect(await admin.error('grant_user_permission_to_repo_group', { repogroupid: 'g', userid: 'bob', perm: 'group.owner' })).toBe('permission `group.owner` does not exist');
    expect(await admin.error('grant_user_permission_to_repo_group', { repogroupid: 'g', userid: 'bob', perm: 'repository.read' })).toBe(
      'permission `repository.read` is invalid, should start with group.',
    );
    expect(await admin.error('revoke_user_permission_from_repo_group', { repogroupid: 'g', userid: 'default' })).toBe('failed to edit permission for user: `default` in repo group: `g`');
    expect(entryOf(await groupMembers('g'), 'default')).toBe('group.read');
  });

  it('a repo-group admin who is not a super-admin may grant, without the web guard on their own entry', async () => {
    await admin.ok('grant_user_permission_to_repo_group', { repogroupid: 'g/sub/deep', userid: 'alice', perm: 'group.admin' });
    expect((await alice.rpc.ok('grant_user_permission_to_repo_group', { repogroupid: 'g/sub/deep', userid: 'bob', perm: 'group.read' })).success).toBe(true);
    expect((await alice.rpc.ok('grant_user_permission_to_repo_group', { repogroupid: 'g/sub/deep', userid: 'alice', perm: 'group.write' })).success).toBe(true);
    expect(entryOf(await groupMembers('g/sub/deep'), 'alice')).toBe('group.write');
    // … which took her admin away
    expect(await alice.rpc.error('grant_user_permission_to_repo_group', { repogroupid: 'g/sub/deep', userid: 'bob', perm: 'group.admin' })).toBe(
      'repository group `g/sub/deep` does not exist',
    );
  });

  it('repo-group user-group grants and revocations: group, perm, user group, then both checks', async () => {
    expect(await admin.ok('grant_user_group_permission_to_repo_group', { repogroupid: 'g', usergroupid: 'devs', perm: 'group.write', apply_to_children: 'all' })).toEqual({
      msg: 'Granted perm: `group.write` (recursive:all) for user group: `devs` in repo group: `g`',
      success: true,
    });
    expect(entryOf(await groupMembers('g/sub/deep'), 'devs')).toBe('group.write');
    expect(entryOf(await repoMembers('g/sub/r2'), 'devs')).toBe('repository.write');
    expect((await groupMembers('g')).at(-1)).toEqual({ name: 'devs', type: 'user_group', permission: 'group.write' });

    expect(await bob.rpc.error('grant_user_group_permission_to_repo_group', { repogroupid: 'g', usergroupid: 'nope', perm: 'repository.read' })).toBe(
      'permission `repository.read` is invalid, should start with group.',
    );
    expect(await bob.rpc.error('grant_user_group_permission_to_repo_group', { repogroupid: 'g', usergroupid: 'nope', perm: 'group.read' })).toBe('user group `nope` does not exist');
    expect(await bob.rpc.error('grant_user_group_permission_to_repo_group', { repogroupid: 'g', usergroupid: 'devs', perm: 'group.read' })).toBe('repository group `g` does not exist');
    // alice lowered her own entry above; as admin of the group again she still cannot use a group she cannot read
    await admin.ok('grant_user_permission_to_repo_group', { repogroupid: 'g/sub/deep', userid: 'alice', perm: 'group.admin' });
    expect(await alice.rpc.error('grant_user_group_permission_to_repo_group', { repogroupid: 'g/sub/deep', usergroupid: 'secret-team', perm: 'group.read' })).toBe(
      'user group `secret-team` does not exist',
    );

    expect(await admin.ok('revoke_user_group_permission_from_repo_group', { repogroupid: 'g', usergroupid: 'devs', apply_to_children: 'all' })).toEqual({
      msg: 'Revoked perm (recursive:all) for user group: `devs` in repo group: `g`',
      success: true,
    });
    expect(entryOf(await groupMembers('g/sub/deep'), 'devs')).toBeUndefined();
    expect(entryOf(await repoMembers('g/r1'), 'devs')).toBeUndefined();
  });
});
