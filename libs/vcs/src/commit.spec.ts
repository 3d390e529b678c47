// Web commits (add / edit / delete / rename) checked with the CLIs, and compare / diff across a fork.
import { VcsService } from './service';
import { git, hg, makeTempDir, removeTempDir, runCli } from './testing/cli';
import { lines } from './testing/oracle';
import type { VcsRepository } from './vcs';

jest.setTimeout(120_000);

let root: string;
let vcs: VcsService;

beforeAll(async () => {
  root = await makeTempDir();
  vcs = new VcsService({ reposRoot: root });
});

afterAll(async () => {
  await vcs?.close();
  await removeTempDir(root);
});

const author = { name: 'Ada Lovelace', email: 'ada@example.com' };
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);

describe.each(['git', 'hg'] as const)('%s commits', (type) => {
  let repo: VcsRepository;
  const branch = type === 'git' ? 'master' : 'default';
  const cli = (...args: string[]) => (type === 'git' ? git(repo.path, ...args) : hg(repo.path, ...args));
  const show = async (rev: string, path: string) =>
    type === 'git' ? await runCli('git', ['cat-file', 'blob', `${rev}:${path}`], { cwd: repo.path }) : await runCli('hg', ['cat', '-r', rev, path], { cwd: repo.path });

  beforeAll(async () => {
    repo = await vcs.init(`commits/${type}`, type);
  });

  test('adds files to an empty repository, then edits, renames and deletes on top', async () => {
    const first = await repo.commit({
      branch,
      parentId: null,
      author,
      date: { timestamp: 1_600_000_000, offset: -300 },
      message: 'Added file via Grove',
      actions: [
        { op: 'add', path: 'docs/readme.txt', content: 'hello\n' },
        { op: 'add', path: 'bin/run.sh', content: '#!/bin/sh\n', executable: true },
        { op: 'add', path: 'img/logo.png', content: PNG },
      ],
    });
    expect(first.parents).toEqual([]);
    expect([...first.added!].sort()).toEqual(['bin/run.sh', 'docs/readme.txt', 'img/logo.png']);
    if (type === 'git') {
      expect((await cli('log', '-1', '--format=%an <%ae>|%at|%ai|%B', first.rawId)).trim()).toBe('Ada Lovelace <ada@example.com>|1600000000|2020-09-13 07:26:40 -0500|Added file via Grove');
      expect(lines(await cli('ls-tree', '-r', first.rawId)).map((l) => `${l.split(/\s+/)[0]} ${l.split('\t')[1]}`)).toEqual([
        '100755 bin/run.sh',
        '100644 docs/readme.txt',
        '100644 img/logo.png',
      ]);
      expect((await cli('symbolic-ref', 'HEAD')).trim()).toBe('refs/heads/master');
    } else {
      expect((await cli('log', '-r', first.rawId, '-T', '{author}|{date|hgdate}|{branch}|{desc}')).trim()).toBe('Ada Lovelace <ada@example.com>|1600000000 18000|default|Added file via Grove');
      expect(lines(await cli('files', '-r', first.rawId, '-T', '{flags} {path}\\n'))).toEqual([' bin/run.sh'.replace(' ', 'x '), ' docs/readme.txt', ' img/logo.png']);
    }
    expect((await show(first.rawId, 'img/logo.png')).equals(PNG)).toBe(true);

    const second = await repo.commit({
      branch,
      parentId: first.rawId,
      author,
      message: 'Edited and moved files',
      actions: [
        { op: 'edit', path: 'docs/readme.txt', content: 'hello\nworld\n' },
        { op: 'rename', from: 'bin/run.sh', path: 'scripts/run.sh' },
        { op: 'delete', path: 'img/logo.png' },
      ],
    });
    expect(second.parents).toEqual([first.rawId]);
    expect(second.changed).toEqual(['docs/readme.txt']);
    expect(second.added).toEqual(['scripts/run.sh']);
    expect([...second.removed!].sort()).toEqual(['bin/run.sh', 'img/logo.png']);
    expect((await show(second.rawId, 'docs/readme.txt')).toString()).toBe('hello\nworld\n');
    const moved = await repo.listDirectory(second.rawId, 'scripts');
    expect(moved.entries).toMatchObject([{ name: 'run.sh', mode: '100755' }]);
    if (type === 'hg') expect(lines(await cli('status', '--change', second.rawId, '-C'))).toContain('  bin/run.sh');
    const diff = repo.parseDiff(await repo.changesetDiff(second.rawId));
    expect(diff.files.find((f) => f.path === 'scripts/run.sh')).toMatchObject({ operation: 'renamed', oldPath: 'bin/run.sh' });
    expect(await repo.resolveRevision(type === 'git' ? 'master' : 'tip')).toBe(second.rawId);
  });

  test('refuses stale parents, existing or missing files, and bad authors, leaving the branch alone', async () => {
    const head = await repo.resolveRevision(type === 'git' ? 'master' : 'tip');
    const first = (await repo.listChangesets({ reverse: true, limit: 1 }))[0]!.rawId;
    const attempt = (over: Partial<Parameters<VcsRepository['commit']>[0]>) =>
      repo.commit({ branch, parentId: head, author, message: 'x', actions: [{ op: 'add', path: 'new.txt', content: 'x' }], ...over });
    await expect(attempt({ parentId: first })).rejects.toMatchObject({ code: 'Conflict' });
    await expect(attempt({ parentId: null })).rejects.toMatchObject({ code: 'Conflict' });
    await expect(attempt({ actions: [{ op: 'add', path: 'docs/readme.txt', content: 'dup' }] })).rejects.toMatchObject({ code: 'Conflict' });
    await expect(attempt({ actions: [{ op: 'edit', path: 'nope.txt', content: 'x' }] })).rejects.toMatchObject({ code: 'NotFound' });
    await expect(attempt({ actions: [{ op: 'delete', path: 'nope.txt' }] })).rejects.toMatchObject({ code: 'NotFound' });
    await expect(attempt({ actions: [{ op: 'add', path: '../escape', content: 'x' }] })).rejects.toMatchObject({ code: 'InvalidPath' });
    await expect(attempt({ author: { name: 'Eve <evil@x>', email: 'e@x' } })).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(attempt({ author: { name: 'Eve\ncommitter Mallory', email: 'e@x' } })).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(attempt({ branch: '-x' })).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(await repo.resolveRevision(type === 'git' ? 'master' : 'tip')).toBe(head);
    expect(await repo.countChangesets()).toBe(2);
  });

  test('commits concurrently on the same head: exactly one wins', async () => {
    const head = await repo.resolveRevision(type === 'git' ? 'master' : 'tip');
    const results = await Promise.allSettled(
      [1, 2, 3].map((i) => repo.commit({ branch, parentId: head, author, message: `race ${i}`, actions: [{ op: 'add', path: `race-${i}.txt`, content: `${i}` }] })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'Conflict' });
    expect(await repo.countChangesets()).toBe(3);
  });

  if (type === 'git') {
    test("a commit parked under a web commit's temporary ref is not history", async () => {
      const before = await repo.countChangesets();
      const parked = (await git(repo.path, 'commit-tree', '-m', 'in flight', 'HEAD^{tree}')).toString().trim();
      await git(repo.path, 'update-ref', 'refs/grove-tmp/in-flight', parked);
      try {
        const fresh = await vcs.open(`commits/${type}`);
        expect(await fresh.countChangesets()).toBe(before);
        expect((await fresh.listChangesets({ limit: 1000 })).map((c) => c.rawId)).not.toContain(parked);
      } finally {
        await git(repo.path, 'update-ref', '-d', 'refs/grove-tmp/in-flight');
      }
    });
  }

  test('compares and diffs across a fork', async () => {
    const fork = await vcs.fork(`commits/${type}`, `commits/${type}-fork`);
    const base = await repo.resolveRevision(type === 'git' ? 'master' : 'tip');
    const forkHead = await fork.commit({ branch, parentId: base, author, message: 'work in the fork', actions: [{ op: 'edit', path: 'docs/readme.txt', content: 'forked\n' }] });
    const plan = await repo.compare(base, forkHead.rawId, { other: fork });
    expect(plan.ancestors).toEqual([base]);
    expect(plan.changesets.map((c) => c.rawId)).toEqual([forkHead.rawId]);
    expect(plan.changesets[0]!.revision).toBe(forkHead.revision);
    const raw = await repo.diff(base, forkHead.rawId, { other: fork });
    const expected =
      type === 'git'
        ? await runCli('git', ['diff', '--binary', '--full-index', '-M', '-C', base, forkHead.rawId], { cwd: fork.path })
        : await runCli('hg', ['diff', '--git', '-r', base, '-r', forkHead.rawId], { cwd: fork.path });
    expect(raw.raw.toString()).toBe(expected.toString());
    await expect(repo.diff(base, forkHead.rawId)).rejects.toMatchObject({ code: 'InvalidRevision' });
  });
});

test('refuses to compare repositories of different types', async () => {
  const g = await vcs.open('commits/git');
  const h = await vcs.open('commits/hg');
  await expect(g.compare('tip', 'tip', { other: h })).rejects.toMatchObject({ code: 'InvalidArgument' });
  await expect(h.diff('tip', 'tip', { other: g })).rejects.toMatchObject({ code: 'InvalidArgument' });
});
