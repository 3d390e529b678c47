// JSON-RPC server methods (spec/jsonrpc-api.md §7.1): test, get_server_info, get_ip/show_ip,
// rescan_repos and pull, with repositories made by the real git and hg clients.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { UserLog } from '../../src/journal/user-log.entity';
import { GROVE_VERSION } from '../../src/version';
import { ADMIN, createTestApp, TestApp } from './utils/create-test-app';

const ADMIN_KEY = ADMIN.apiKey;
import { RpcClient } from './utils/jsonrpc-client';
import { rpcAdmin, rpcUser, RpcUser } from './utils/jsonrpc-setup';
import { git, hg, pushCommits } from './utils/vcs-clients';

/** One more commit on top of a repository's history, made in a clone with the real client and pushed back. */
async function appendCommit(type: 'git' | 'hg', repoDir: string, message: string): Promise<string> {
  const work = path.join(await mkdtemp(path.join(tmpdir(), `grove-rpc-${type}-`)), 'work');
  try {
    if (type === 'git') {
      await git(['clone', '-q', repoDir, work]);
      await writeFile(path.join(work, `${message}.txt`), `${message}\n`);
      await git(['add', '-A'], work);
      await git(['commit', '-q', '-m', message], work);
      await git(['push', '-q', 'origin', 'HEAD:master'], work);
      return (await git(['rev-parse', 'HEAD'], work)).trim();
    }
    await hg(['clone', '-q', repoDir, work]);
    await writeFile(path.join(work, `${message}.txt`), `${message}\n`);
    await hg(['commit', '-q', '-A', '-m', message], work);
    await hg(['push', '-q'], work);
    return (await hg(['log', '-r', '.', '-T', '{node}'], work)).trim();
  } finally {
    await rm(path.dirname(work), { recursive: true, force: true });
  }
}

