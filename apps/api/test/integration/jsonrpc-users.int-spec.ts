// JSON-RPC user methods (spec/jsonrpc-api.md §7.2, §4 User, §8 B1/B8).
import { DataSource } from 'typeorm';
import { User } from '../../src/users/user.entity';
import { ADMIN, createTestApp, TestApp } from './utils/create-test-app';
import { RpcClient } from './utils/jsonrpc-client';
import { apiKeyOf, rpcAdmin, rpcUser, RpcUser } from './utils/jsonrpc-setup';

const USER_KEYS = ['active', 'admin', 'email', 'emails', 'firstname', 'lastname', 'user_id', 'username'];
const FRESH_GLOBALS = [
  'group.read',
  'hg.create.repository',
  'hg.create.write_on_repogroup.true',
  'hg.extern_activate.auto',
  'hg.fork.repository',
  'hg.register.manual_activate',
  'repository.read',
  'usergroup.read',
];

describe('JSON-RPC users (§7.2)', () => {
  let t: TestApp;
  let admin: RpcClient;
  let alice: RpcUser;
  let bob: RpcUser;
  let db: DataSource;
  let adminId: number;

  beforeAll(async () => {
    t = await createTestApp();
    admin = rpcAdmin(t);
    alice = await rpcUser(t, 'alice', { firstname: 'Alice', lastname: 'Liddell' });
    bob = await rpcUser(t, 'bob');
    db = t.app.get(DataSource);
    adminId = (await db.getRepository(User).findOneByOrFail({ username: ADMIN.username })).id;
    // objects for the permissions block
    expect(await admin.ok('create_repo', { repo_name: 'pub', repo_type: 'git' })).toMatchObject({ success: true });
    expect(await admin.ok('create_repo', { repo_name: 'secret', repo_type: 'git', private: true })).toMatchObject({ success: true });
    expect(await admin.ok('create_repo_group', { group_name: 'team' })).toMatchObject({ msg: 'created new repo group `team`' });
    expect(await admin.ok('create_user_group', { group_name: 'devs' })).toMatchObject({ msg: 'created new user group `devs`' });
  });
  afterAll(() => t.close());

  it('get_user without userid: the caller, the 8 user keys and the permissions block — never an API key', async () => {
    const res = await alice.rpc.call('get_user');
    const user = res.body.result;
    expect(Object.keys(user).sort()).toEqual([...USER_KEYS, 'permissions'].sort());
    expect(user).toMatchObject({
      user_id: alice.id,
      username: 'alice',
      firstname: 'Alice',
      lastname: 'Liddell',
      email: 'alice@example.com',
      emails: ['alice@example.com'],
      active: true,
      admin: false,
    });
    expect([...user.permissions.global].sort()).toEqual(FRESH_GLOBALS);
    expect(new Set(user.permissions.global).size).toBe(user.permissions.global.length);
    expect(user.permissions.repositories).toEqual({ pub: 'repository.read', secret: 'repository.none' });
    expect(user.permissions.repositories_groups).toEqual({ team: 'group.read' });
    expect(user.permissions.user_groups).toEqual({ devs: 'usergroup.read' });
    expect(res.text).not.toContain(alice.apiKey);
    expect(res.text).not.toMatch(/"(api_key|api_keys|last_login|ip_addresses|extern_type|extern_name)"/);
  });

  it('an admin sees admin everywhere, and global is exactly hg.admin + write_on_repogroup', async () => {
    const me = await admin.ok('get_user');
    expect(me.username).toBe('admin');
    expect(me.admin).toBe(true);
    expect([...me.permissions.global].sort()).toEqual(['hg.admin', 'hg.create.write_on_repogroup.true']);
    expect(me.permissions.repositories).toEqual({ pub: 'repository.admin', secret: 'repository.admin' });
    expect(me.permissions.repositories_groups).toEqual({ team: 'group.admin' });
    expect(me.permissions.user_groups).toEqual({ devs: 'usergroup.admin' });
  });

  it('get_user: admins look anyone up by id, digit string or username; unknown users are a lookup error', async () => {
    for (const ref of [alice.id, String(alice.id), 'alice']) expect((await admin.ok('get_user', { userid: ref })).username).toBe('alice');
    expect(await admin.error('get_user', { userid: 'nobody' })).toBe('user `nobody` does not exist');
    expect(await admin.error('get_user', { userid: 99999 })).toBe('user `99999` does not exist');
    expect(await admin.error('get_user', { userid: '99999' })).toBe('user `99999` does not exist');
  });

  it('get_user: a non-admin may ask only about themselves — by id or by username (§8 B8)', async () => {
    for (const ref of [alice.id, String(alice.id), 'alice']) expect((await alice.rpc.ok('get_user', { userid: ref })).user_id).toBe(alice.id);
    for (const ref of [bob.id, 'bob', 'nobody', 99999, adminId]) {
      expect(await alice.rpc.error('get_user', { userid: ref })).toBe('userid is not the same as your user');
    }
  });

  it('get_users (admin): every user but default, ordered by username, User shape', async () => {
    const users = await admin.ok('get_users');
    expect(users.map((u: { username: string }) => u.username)).toEqual(['admin', 'alice', 'bob']);
    for (const u of users) expect(Object.keys(u).sort()).toEqual(USER_KEYS);
    expect(users[1]).toEqual({ user_id: alice.id, username: 'alice', firstname: 'Alice', lastname: 'Liddell', email: 'alice@example.com', emails: ['alice@example.com'], active: true, admin: false });
  });

  it('emails lists the primary address first, then the additional ones', async () => {
    expect((await t.admin().post(`/api/v1/users/${bob.id}/emails`, { email: 'bob.extra@example.com' })).status).toBe(201);
    const user = await admin.ok('get_user', { userid: 'bob' });
    expect(user.email).toBe('bob@example.com');
    expect(user.emails).toEqual(['bob@example.com', 'bob.extra@example.com']);
  });

  it('create_user: the message and the User; password "" means no password login; extern fields are stored, not shown', async () => {
    const result = await admin.ok('create_user', { username: 'carol', email: 'Carol@Example.com', firstname: 'Carol', extern_type: 'ldap', extern_name: 'uid=carol' });
    expect(result.msg).toBe('created new user `carol`');
    expect(result.user).toMatchObject({ username: 'carol', email: 'carol@example.com', emails: ['carol@example.com'], firstname: 'Carol', lastname: '', active: true, admin: false });
    expect(Object.keys(result.user).sort()).toEqual(USER_KEYS);
    const row = await db.getRepository(User).findOneByOrFail({ username: 'carol' });
    expect(row).toMatchObject({ externType: 'ldap', externName: 'uid=carol', password: '' });
    expect((await t.client().login('carol', '')).status).not.toBe(200);
    // the new user has a working key of their own
    expect((await new RpcClient(t.baseUrl, await apiKeyOf(t, result.user.user_id)).ok('get_user')).username).toBe('carol');

    const dave = await admin.ok('create_user', { username: 'dave', email: 'dave@example.com', password: 'dave-secret-1', active: false, admin: true });
    expect(dave.user).toMatchObject({ active: false, admin: true });
    expect((await new RpcClient(t.baseUrl, await apiKeyOf(t, dave.user.user_id)).error('get_user'))).toBe('Invalid API key');
    await admin.ok('update_user', { userid: 'dave', active: true });
    expect((await t.client().login('dave', 'dave-secret-1')).status).toBe(200);
  });

  it('create_user refuses a name taken in any case (§8 B1) and a taken e-mail (also additional ones), changing nothing', async () => {
    expect(await admin.error('create_user', { username: 'Alice', email: 'other@example.com' })).toBe('user `Alice` already exist');
    expect(await admin.error('create_user', { username: 'erin', email: 'ALICE@example.com' })).toBe('email `ALICE@example.com` already exist');
    expect(await admin.error('create_user', { username: 'erin', email: 'bob.extra@example.com' })).toBe('email `bob.extra@example.com` already exist');
    const aliceNow = await admin.ok('get_user', { userid: alice.id });
    expect(aliceNow).toMatchObject({ username: 'alice', email: 'alice@example.com', firstname: 'Alice' });
    expect(await db.getRepository(User).countBy({ username: 'erin' })).toBe(0);
  });

  it('create_user with a name or e-mail the web form refuses: failed to create user', async () => {
    for (const username of ['bad name', '-dash', 'default', '_42', 'x'.repeat(256)]) {
      expect(await admin.error('create_user', { username, email: 'fresh@example.com' })).toBe(`failed to create user \`${username}\``);
    }
    expect(await admin.error('create_user', { username: 'fresh', email: 'not-an-email' })).toBe('failed to create user `fresh`');
    expect(await db.getRepository(User).countBy({ username: 'fresh' })).toBe(0);
  });

  it('update_user: only the fields sent change; the message has the new name; renames and password changes work', async () => {
    const result = await admin.ok('update_user', { userid: bob.id, firstname: 'Robert', username: 'robert' });
    expect(result.msg).toBe(`updated user ID:${bob.id} robert`);
    expect(result.user).toMatchObject({ user_id: bob.id, username: 'robert', firstname: 'Robert', lastname: '', email: 'bob@example.com' });
    await admin.ok('update_user', { userid: 'robert', password: 'new-password-9' });
    expect((await t.client().login('robert', 'new-password-9')).status).toBe(200);
    await admin.ok('update_user', { userid: 'robert', password: '' });
    expect((await t.client().login('robert', 'new-password-9')).status).not.toBe(200);
    await admin.ok('update_user', { userid: String(bob.id), username: 'bob', email: 'BOB2@example.com' });
    expect((await admin.ok('get_user', { userid: 'bob' })).email).toBe('bob2@example.com');
  });

  it('update_user refuses the default user, clashes and unknown users', async () => {
    expect(await admin.error('update_user', { userid: 'default', firstname: 'x' })).toBe('editing default user is forbidden');
    expect(await admin.error('update_user', { userid: bob.id, username: 'ALICE' })).toBe(`failed to update user \`${bob.id}\``);
    expect(await admin.error('update_user', { userid: 'bob', email: 'alice@example.com' })).toBe('failed to update user `bob`');
    expect(await admin.error('update_user', { userid: 'bob', username: 'bad name' })).toBe('failed to update user `bob`');
    expect(await admin.error('update_user', { userid: 'ghost', firstname: 'x' })).toBe('user `ghost` does not exist');
    expect((await admin.ok('get_user', { userid: bob.id })).username).toBe('bob');
  });

  it('delete_user: deletes; refuses owners of repositories and the default user', async () => {
    const frank = await admin.ok('create_user', { username: 'frank', email: 'frank@example.com' });
    const result = await admin.ok('delete_user', { userid: 'frank' });
    expect(result).toEqual({ msg: `deleted user ID:${frank.user.user_id} frank`, user: null });
    expect(await admin.error('get_user', { userid: 'frank' })).toBe('user `frank` does not exist');

    const gina = await admin.ok('create_user', { username: 'gina', email: 'gina@example.com' });
    await admin.ok('create_repo', { repo_name: 'ginas', owner: 'gina', repo_type: 'hg' });
    expect(await admin.error('delete_user', { userid: 'gina' })).toBe(`failed to delete user ID:${gina.user.user_id} gina`);
    expect((await admin.ok('get_user', { userid: 'gina' })).username).toBe('gina');

    const defaultUser = await db.getRepository(User).findOneByOrFail({ username: 'default' });
    expect(await admin.error('delete_user', { userid: 'default' })).toBe(`failed to delete user ID:${defaultUser.id} default`);
    expect(await admin.error('delete_user', { userid: 'nobody' })).toBe('user `nobody` does not exist');
  });

  it('regular users cannot list, create, update or delete users', async () => {
    for (const [method, args] of [
      ['get_users', {}],
      ['create_user', { username: 'x1', email: 'x1@example.com' }],
      ['update_user', { userid: 'alice', admin: true }],
      ['delete_user', { userid: 'bob' }],
    ] as const) {
      expect(await alice.rpc.error(method, args)).toBe('Internal server error');
    }
    expect((await admin.ok('get_user', { userid: 'alice' })).admin).toBe(false);
  });
});
