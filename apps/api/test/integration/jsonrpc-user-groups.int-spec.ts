// JSON-RPC user-group methods (spec/jsonrpc-api.md §7.3, §4 UserGroup, §8 B9).
import { DataSource } from 'typeorm';
import { UserGroupRepoGroupPermission } from '../../src/permissions/permission.entities';
import { UserGroup } from '../../src/user-groups/user-group.entity';
import { createTestApp, TestApp } from './utils/create-test-app';
import { RpcClient } from './utils/jsonrpc-client';
import { rpcAdmin, rpcUser, RpcUser } from './utils/jsonrpc-setup';

describe('JSON-RPC user groups (§7.3)', () => {
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
  });
  afterAll(() => t.close());

  const aliceMayCreateUserGroups = async (allowed: boolean) => {
    const res = await t.admin().put(`/api/v1/users/${alice.id}/global-permissions`, { createRepository: false, createUserGroup: allowed, fork: false });
    expect(res.status).toBe(200);
  };

  it('create_user_group (admin): message and UserGroup; owner admin, no members', async () => {
    const result = await admin.ok('create_user_group', { group_name: 'devs', description: 'Developers' });
    expect(result.msg).toBe('created new user group `devs`');
    expect(result.user_group).toEqual({
      users_group_id: expect.any(Number),
      group_name: 'devs',
      group_description: 'Developers',
      active: true,
      owner: 'admin',
      members: [],
    });
    const inactive = await admin.ok('create_user_group', { group_name: 'sleepers', active: false, owner: bob.id });
    expect(inactive.user_group).toMatchObject({ group_name: 'sleepers', active: false, owner: 'bob', group_description: '' });
  });

  it('create_user_group: the gate is hg.admin or hg.usergroup.create.true (fresh installs: admins only)', async () => {
    expect(await alice.rpc.error('create_user_group', { group_name: 'alices' })).toBe('Internal server error');
    expect(await db.getRepository(UserGroup).countBy({ name: 'alices' })).toBe(0);
    await aliceMayCreateUserGroups(true);
    try {
      const created = await alice.rpc.ok('create_user_group', { group_name: 'alices' });
      expect(created.user_group).toMatchObject({ group_name: 'alices', owner: 'alice' });
      // the creator administers it
      expect((await alice.rpc.ok('update_user_group', { usergroupid: 'alices', description: 'mine' })).user_group.group_description).toBe('mine');
      // a non-admin may set another owner (§8 B9, kept)
      const forBob = await alice.rpc.ok('create_user_group', { group_name: 'for-bob', owner: 'bob' });
      expect(forBob.user_group.owner).toBe('bob');
      expect(await alice.rpc.error('update_user_group', { usergroupid: 'for-bob', description: 'x' })).toBe('user group `for-bob` does not exist');
      expect((await bob.rpc.ok('update_user_group', { usergroupid: 'for-bob', description: 'bobs' })).user_group.group_description).toBe('bobs');
    } finally {
      await aliceMayCreateUserGroups(false);
    }
  });

  it('create_user_group refuses taken names (any case), unknown owners and invalid names', async () => {
    expect(await admin.error('create_user_group', { group_name: 'DEVS' })).toBe('user group `DEVS` already exist');
    expect(await admin.error('create_user_group', { group_name: 'ghosts', owner: 'ghost' })).toBe('user `ghost` does not exist');
    expect(await admin.error('create_user_group', { group_name: 'ghosts', owner: 99999 })).toBe('user `99999` does not exist');
    for (const name of ['x', 'bad name', '_under', 'default']) {
      expect(await admin.error('create_user_group', { group_name: name })).toBe(`failed to create group \`${name}\``);
    }
    expect(await db.getRepository(UserGroup).countBy({ name: 'ghosts' })).toBe(0);
  });

  it('get_user_group by id or name; unknown and unreadable groups are reported alike (hide)', async () => {
    const byName = await alice.rpc.ok('get_user_group', { usergroupid: 'devs' });
    const byId = await alice.rpc.ok('get_user_group', { usergroupid: byName.users_group_id });
    expect(byId).toEqual(byName);
    expect(await alice.rpc.error('get_user_group', { usergroupid: 'nope' })).toBe('user group `nope` does not exist');

    const hidden = await admin.ok('create_user_group', { group_name: 'hidden' });
    const defaultUser = await admin.ok('get_user', { userid: 'default' });
    const res = await t.admin().post('/api/v1/user-groups/hidden/permissions', { subjectType: 'user', subjectId: defaultUser.user_id, permission: 'usergroup.none' });
    expect(res.status).toBe(201);
    expect(await alice.rpc.error('get_user_group', { usergroupid: 'hidden' })).toBe('user group `hidden` does not exist');
    expect(await alice.rpc.error('get_user_group', { usergroupid: hidden.user_group.users_group_id })).toBe(`user group \`${hidden.user_group.users_group_id}\` does not exist`);
    expect((await admin.ok('get_user_group', { usergroupid: 'hidden' })).group_name).toBe('hidden');

    const visibleToAlice = (await alice.rpc.ok('get_user_groups')).map((g: { group_name: string }) => g.group_name);
    expect(visibleToAlice).toContain('devs');
    expect(visibleToAlice).not.toContain('hidden');
    expect((await admin.ok('get_user_groups')).map((g: { group_name: string }) => g.group_name)).toContain('hidden');
  });

  it('add and remove members: user looked up first; duplicates and absences are reported with success false', async () => {
    expect(await admin.error('add_user_to_user_group', { usergroupid: 'nope', userid: 'ghost' })).toBe('user `ghost` does not exist');
    expect(await admin.error('add_user_to_user_group', { usergroupid: 'nope', userid: 'alice' })).toBe('user group `nope` does not exist');
    expect(await admin.ok('add_user_to_user_group', { usergroupid: 'devs', userid: 'alice' })).toEqual({ success: true, msg: 'added member `alice` to user group `devs`' });
    expect(await admin.ok('add_user_to_user_group', { usergroupid: 'devs', userid: alice.id })).toEqual({ success: false, msg: 'User is already in that group' });
    await admin.ok('add_user_to_user_group', { usergroupid: 'devs', userid: 'bob' });
    const group = await admin.ok('get_user_group', { usergroupid: 'devs' });
    expect(group.members.map((m: { username: string }) => m.username)).toEqual(['alice', 'bob']);
    expect(Object.keys(group.members[0]).sort()).toEqual(['active', 'admin', 'email', 'emails', 'firstname', 'lastname', 'user_id', 'username']);

    // a non-admin of the group sees it but cannot change its members (hide)
    expect(await alice.rpc.error('add_user_to_user_group', { usergroupid: 'devs', userid: 'alice' })).toBe('user group `devs` does not exist');
    expect(await alice.rpc.error('remove_user_from_user_group', { usergroupid: 'devs', userid: 'bob' })).toBe('user group `devs` does not exist');

    expect(await admin.ok('remove_user_from_user_group', { usergroupid: 'devs', userid: 'bob' })).toEqual({ success: true, msg: 'removed member `bob` from user group `devs`' });
    expect(await admin.ok('remove_user_from_user_group', { usergroupid: 'devs', userid: 'bob' })).toEqual({ success: false, msg: "User wasn't in group" });
    expect((await admin.ok('get_user_group', { usergroupid: 'devs' })).members.map((m: { username: string }) => m.username)).toEqual(['alice']);
  });

  it('update_user_group: fields sent change; message with the new name; clashes and unknown owners refused', async () => {
    const devs = await admin.ok('get_user_group', { usergroupid: 'devs' });
    const result = await admin.ok('update_user_group', { usergroupid: 'devs', group_name: 'developers', owner: 'bob', active: false });
    expect(result.msg).toBe(`updated user group ID:${devs.users_group_id} developers`);
    expect(result.user_group).toMatchObject({ group_name: 'developers', owner: 'bob', active: false, group_description: 'Developers' });
    expect(await admin.error('update_user_group', { usergroupid: 'developers', group_name: 'SLEEPERS' })).toBe('failed to update user group `developers`');
    expect(await admin.error('update_user_group', { usergroupid: devs.users_group_id, owner: 'ghost' })).toBe('user `ghost` does not exist');
    expect(await admin.error('update_user_group', { usergroupid: 'developers', group_name: 'bad name' })).toBe('failed to update user group `developers`');
    expect(await alice.rpc.error('update_user_group', { usergroupid: 'developers', active: true })).toBe('user group `developers` does not exist');
    expect((await admin.ok('get_user_group', { usergroupid: devs.users_group_id })).group_name).toBe('developers');
  });

  it('delete_user_group: refused while it holds repository permissions; repo-group grants do not block', async () => {
    await admin.ok('create_repo', { repo_name: 'app', repo_type: 'git' });
    await admin.ok('create_repo', { repo_name: 'lib', repo_type: 'hg' });
    await admin.ok('create_repo_group', { group_name: 'area' });
    await admin.ok('create_user_group', { group_name: 'doomed' });
    await admin.ok('grant_user_group_permission', { repoid: 'lib', usergroupid: 'doomed', perm: 'repository.write' });
    await admin.ok('grant_user_group_permission', { repoid: 'app', usergroupid: 'doomed', perm: 'repository.read' });
    await admin.ok('grant_user_group_permission_to_repo_group', { repogroupid: 'area', usergroupid: 'doomed', perm: 'group.read' });
    const doomed = await admin.ok('get_user_group', { usergroupid: 'doomed' });

    expect(await alice.rpc.error('delete_user_group', { usergroupid: 'doomed' })).toBe('user group `doomed` does not exist');
    expect(await admin.error('delete_user_group', { usergroupid: 'doomed' })).toBe('User Group assigned to app, lib');

    await admin.ok('revoke_user_group_permission', { repoid: 'app', usergroupid: 'doomed' });
    await admin.ok('revoke_user_group_permission', { repoid: 'lib', usergroupid: 'doomed' });
    expect(await admin.ok('delete_user_group', { usergroupid: 'doomed' })).toEqual({ msg: `deleted user group ID:${doomed.users_group_id} doomed`, user_group: null });
    expect(await admin.error('get_user_group', { usergroupid: 'doomed' })).toBe('user group `doomed` does not exist');
    expect(await db.getRepository(UserGroupRepoGroupPermission).countBy({ userGroupId: doomed.users_group_id })).toBe(0);
  });
});
