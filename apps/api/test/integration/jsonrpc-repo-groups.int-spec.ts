// JSON-RPC repository-group methods (spec/jsonrpc-api.md §7.4, §4 RepoGroup/Member, §8 B4–B6).
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { RepoGroup } from '../../src/repo-groups/repo-group.entity';
import { createTestApp, TestApp } from './utils/create-test-app';
import { RpcClient } from './utils/jsonrpc-client';
import { rpcAdmin, rpcUser, RpcUser } from './utils/jsonrpc-setup';
import { typeOf } from './utils/vcs-clients';

describe('JSON-RPC repository groups (§7.4)', () => {
  let t: TestApp;
  let admin: RpcClient;
  let alice: RpcUser;
  let db: DataSource;

  beforeAll(async () => {
    t = await createTestApp();
    admin = rpcAdmin(t);
    alice = await rpcUser(t, 'alice');
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  const dir = (name: string) => path.join(t.reposRoot, name);

  it('create_repo_group: top level, empty description becomes the name, directory on disk', async () => {
    const result = await admin.ok('create_repo_group', { group_name: 'team' });
    expect(result).toEqual({
      msg: 'created new repo group `team`',
      repo_group: { group_id: expect.any(Number), group_name: 'team', group_description: 'team', parent_group: null, repositories: [], owner: 'admin' },
    });
    expect(existsSync(dir('team'))).toBe(true);
  });

  it('create_repo_group under a parent given by name or id: the full name is parent/name', async () => {
    const team = await admin.ok('get_repo_group', { repogroupid: 'team' });
    const sub = await admin.ok('create_repo_group', { group_name: 'sub', parent: 'team', description: 'Sub group' });
    expect(sub.msg).toBe('created new repo group `sub`');
    expect(sub.repo_group).toMatchObject({ group_name: 'team/sub', parent_group: 'team', group_description: 'Sub group' });
    const other = await admin.ok('create_repo_group', { group_name: 'other', parent: team.group_id });
    expect(other.repo_group.group_name).toBe('team/other');
    expect(existsSync(dir('team/sub'))).toBe(true);
  });

  it('the existence check uses the full path (§8 B6): the same segment elsewhere is fine, the same path is not', async () => {
    expect(await admin.error('create_repo_group', { group_name: 'sub', parent: 'team' })).toBe('repo group `sub` already exist');
    expect(await admin.error('create_repo_group', { group_name: 'TEAM' })).toBe('repo group `TEAM` already exist');
    expect((await admin.ok('create_repo_group', { group_name: 'sub' })).repo_group.group_name).toBe('sub');
  });

  it('create_repo_group refuses unknown parents, invalid segments (a "/" included) and unknown owners, leaving nothing behind', async () => {
    const before = (await readdir(t.reposRoot)).sort();
    expect(await admin.error('create_repo_group', { group_name: 'x', parent: 'nope' })).toBe('repository group `nope` does not exist');
    for (const name of ['a/b', 'bad name', '..', '.', '', '-x', '123', '_7']) {
      expect(await admin.error('create_repo_group', { group_name: name })).toBe(`failed to create repo group \`${name}\``);
    }
    expect(await admin.error('create_repo_group', { group_name: 'orphan', owner: 'ghost' })).toBe('failed to create repo group `orphan`');
    expect((await readdir(t.reposRoot)).sort()).toEqual(before);
    expect(await db.getRepository(RepoGroup).countBy({ name: 'orphan' })).toBe(0);
  });

  it('members: default entry first; a non-admin owner gets an explicit group.admin entry; copy_permissions copies the parent', async () => {
    const owned = await admin.ok('create_repo_group', { group_name: 'alices', owner: 'alice' });
    expect(owned.repo_group.owner).toBe('alice');
    expect((await admin.ok('get_repo_group', { repogroupid: 'alices' })).members).toEqual([
      { name: 'default', type: 'user', permission: 'group.read' },
      { name: 'alice', type: 'user', permission: 'group.admin' },
    ]);
    expect((await admin.ok('get_repo_group', { repogroupid: 'team' })).members).toEqual([{ name: 'default', type: 'user', permission: 'group.read' }]);

    await admin.ok('create_user_group', { group_name: 'devs' });
    await admin.ok('grant_user_permission_to_repo_group', { repogroupid: 'team', userid: 'alice', perm: 'group.write' });
    await admin.ok('grant_user_group_permission_to_repo_group', { repogroupid: 'team', usergroupid: 'devs', perm: 'group.read' });
    await admin.ok('create_repo_group', { group_name: 'copied', parent: 'team', copy_permissions: true });
    expect((await admin.ok('get_repo_group', { repogroupid: 'team/copied' })).members).toEqual([
      { name: 'default', type: 'user', permission: 'group.read' },
      { name: 'alice', type: 'user', permission: 'group.write' },
      { name: 'devs', type: 'user_group', permission: 'group.read' },
    ]);
  });

  it('repositories lists the repositories directly inside, sorted case-insensitively', async () => {
    for (const name of ['team/beta', 'team/Alpha', 'team/gamma', 'team/sub/deep']) await admin.ok('create_repo', { repo_name: name, repo_type: 'git' });
    expect((await admin.ok('get_repo_group', { repogroupid: 'team' })).repositories).toEqual(['team/Alpha', 'team/beta', 'team/gamma']);
    const all = await admin.ok('get_repo_groups');
    expect(all.map((g: { group_name: string }) => g.group_name).sort()).toEqual(['alices', 'sub', 'team', 'team/copied', 'team/other', 'team/sub']);
    expect(all.find((g: { group_name: string }) => g.group_name === 'team/sub')).toMatchObject({ parent_group: 'team', repositories: ['team/sub/deep'] });
    for (const group of all) expect(Object.keys(group).sort()).toEqual(['group_description', 'group_id', 'group_name', 'owner', 'parent_group', 'repositories']);
  });

  it('update_repo_group renames (everything below follows, on disk too) and applies owner and parent (§8 B4)', async () => {
    const sub = await admin.ok('get_repo_group', { repogroupid: 'team/sub' });
    const renamed = await admin.ok('update_repo_group', { repogroupid: sub.group_id, group_name: 'lower', description: 'renamed' });
    expect(renamed.msg).toBe(`updated repository group ID:${sub.group_id} team/lower`);
    expect(renamed.repo_group).toMatchObject({ group_name: 'team/lower', group_description: 'renamed', repositories: ['team/lower/deep'] });
    expect(await typeOf(dir('team/lower/deep'))).toBe('git');
    expect(existsSync(dir('team/sub'))).toBe(false);
    expect((await admin.ok('get_repo', { repoid: 'team/lower/deep' })).repo_name).toBe('team/lower/deep');

    const moved = await admin.ok('update_repo_group', { repogroupid: 'team/lower', parent: 'alices', owner: 'alice' });
    expect(moved.msg).toBe(`updated repository group ID:${sub.group_id} alices/lower`);
    expect(moved.repo_group).toMatchObject({ group_name: 'alices/lower', parent_group: 'alices', owner: 'alice' });
    const top = await admin.ok('update_repo_group', { repogroupid: sub.group_id, parent: null });
    expect(top.repo_group).toMatchObject({ group_name: 'lower', parent_group: null });
    expect(await typeOf(dir('lower/deep'))).toBe('git');
  });

  it('update_repo_group refuses unknown owners and parents, clashes and invalid names, changing nothing', async () => {
    expect(await admin.error('update_repo_group', { repogroupid: 'lower', owner: 'ghost' })).toBe('user `ghost` does not exist');
    expect(await admin.error('update_repo_group', { repogroupid: 'lower', parent: 'nope' })).toBe('repository group `nope` does not exist');
    expect(await admin.error('update_repo_group', { repogroupid: 'lower', group_name: 'TEAM' })).toBe('failed to update repository group `lower`');
    expect(await admin.error('update_repo_group', { repogroupid: 'lower', group_name: 'a/b' })).toBe('failed to update repository group `lower`');
    expect(await admin.error('update_repo_group', { repogroupid: 'team', parent: 'team/other' })).toBe('failed to update repository group `team`');
    expect(await admin.error('update_repo_group', { repogroupid: 'nope', description: 'x' })).toBe('repository group `nope` does not exist');
    expect((await admin.ok('get_repo_group', { repogroupid: 'lower' })).group_name).toBe('lower');
  });

  it('delete_repo_group refuses a group that is not empty (§8 B5) and deletes an empty one', async () => {
    const lower = await admin.ok('get_repo_group', { repogroupid: 'lower' });
    expect(await admin.error('delete_repo_group', { repogroupid: 'lower' })).toBe(`failed to delete repo group ID:${lower.group_id} lower`);
    expect(await typeOf(dir('lower/deep'))).toBe('git');
    const team = await admin.ok('get_repo_group', { repogroupid: 'team' });
    expect(await admin.error('delete_repo_group', { repogroupid: team.group_id })).toBe(`failed to delete repo group ID:${team.group_id} team`);

    const other = await admin.ok('get_repo_group', { repogroupid: 'team/other' });
    expect(await admin.ok('delete_repo_group', { repogroupid: 'team/other' })).toEqual({ msg: `deleted repo group ID:${other.group_id} team/other`, repo_group: null });
    expect(existsSync(dir('team/other'))).toBe(false);
    expect(await admin.error('get_repo_group', { repogroupid: other.group_id })).toBe(`repository group \`${other.group_id}\` does not exist`);
  });

  it('every repository-group method is super-admin only, even for the group admin', async () => {
    for (const [method, args] of [
      ['get_repo_group', { repogroupid: 'alices' }],
      ['get_repo_groups', {}],
      ['create_repo_group', { group_name: 'x', parent: 'alices' }],
      ['update_repo_group', { repogroupid: 'alices', description: 'x' }],
      ['delete_repo_group', { repogroupid: 'alices' }],
    ] as const) {
      expect(await alice.rpc.error(method, args)).toBe('Internal server error');
    }
    expect(await db.getRepository(RepoGroup).countBy({ name: 'alices/x' })).toBe(0);
  });
});