describe('JSON-RPC server methods (§7.1)', () => {
  let t: TestApp;
  let admin: RpcClient;
  let alice: RpcUser;

  beforeAll(async () => {
    t = await createTestApp();
    admin = rpcAdmin(t);
    alice = await rpcUser(t, 'alice');
  });
  afterAll(() => t.close());

  const dir = (name: string) => path.join(t.reposRoot, name);
  const repoNames = async () => (await admin.ok('get_repos')).map((r: { repo_name: string }) => r.repo_name).sort();

  it('test echoes its args unchanged', async () => {
    for (const value of [{ a: [1, 2, { b: null }] }, 'text', 42, [], true]) expect(await admin.ok('test', { args: value })).toEqual(value);
  });

  it('get_server_info keeps every Kallithea key, filled with Grove\'s runtime, version and git', async () => {
    const info = await admin.ok('get_server_info');
    expect(Object.keys(info).sort()).toEqual(['git_path', 'git_version', 'kallithea_version', 'modules', 'platform', 'py_version']);
    expect(info.kallithea_version).toBe(GROVE_VERSION);
    expect(info.py_version).toContain(process.version);
    const gitVersion = /git version (\S+)/.exec(await git(['--version']))![1];
    expect(info.git_version).toBe(gitVersion);
    expect(path.isAbsolute(info.git_path)).toBe(true);
    expect(existsSync(info.git_path)).toBe(true);
    const names: string[] = info.modules.map((m: [string, string]) => m[0]);
    expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    expect(info.modules).toContainEqual(['node', process.versions.node]);
    for (const m of info.modules) expect(m).toEqual([expect.any(String), expect.any(String)]);
  });

  it('get_ip / show_ip: the caller\'s address as a dotted quad and a user\'s allow-list with ranges', async () => {
    expect(await admin.ok('get_ip')).toEqual({ server_ip_addr: '127.0.0.1', user_ips: [] });
    expect((await t.admin().post(`/api/v1/users/${alice.id}/ips`, { ipAddr: '10.0.0.0/8' })).status).toBe(201);
    expect((await t.admin().post(`/api/v1/users/${alice.id}/ips`, { ipAddr: '127.0.0.1' })).status).toBe(201);
    const expected = {
      server_ip_addr: '127.0.0.1',
      user_ips: [
        { ip_addr: '10.0.0.0/8', ip_range: ['10.0.0.0', '10.255.255.255'] },
        { ip_addr: '127.0.0.1/32', ip_range: ['127.0.0.1', '127.0.0.1'] },
      ],
    };
    expect(await admin.ok('get_ip', { userid: 'alice' })).toEqual(expected);
    expect(await admin.ok('show_ip', { userid: alice.id })).toEqual(expected);
    expect(await admin.error('get_ip', { userid: 'ghost' })).toBe('user `ghost` does not exist');
    expect(await alice.rpc.error('get_ip')).toBe('Internal server error');
  });

  it('rescan_repos imports repositories found on disk (groups too); remove_obsolete drops those gone', async () => {
    await git(['init', '-q', '--bare', dir('found-git')]);
    await mkdir(dir('area/inner'), { recursive: true });
    await hg(['init', dir('area/inner/found-hg')]);
    await pushCommits('hg', dir('area/inner/found-hg'), 1);
    const result = await admin.ok('rescan_repos');
    expect(Object.keys(result).sort()).toEqual(['added', 'removed']);
    expect([...result.added].sort()).toEqual(['area/inner/found-hg', 'found-git']);
    expect(result.removed).toEqual([]);
    expect(await admin.ok('get_repo', { repoid: 'area/inner/found-hg' })).toMatchObject({ repo_type: 'hg', owner: 'admin' });
    expect((await admin.ok('get_repo_group', { repogroupid: 'area/inner' })).repositories).toEqual(['area/inner/found-hg']);

    expect(await admin.ok('rescan_repos', { remove_obsolete: false })).toEqual({ added: [], removed: [] });
    await rm(dir('found-git'), { recursive: true, force: true });
    expect(await admin.ok('rescan_repos')).toEqual({ added: [], removed: [] });
    expect(await repoNames()).toContain('found-git');
    expect(await admin.ok('rescan_repos', { remove_obsolete: true })).toEqual({ added: [], removed: ['found-git'] });
    expect(await repoNames()).not.toContain('found-git');
  });

  it('pull fetches from clone_uri, else the stored remote, else the parent of a fork; journaled as push_remote', async () => {
    await admin.ok('create_repo', { repo_name: 'upstream', repo_type: 'git' });
    const first = await pushCommits('git', dir('upstream'), 2, 'up');
    await admin.ok('create_repo', { repo_name: 'mirror', repo_type: 'git' });

    // a local path is a remote only where the site allows it
    expect(await admin.error('pull', { repoid: 'mirror', clone_uri: dir('upstream') })).toBe('Unable to pull changes from `mirror`');
    expect((await t.admin().patch('/api/v1/admin/settings', { cloneUriAllowLocal: true })).status).toBe(200);
    try {
      expect(await admin.ok('pull', { repoid: 'mirror', clone_uri: dir('upstream') })).toEqual({ msg: 'Pulled from `mirror`', repository: 'mirror' });
      expect((await admin.ok('get_changesets', { repoid: 'mirror' })).map((c: { raw_id: string }) => c.raw_id)).toEqual(first);
      // the cached tip is refreshed by the pull
      expect((await admin.ok('get_repo', { repoid: 'mirror' })).last_changeset.raw_id).toBe(first[1]);
      const log = await t.app.get(DataSource).getRepository(UserLog).findOneByOrFail({ repositoryName: 'mirror', action: `push_remote:${first.join(',')}` });
      expect(log.username).toBe('admin');

      await admin.ok('update_repo', { repoid: 'mirror', clone_uri: dir('upstream') });
      const more = await appendCommit('git', dir('upstream'), 'more');
      expect(await admin.ok('pull', { repoid: 'mirror' })).toEqual({ msg: 'Pulled from `mirror`', repository: 'mirror' });
      expect((await admin.ok('get_changeset', { repoid: 'mirror', raw_id: more })).raw_id).toBe(more);
    } finally {
      await t.admin().patch('/api/v1/admin/settings', { cloneUriAllowLocal: false });
    }

    await admin.ok('create_repo', { repo_name: 'hg-up', repo_type: 'hg' });
    await pushCommits('hg', dir('hg-up'), 1, 'one');
    await admin.ok('fork_repo', { repoid: 'hg-up', fork_name: 'hg-fork' });
    const later = await appendCommit('hg', dir('hg-up'), 'later');
    expect(await admin.ok('pull', { repoid: 'hg-fork' })).toEqual({ msg: 'Pulled from `hg-fork`', repository: 'hg-fork' });
    expect((await admin.ok('get_changeset', { repoid: 'hg-fork', raw_id: later })).raw_id).toBe(later);

    expect(await admin.error('pull', { repoid: 'hg-up' })).toBe('Unable to pull changes from `hg-up`');
    expect(await admin.error('pull', { repoid: 'mirror', clone_uri: 'https://127.0.0.1:1/nothing.git' })).toBe('Unable to pull changes from `mirror`');
    expect(await admin.error('pull', { repoid: 'nope' })).toBe('repository `nope` does not exist');
    expect(await alice.rpc.error('pull', { repoid: 'hg-up' })).toBe('Internal server error');
  });
});

describe('JSON-RPC client address behind a proxy (§2)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ GROVE_TRUSTED_PROXIES: '127.0.0.1' });
  });
  afterAll(() => t.close());

  it('trusts X-Real-IP, then X-Forwarded-For, only from configured proxies; the allow-list applies to that address', async () => {
    const viaProxy = (headers: Record<string, string>, key = ADMIN_KEY) => new RpcClient(t.baseUrl, key, headers);
    expect((await viaProxy({ 'x-real-ip': '203.0.113.7', 'x-forwarded-for': '198.51.100.1' }).ok('get_ip')).server_ip_addr).toBe('203.0.113.7');
    expect((await viaProxy({ 'x-forwarded-for': '198.51.100.1, 10.0.0.1' }).ok('get_ip')).server_ip_addr).toBe('198.51.100.1');

    const bob = await rpcUser(t, 'bob');
    expect((await t.admin().post(`/api/v1/users/${bob.id}/ips`, { ipAddr: '198.51.100.0/24' })).status).toBe(201);
    expect((await viaProxy({ 'x-real-ip': '198.51.100.20' }, bob.apiKey).ok('get_user')).username).toBe('bob');
    expect(await viaProxy({ 'x-real-ip': '203.0.113.7' }, bob.apiKey).error('get_user')).toBe('Invalid API key');
  });
});
