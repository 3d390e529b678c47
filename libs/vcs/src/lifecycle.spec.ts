// Repository management on disk: init, clone, fork, pull, rename, rm__ marking, purge, scan.
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { deletionStamp, VcsService } from './service';
import { expectCode } from './testing/expect';
import { git, hg, makeTempDir, removeTempDir, unpackFixture, writeWorkFile } from './testing/cli';
import { lines } from './testing/oracle';

jest.setTimeout(120_000);

let root: string;
let work: string;
let vcs: VcsService;

beforeAll(async () => {
  root = await makeTempDir();
  work = await makeTempDir();
  vcs = new VcsService({ reposRoot: root });
});

afterAll(async () => {
  await vcs?.close();
  await removeTempDir(root);
  await removeTempDir(work);
});

describe('init', () => {
  test('creates a bare git repository and an hg repository without a working copy', async () => {
    const g = await vcs.init('team/tools/hello-git', 'git');
    expect(g.type).toBe('git');
    expect((await git(g.path, 'rev-parse', '--is-bare-repository')).trim()).toBe('true');
    const h = await vcs.init('team/tools/hello-hg', 'hg');
    expect(h.type).toBe('hg');
    expect((await readdir(h.path)).sort()).toEqual(['.hg']);
    expect((await hg(h.path, 'identify', '-r', 'tip', '--id')).trim()).toBe('000000000000');
    expect(await vcs.detectType('team/tools/hello-git')).toBe('git');
    expect(await vcs.detectType('team/tools/hello-hg')).toBe('hg');
    expect(await vcs.detectType('team/tools')).toBeNull();
    const named = await vcs.init('team/main-branch', 'git', { defaultBranch: 'main' });
    expect((await git(named.path, 'symbolic-ref', 'HEAD')).trim()).toBe('refs/heads/main');
  });

  test('refuses existing names, names inside a repository and unknown types', async () => {
    await vcs.init('dup', 'git');
    await expectCode(vcs.init('dup', 'hg'), 'Conflict');
    await expectCode(vcs.init('dup/inner', 'git'), 'InvalidName');
    await expectCode(vcs.init('odd/weird', 'svn' as never), 'InvalidArgument');
    expect(existsSync(join(root, 'odd'))).toBe(false);
    await expectCode(vcs.init('../escape', 'git'), 'InvalidName');
    await expectCode(vcs.init('ok', 'git', { defaultBranch: '--upload-pack=x' }), 'InvalidArgument');
  });
});

describe('clone, fork, pull', () => {
  test.each(['git', 'hg'] as const)('%s: clones a local path only when allowed, forks and pulls', async (type) => {
    const source = await unpackFixture(type, work, `src-${type}`);
    await expectCode(vcs.clone(`clones/${type}`, type, source), 'InvalidArgument');
    await expectCode(vcs.clone(`clones/${type}`, type, `file://${source}`), 'InvalidArgument');
    expect(existsSync(join(root, 'clones', type))).toBe(false);

    const cloned = await vcs.clone(`clones/${type}`, type, source, { allowLocal: true });
    const count = type === 'git' ? lines(await git(source, 'rev-list', '--all')).length : lines(await hg(source, 'log', '-T', '{rev}\\n')).length;
    expect(await cloned.countChangesets()).toBe(count);
    if (type === 'git') {
      expect((await git(cloned.path, 'symbolic-ref', 'HEAD')).trim()).toBe((await git(source, 'symbolic-ref', 'HEAD')).trim());
      expect(await git(cloned.path, 'config', '--list')).not.toContain(source);
    }

    const fork = await vcs.fork(`clones/${type}`, `forks/${type}-fork`);
    expect(await fork.countChangesets()).toBe(count);
    expect(fork.type).toBe(type);

    // New work in the source, then a pull brings it in.
    if (type === 'git') {
      const wc = join(work, 'wc-git');
      await git(work, 'clone', '-q', source, wc);
      await writeWorkFile(wc, 'new.txt', 'new\n');
      await git(wc, 'add', 'new.txt');
      await git(wc, 'commit', '-q', '-m', 'new work');
      await git(wc, 'push', '-q', 'origin', 'HEAD:refs/heads/pulled-branch');
    } else {
      await writeWorkFile(source, 'new.txt', 'new\n');
      await hg(source, 'commit', '-A', '-q', '-m', 'new work');
    }
    await expectCode(vcs.pull(`forks/${type}-fork`, source), 'InvalidArgument');
    await vcs.pull(`forks/${type}-fork`, source, { allowLocal: true });
    expect(await fork.countChangesets()).toBe(count + 1);
    expect((await fork.listChangesets({ limit: 1 }))[0]!.message.trim()).toBe('new work');
  });

  test('refuses dangerous or unsupported remote URLs before running anything', async () => {
    for (const url of ['ext::sh -c touch% /tmp/pwned', 'fd::17', '-oProxyCommand=touch /tmp/pwned', 'ssh://-oProxyCommand=x/y', 'relative/path', 'ftp://x/y', 'https://exa mple.com/x']) {
      await expectCode(vcs.clone('never', 'git', url), 'InvalidArgument');
      await expectCode(vcs.clone('never', 'hg', url), 'InvalidArgument');
    }
    expect(existsSync(join(root, 'never'))).toBe(false);
  });

  test('never shows credentials of a remote URL in errors', async () => {
    for (const type of ['git', 'hg'] as const) {
      const err = (await expectCode(vcs.clone(`cred-${type}`, type, 'https://alice:s3cr3t-pw@127.0.0.1:1/repo'), 'VcsFailure')) as Error & {
        details?: { command?: string; stderr?: string };
      };
      expect(`${err.message} ${err.details?.command ?? ''} ${err.details?.stderr ?? ''}`).not.toContain('s3cr3t-pw');
      expect(existsSync(join(root, `cred-${type}`))).toBe(false);
    }
  });
});

