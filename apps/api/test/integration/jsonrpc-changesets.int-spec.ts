// JSON-RPC changesets, nodes and the cached tip, on repositories pushed by the real git and hg
// clients (spec/jsonrpc-api.md §7.7, §7.5 get_repo_nodes, §7.1 invalidate_cache, §4 shapes).
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createTestApp, TestApp } from './utils/create-test-app';
import { RpcClient } from './utils/jsonrpc-client';
import { rpcAdmin, rpcUser, RpcUser } from './utils/jsonrpc-setup';
import { git, hg } from './utils/vcs-clients';

/** Commit times (UTC): C1 … C4 one day apart. */
const TIMES = [Date.UTC(2021, 2, 1, 10), Date.UTC(2021, 2, 2, 10), Date.UTC(2021, 2, 3, 10), Date.UTC(2021, 2, 4, 10)].map((ms) => ms / 1000);

/** §4: server local time, naive, no fraction. */
function localText(epochSeconds: number): string {
  const d = new Date(epochSeconds * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

async function put(work: string, file: string, text: string) {
  await mkdir(path.dirname(path.join(work, file)), { recursive: true });
  await writeFile(path.join(work, file), text);
}

/** The first tree, then: C2 edits src/a.txt, removes docs/x.md, adds src/new.txt; C3 edits README; C4 (branch feature, from C2) adds feature.txt. */
const FIRST_TREE = ['README', 'docs/x.md', 'src/a.txt', 'src/lib/b.txt', 'src/lib/deep/c.txt', 'zeta/z.txt'];

/** Builds the history with the git CLI and pushes it (branches master and feature, tag v1 on C2) into a bare repository. */
async function gitHistory(target: string): Promise<string[]> {
  const work = await mkdtemp(path.join(tmpdir(), 'grove-rpc-git-'));
  await git(['init', '-q', '-b', 'master', work]);
  const commitAt = async (message: string, i: number) => {
    await git(['add', '-A'], work);
    await gitAt(['commit', '-q', '-m', message], work, TIMES[i]!);
    return (await git(['rev-parse', 'HEAD'], work)).trim();
  };
  for (const file of FIRST_TREE) await put(work, file, `${file} v1\n`);
  const c1 = await commitAt('first commit', 0);
  await put(work, 'src/a.txt', 'a v2\n');
  await rm(path.join(work, 'docs/x.md'));
  await put(work, 'src/new.txt', 'new\n');
  const c2 = await commitAt('second commit', 1);
  await git(['tag', 'v1'], work);
  await git(['checkout', '-q', '-b', 'feature'], work);
  await put(work, 'feature.txt', 'feature\n');
  const c4 = await commitAt('feature work', 3);
  await git(['checkout', '-q', 'master'], work);
  await put(work, 'README', 'README v2\n');
  const c3 = await commitAt('third commit', 2);
  await git(['push', '-q', target, 'master', 'feature', 'v1'], work);
  await rm(work, { recursive: true, force: true });
  return [c1, c2, c3, c4];
}

/** git with author and committer dates fixed (and a +0200 offset, which must not matter). */
function gitAt(args: string[], cwd: string, epochSeconds: number): Promise<void> {
  const env = {
    PATH: process.env['PATH'] ?? '',
    HOME: tmpdir(),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Test Author',
    GIT_AUTHOR_EMAIL: 'author@example.com',
    GIT_COMMITTER_NAME: 'Test Author',
    GIT_COMMITTER_EMAIL: 'author@example.com',
    GIT_AUTHOR_DATE: `@${epochSeconds} +0200`,
    GIT_COMMITTER_DATE: `@${epochSeconds} +0200`,
  };
  return new Promise((resolve, reject) => execFile('git', args, { cwd, env }, (error) => (error ? reject(error) : resolve())));
}

/** The same history with the hg CLI (named branch feature), pushed into the repository. */
async function hgHistory(target: string): Promise<string[]> {
  const work = await mkdtemp(path.join(tmpdir(), 'grove-rpc-hg-'));
  await hg(['init', work]);
  const ids: string[] = [];
  const commitAt = async (message: string, i: number) => {
    await hg(['commit', '-q', '-A', '-m', message, '-d', `${TIMES[i]} 0`], work);
    ids.push((await hg(['log', '-r', '.', '-T', '{node}'], work)).trim());
  };
  for (const file of FIRST_TREE) await put(work, file, `${file} v1\n`);
  await commitAt('first commit', 0);
  await put(work, 'src/a.txt', 'a v2\n');
  await rm(path.join(work, 'docs/x.md'));
  await put(work, 'src/new.txt', 'new\n');
  await commitAt('second commit', 1);
  await put(work, 'README', 'README v2\n');
  await commitAt('third commit', 2);
  await hg(['update', '-q', '-r', ids[1]!], work);
  await hg(['branch', '-q', 'feature'], work);
  await put(work, 'feature.txt', 'feature\n');
  await commitAt('feature work', 3);
  await hg(['push', '-q', '--new-branch', target], work);
  await rm(work, { recursive: true, force: true });
  return ids;
}

describe('JSON-RPC changesets and nodes on real repositories (§7.7)', () => {
  let t: TestApp;
  let admin: RpcClient;
  let alice: RpcUser;
  let gitIds: string[];
  let hgIds: string[];

  beforeAll(async () => {
    t = await createTestApp();
    admin = rpcAdmin(t);
    alice = await rpcUser(t, 'alice');
    await admin.ok('create_repo', { repo_name: 'gitrepo', repo_type: 'git' });
    await admin.ok('create_repo', { repo_name: 'hgrepo', repo_type: 'hg' });
    await admin.ok('create_repo', { repo_name: 'empty', repo_type: 'git' });
    await admin.ok('create_repo', { repo_name: 'closed', repo_type: 'hg', private: true });
    gitIds = await gitHistory(path.join(t.reposRoot, 'gitrepo'));
    hgIds = await hgHistory(path.join(t.reposRoot, 'hgrepo'));
  });
  afterAll(() => t.close());

  it('git revision numbers are positions in `git rev-list --all --date-order --reverse`', async () => {
    const order = (await git(['--git-dir', path.join(t.reposRoot, 'gitrepo'), 'rev-list', '--all', '--date-order', '--reverse'])).trim().split('\n');
    expect(order).toEqual(gitIds);
    const all = await admin.ok('get_changesets', { repoid: 'gitrepo' });
    expect(all.map((c: { raw_id: string; revision: number }) => [c.raw_id, c.revision])).toEqual(gitIds.map((id, i) => [id, i]));
  });

  it.each(['git', 'hg'] as const)('%s: every changeset oldest first, with the summary shape', async (type) => {
    const ids = type === 'git' ? gitIds : hgIds;
    const all = await admin.ok('get_changesets', { repoid: `${type}repo` });
    expect(all).toHaveLength(4);
    const messages = ['first commit', 'second commit', 'third commit', 'feature work'];
    all.forEach((c: Record<string, unknown>, i: number) => {
      expect(Object.keys(c)).toEqual(['raw_id', 'short_id', 'revision', 'message', 'date', 'author']);
      expect(c).toEqual({
        raw_id: ids[i],
        short_id: ids[i]!.slice(0, 12),
        revision: i,
        // git keeps the message's trailing newline as stored (§4)
        message: type === 'git' ? `${messages[i]}\n` : messages[i],
        date: localText(TIMES[i]!),
        author: 'Test Author <author@example.com>',
      });
    });
  });

  it('hg revision numbers are the local revision numbers', async () => {
    const log = (await hg(['-R', path.join(t.reposRoot, 'hgrepo'), 'log', '-r', 'all()', '-T', '{rev} {node}\\n'])).trim().split('\n');
    expect(log).toEqual(hgIds.map((id, i) => `${i} ${id}`));
  });

  it.each(['git', 'hg'] as const)('%s: reverse, start/end (numbers or hashes, inclusive), max_revisions keeps the newest', async (type) => {
    const ids = type === 'git' ? gitIds : hgIds;
    const repoid = `${type}repo`;
    const rawIds = (list: Array<{ raw_id: string }>) => list.map((c) => c.raw_id);
    expect(rawIds(await admin.ok('get_changesets', { repoid, reverse: true }))).toEqual([...ids].reverse());
    expect(rawIds(await admin.ok('get_changesets', { repoid, start: 1, end: 2 }))).toEqual([ids[1], ids[2]]);
    expect(rawIds(await admin.ok('get_changesets', { repoid, start: ids[2], end: ids[3] }))).toEqual([ids[2], ids[3]]);
    expect(rawIds(await admin.ok('get_changesets', { repoid, start: String(1), end: 1 }))).toEqual([ids[1]]);
    expect(rawIds(await admin.ok('get_changesets', { repoid, start: 2 }))).toEqual([ids[2], ids[3]]);
    expect(rawIds(await admin.ok('get_changesets', { repoid, end: 0 }))).toEqual([ids[0]]);
    expect(rawIds(await admin.ok('get_changesets', { repoid, max_revisions: 2 }))).toEqual([ids[2], ids[3]]);
    expect(rawIds(await admin.ok('get_changesets', { repoid, max_revisions: 2, reverse: true }))).toEqual([ids[3], ids[2]]);
    expect(rawIds(await admin.ok('get_changesets', { repoid, max_revisions: '3', start: 1 }))).toEqual([ids[1], ids[2], ids[3]]);
  });

  it.each(['git', 'hg'] as const)('%s: start_date and end_date bound the commit date inclusively, in server local time', async (type) => {
    const ids = type === 'git' ? gitIds : hgIds;
    const rawIds = (list: Array<{ raw_id: string }>) => list.map((c) => c.raw_id);
    expect(rawIds(await admin.ok('get_changesets', { repoid: `${type}repo`, start_date: localText(TIMES[1]!), end_date: localText(TIMES[2]!) }))).toEqual([ids[1], ids[2]]);
    expect(rawIds(await admin.ok('get_changesets', { repoid: `${type}repo`, start_date: localText(TIMES[1]! + 1) }))).toEqual([ids[2], ids[3]]);
  });

  it('branch_name: hg lists the changesets on the named branch, git those reachable from the branch', async () => {
    const rawIds = (list: Array<{ raw_id: string }>) => list.map((c) => c.raw_id);
    expect(rawIds(await admin.ok('get_changesets', { repoid: 'hgrepo', branch_name: 'feature' }))).toEqual([hgIds[3]]);
    expect(rawIds(await admin.ok('get_changesets', { repoid: 'hgrepo', branch_name: 'default' }))).toEqual([hgIds[0], hgIds[1], hgIds[2]]);
    expect(rawIds(await admin.ok('get_changesets', { repoid: 'gitrepo', branch_name: 'feature' }))).toEqual([gitIds[0], gitIds[1], gitIds[3]]);
    expect(rawIds(await admin.ok('get_changesets', { repoid: 'gitrepo', branch_name: 'master' }))).toEqual([gitIds[0], gitIds[1], gitIds[2]]);
  });

  it.each(['git', 'hg'] as const)('%s: with_file_list adds added, changed and removed', async (type) => {
    const [second] = await admin.ok('get_changesets', { repoid: `${type}repo`, start: 1, end: 1, with_file_list: true });
    expect(second).toMatchObject({ added: ['src/new.txt'], changed: ['src/a.txt'], removed: ['docs/x.md'] });
    const [first] = await admin.ok('get_changesets', { repoid: `${type}repo`, end: 0, with_file_list: true });
    expect([...first.added].sort()).toEqual([...FIRST_TREE].sort());
    expect(first.changed).toEqual([]);
  });

  it('get_changesets errors: empty repository, access denied (explicit), and Internal server error for bad input', async () => {
    expect(await admin.error('get_changesets', { repoid: 'empty' })).toBe('Repository is empty');
    expect(await alice.rpc.error('get_changesets', { repoid: 'closed' })).toBe('Access denied to repo closed');
    expect(await alice.rpc.error('get_changesets', { repoid: 'nope' })).toBe('repository `nope` does not exist');
    for (const args of [
      { branch_name: 'no-such-branch' },
      { start_date: '2021-03-01' },
      { end_date: 'yesterday' },
      { start_date: '2021-02-30T10:00:00' },
      { start: 3, end: 1 },
      { start: 'no-such-revision' },
      { end: 'f'.repeat(40) },
      { max_revisions: -1 },
    ]) {
      expect(await admin.error('get_changesets', { repoid: 'gitrepo', ...args })).toBe('Internal server error');
      expect(await admin.error('get_changesets', { repoid: 'hgrepo', ...args })).toBe('Internal server error');
    }
  });

  it.each(['git', 'hg'] as const)('%s: get_changeset gives the detail shape by hash, number or name', async (type) => {
    const ids = type === 'git' ? gitIds : hgIds;
    const detail = await admin.ok('get_changeset', { repoid: `${type}repo`, raw_id: ids[1] });
    expect(Object.keys(detail)).toEqual(['raw_id', 'short_id', 'revision', 'date', 'message', 'author', 'added', 'changed', 'removed']);
    expect(detail).toEqual({
      raw_id: ids[1],
      short_id: ids[1]!.slice(0, 12),
      revision: 1,
      date: localText(TIMES[1]!),
      message: type === 'git' ? 'second commit\n' : 'second commit',
      author: { name: 'Test Author', email: 'author@example.com' },
      added: ['src/new.txt'],
      changed: ['src/a.txt'],
      removed: ['docs/x.md'],
    });
    expect((await admin.ok('get_changeset', { repoid: `${type}repo`, raw_id: '1' })).raw_id).toBe(ids[1]);
    expect((await admin.ok('get_changeset', { repoid: `${type}repo`, raw_id: 'feature' })).raw_id).toBe(ids[3]);
    expect(await admin.ok('get_changeset', { repoid: `${type}repo`, raw_id: ids[0], with_reviews: true })).toMatchObject({ raw_id: ids[0], reviews: [] });
  });

  it('get_changeset errors: unknown ids (and any id in an empty repository) do not exist; access is refused explicitly', async () => {
    expect(await admin.error('get_changeset', { repoid: 'gitrepo', raw_id: 'deadbeefdeadbeef' })).toBe('Changeset deadbeefdeadbeef does not exist');
    expect(await admin.error('get_changeset', { repoid: 'hgrepo', raw_id: '99' })).toBe('Changeset 99 does not exist');
    expect(await admin.error('get_changeset', { repoid: 'empty', raw_id: 'tip' })).toBe('Changeset tip does not exist');
    expect(await alice.rpc.error('get_changeset', { repoid: 'closed', raw_id: 'tip' })).toBe('Access denied to repo closed');
    expect((await alice.rpc.ok('get_changeset', { repoid: 'gitrepo', raw_id: gitIds[0] })).raw_id).toBe(gitIds[0]);
  });

  it.each(['git', 'hg'] as const)('%s: get_repo_nodes lists everything below a path in Kallithea\'s walk order', async (type) => {
    const ids = type === 'git' ? gitIds : hgIds;
    const repoid = `${type}repo`;
    const node = (name: string, kind: 'dir' | 'file') => ({ name, type: kind });
    const dirs = ['docs', 'src', 'zeta', 'src/lib', 'src/lib/deep'].map((d) => node(d, 'dir'));
    const files = ['README', 'docs/x.md', 'src/a.txt', 'src/lib/b.txt', 'src/lib/deep/c.txt', 'zeta/z.txt'].map((f) => node(f, 'file'));
    expect(await admin.ok('get_repo_nodes', { repoid, revision: ids[0], root_path: '/' })).toEqual([...dirs, ...files]);
    expect(await admin.ok('get_repo_nodes', { repoid, revision: 0, root_path: '/', ret_type: 'dirs' })).toEqual(dirs);
    expect(await admin.ok('get_repo_nodes', { repoid, revision: ids[0], root_path: '/', ret_type: 'files' })).toEqual(files);
    expect(await admin.ok('get_repo_nodes', { repoid, revision: ids[0], root_path: 'src' })).toEqual([
      node('src/lib', 'dir'),
      node('src/lib/deep', 'dir'),
      node('src/a.txt', 'file'),
      node('src/lib/b.txt', 'file'),
      node('src/lib/deep/c.txt', 'file'),
    ]);
    expect(await admin.ok('get_repo_nodes', { repoid, revision: 'feature', root_path: '/src/lib/', ret_type: 'files' })).toEqual([
      node('src/lib/b.txt', 'file'),
      node('src/lib/deep/c.txt', 'file'),
    ]);
  });

  it('get_repo_nodes errors: unknown revision or path, a file, an empty repository; bad ret_type; hide', async () => {
    for (const [repoid, revision, root_path] of [
      ['gitrepo', 'no-such-rev', '/'],
      ['gitrepo', 'master', 'no/such/dir'],
      ['hgrepo', 'tip', 'README'],
      ['empty', 'tip', '/'],
    ] as const) {
      expect(await admin.error('get_repo_nodes', { repoid, revision, root_path })).toBe(`failed to get repo: \`${repoid}\` nodes`);
    }
    expect(await admin.error('get_repo_nodes', { repoid: 'gitrepo', revision: 'master', root_path: '/', ret_type: 'both' })).toBe('ret_type must be one of all,dirs,files');
    expect(await admin.error('get_repo_nodes', { repoid: 'gitrepo', revision: 'nope', root_path: '/', ret_type: 'both' })).toBe('failed to get repo: `gitrepo` nodes');
    expect(await alice.rpc.error('get_repo_nodes', { repoid: 'closed', revision: 'tip', root_path: '/' })).toBe('repository `closed` does not exist');
  });

  it('invalidate_cache refreshes the cached tip that get_repo shows (write needed, hidden otherwise)', async () => {
    const before = await admin.ok('get_repo', { repoid: 'gitrepo' });
    // the pushes went straight to disk, not through Grove: the cache still shows an empty repository
    expect(before.last_changeset.raw_id).toBe('0'.repeat(40));
    expect(await alice.rpc.error('invalidate_cache', { repoid: 'gitrepo' })).toBe('repository `gitrepo` does not exist');
    await admin.ok('grant_user_permission', { repoid: 'gitrepo', userid: 'alice', perm: 'repository.write' });
    expect(await alice.rpc.ok('invalidate_cache', { repoid: before.repo_id })).toEqual({
      msg: `Cache for repository \`${before.repo_id}\` was invalidated`,
      repository: 'gitrepo',
    });
    expect((await alice.rpc.ok('get_repo', { repoid: 'gitrepo' })).last_changeset).toEqual({
      raw_id: gitIds[3],
      short_id: gitIds[3]!.slice(0, 12),
      revision: 3,
      message: 'feature work\n',
      date: localText(TIMES[3]!),
      author: 'Test Author <author@example.com>',
    });
    expect(await admin.ok('invalidate_cache', { repoid: 'hgrepo' })).toEqual({ msg: 'Cache for repository `hgrepo` was invalidated', repository: 'hgrepo' });
    const hgTip = (await admin.ok('get_repos')).find((r: { repo_name: string }) => r.repo_name === 'hgrepo').last_changeset;
    expect(hgTip).toMatchObject({ raw_id: hgIds[3], revision: 3, message: 'feature work' });
  });
});