describe('maintenance', () => {
  test.each(['git', 'hg'] as const)('%s: optimize writes the caches that speed up reads, and reads agree before and after', async (type) => {
    await unpackFixture(type, root, `optimize/${type}`);
    const repo = await vcs.open(`optimize/${type}`);
    const before = await repo.lastChangesets('tip', 'vcs');
    await vcs.optimize(`optimize/${type}`);
    if (type === 'git') {
      expect(existsSync(join(repo.path, 'objects', 'info', 'commit-graph'))).toBe(true);
      expect(await git(repo.path, 'commit-graph', 'verify')).toBeDefined();
    } else {
      expect(existsSync(join(repo.path, '.hg', 'cache'))).toBe(true);
    }
    const after = await repo.lastChangesets('tip', 'vcs');
    expect(Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v.rawId]))).toEqual(Object.fromEntries(Object.entries(before).map(([k, v]) => [k, v.rawId])));
  });
});

describe('rename, delete, purge, scan', () => {
  test('renames and moves repositories into groups', async () => {
    await vcs.init('move/me', 'hg');
    const before = await vcs.open('move/me');
    await before.listChangesets();
    await vcs.rename('move/me', 'moved/deep/there');
    expect(await vcs.detectType('move/me')).toBeNull();
    expect(await vcs.detectType('moved/deep/there')).toBe('hg');
    await expectCode(vcs.open('move/me'), 'NotFound');
    expect(await (await vcs.open('moved/deep/there')).listChangesets()).toEqual([]);
    await vcs.init('move/other', 'git');
    await expectCode(vcs.rename('move/other', 'moved/deep/there'), 'Conflict');
    await expectCode(vcs.rename('move/nothing', 'x'), 'NotFound');
    await expectCode(vcs.rename('move', 'move/sub'), 'InvalidName');
  });

  test("marks a repository deleted with Kallithea's rm__ name and purges it", async () => {
    await vcs.init('grp/todelete', 'git');
    const at = new Date(2024, 0, 2, 3, 4, 5, 678);
    const newName = await vcs.markDeleted('grp/todelete', at);
    expect(newName).toBe('grp/rm__20240102_030405_678000__todelete');
    expect(deletionStamp(at)).toBe('20240102_030405_678000');
    expect(await vcs.detectType('grp/todelete')).toBeNull();
    expect(await vcs.detectType(newName)).toBe('git');
    const scan = await vcs.scan();
    expect(scan.repositories.map((r) => r.name)).not.toContain(newName);
    await vcs.purge(newName);
    expect(existsSync(join(root, 'grp', 'rm__20240102_030405_678000__todelete'))).toBe(false);
    await expectCode(vcs.markDeleted('grp/todelete'), 'NotFound');
    await mkdir(join(root, 'plain-dir'));
    await expectCode(vcs.purge('plain-dir'), 'NotFound');
    expect(existsSync(join(root, 'plain-dir'))).toBe(true);
  });

  test('creates and marks deleted repository groups', async () => {
    await vcs.createGroup('groups/a/b');
    expect(existsSync(join(root, 'groups', 'a', 'b'))).toBe(true);
    const name = await vcs.markGroupDeleted('groups/a/b', new Date(2024, 5, 6, 7, 8, 9, 10));
    expect(name).toBe('rm__20240606_070809_010000_GROUP_b');
    expect(existsSync(join(root, name))).toBe(true);
    await vcs.init('groups/repo', 'git');
    await expectCode(vcs.createGroup('groups/repo/inner'), 'InvalidName');
  });

  test('scans the root for repositories nested in groups, skipping rm__ entries and the gist store', async () => {
    const scanRoot = await makeTempDir();
    const scanner = new VcsService({ reposRoot: scanRoot });
    try {
      await scanner.init('top-git', 'git');
      await scanner.init('g1/inner-hg', 'hg');
      await scanner.init('g1/g2/deep-git', 'git');
      await scanner.init('.rc_gist_store/abcdef', 'hg');
      await scanner.init('g1/to-delete', 'hg');
      await scanner.markDeleted('g1/to-delete');
      await mkdir(join(scanRoot, 'empty-group'));
      const result = await scanner.scan();
      expect(result.repositories).toEqual([
        { name: 'g1/g2/deep-git', type: 'git' },
        { name: 'g1/inner-hg', type: 'hg' },
        { name: 'top-git', type: 'git' },
      ]);
      expect(result.groups).toEqual(['empty-group', 'g1', 'g1/g2']);
      expect(await scanner.diskUsage('top-git')).toBeGreaterThan(0);
      // the gist store is still addressable by name
      expect((await scanner.open('.rc_gist_store/abcdef')).type).toBe('hg');
    } finally {
      await scanner.close();
      await removeTempDir(scanRoot);
    }
  });

  test('keeps the git config free of credentials and hooks out of reach', async () => {
    const stateDir = await makeTempDir();
    const logged: string[] = [];
    const svc = new VcsService({ reposRoot: root, stateDir, logger: (_level, _message, meta) => logged.push(String(meta?.['command'])) });
    try {
      await svc.init('state-check', 'git');
      expect(logged.some((c) => /^git init --bare/.test(c))).toBe(true);
      const gitconfig = await readFile(join(stateDir, 'home', '.gitconfig'), 'utf8');
      expect(gitconfig).toContain('hooksPath');
      expect(existsSync(join(stateDir, 'hgrc'))).toBe(true);
    } finally {
      await svc.close();
      expect(existsSync(stateDir)).toBe(true); // a caller-provided state dir is left alone
      await removeTempDir(stateDir);
    }
  });
});
