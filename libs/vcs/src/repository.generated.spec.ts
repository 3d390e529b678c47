// Repositories built here with the real git and hg clients: merges, tags, branches, hg bookmarks,
// phases and obsolescence, submodules / subrepos, symlinks, executable bits, renames, copies,
// binaries, non-UTF-8 names and messages, and a file bigger than the batch-read limit.
import { randomBytes } from 'node:crypto';
import { chmod, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isVcsError } from './errors';
import { VcsService } from './service';
import { git, hg, makeTempDir, removeTempDir, runCli, writeWorkFile } from './testing/cli';
import { lines } from './testing/oracle';
import type { VcsRepository } from './vcs';

jest.setTimeout(120_000);

const LATIN1_NAME = Buffer.from('caf\xe9.txt', 'latin1'); // not valid UTF-8
const LATIN1_DECODED = 'caf\u00e9.txt';
const UTF8_NAME = 'ünïcødé dir/naïve file.txt';
const BIG = randomBytes(3 * 1024 * 1024);
const BINARY = Buffer.from([0, 1, 2, 3, 0, 255, 254, 10, 0, 7]);

let root: string;
let work: string;
let vcs: VcsService;
let gitRepo: VcsRepository;
let hgRepo: VcsRepository;
let gitBare: string;
let hgPath: string;

async function commitAll(dir: string, message: string, ...extra: string[]): Promise<void> {
  await git(dir, 'add', '-A');
  await git(dir, 'commit', '-q', '-m', message, ...extra);
}

async function buildGit(): Promise<void> {
  const sub = join(work, 'git-sub');
  await git(work, 'init', '-q', sub);
  await writeWorkFile(sub, 'lib.txt', 'submodule content\n');
  await commitAll(sub, 'sub init');

  const wc = join(work, 'git-wc');
  await git(work, 'init', '-q', wc);
  await writeWorkFile(wc, 'a.txt', 'one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\n');
  await writeWorkFile(wc, 'bin.dat', BINARY);
  await writeWorkFile(wc, 'script.sh', '#!/bin/sh\necho hi\n');
  await writeWorkFile(wc, 'noeol.txt', 'no newline at end');
  await writeWorkFile(wc, LATIN1_NAME, 'latin-1 named file\n');
  await writeWorkFile(wc, UTF8_NAME, 'utf-8 named file\n');
  await writeWorkFile(wc, 'big.bin', BIG);
  await symlink('a.txt', join(wc, 'link'));
  await commitAll(wc, 'initial');
  await git(wc, 'tag', 'light');
  await git(wc, 'tag', '-a', '-m', 'annotated tag', 'v1.0');

  await git(wc, 'checkout', '-q', '-b', 'feature');
  await writeWorkFile(wc, 'feature.txt', 'feature work\n');
  await commitAll(wc, 'feature work');
  await git(wc, 'checkout', '-q', 'master');
  await writeWorkFile(wc, 'a.txt', 'one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\n');
  await commitAll(wc, 'master work');
  await git(wc, 'merge', '-q', '--no-ff', '-m', 'merge feature', 'feature');

  // rename with a change, mode change, binary change, deletion, no-newline change
  await git(wc, 'mv', 'a.txt', 'renamed.txt');
  await writeWorkFile(wc, 'renamed.txt', 'one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\n');
  await chmod(join(wc, 'script.sh'), 0o755);
  await writeWorkFile(wc, 'bin.dat', Buffer.concat([BINARY, BINARY]));
  await writeWorkFile(wc, 'noeol.txt', 'no newline at end, changed');
  await git(wc, 'rm', '-q', 'feature.txt');
  await commitAll(wc, 'rename, chmod, binary, delete');

  await git(wc, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', sub, 'modules/sub');
  await commitAll(wc, 'add submodule');

  await writeFile(join(work, 'latin1-msg'), Buffer.from('caf\xe9 latin-1 message\n', 'latin1'));
  await writeWorkFile(wc, 'enc.txt', 'x\n');
  await git(wc, 'add', '-A');
  await git(wc, '-c', 'i18n.commitEncoding=ISO-8859-1', 'commit', '-q', '-F', join(work, 'latin1-msg'));
  await writeFile(join(work, 'bad-msg'), Buffer.from([0x62, 0x61, 0x64, 0x20, 0xff, 0x0a]));
  await writeWorkFile(wc, 'enc.txt', 'y\n');
  await git(wc, 'add', '-A');
  await runCli('git', ['commit', '-q', '-F', join(work, 'bad-msg')], { cwd: wc });

  gitBare = join(root, 'gen', 'git');
  await git(work, 'clone', '-q', '--bare', wc, gitBare);
  await git(gitBare, 'fetch', '-q', wc, 'feature:feature');
}

async function buildHg(): Promise<void> {
  const sub = join(work, 'hg-sub');
  await hg(work, 'init', sub);
  await writeWorkFile(sub, 'lib.txt', 'subrepo content\n');
  await hg(sub, 'commit', '-A', '-q', '-m', 'sub init');

  hgPath = join(root, 'gen', 'hg');
  const wc = hgPath;
  await hg(work, 'init', wc);
  await writeWorkFile(wc, 'a.txt', 'one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\n');
  await writeWorkFile(wc, 'bin.dat', BINARY);
  await writeWorkFile(wc, 'script.sh', '#!/bin/sh\necho hi\n');
  await writeWorkFile(wc, 'noeol.txt', 'no newline at end');
  await writeWorkFile(wc, LATIN1_NAME, 'latin-1 named file\n');
  await writeWorkFile(wc, UTF8_NAME, 'utf-8 named file\n');
  await writeWorkFile(wc, 'big.bin', BIG);
  await symlink('a.txt', join(wc, 'link'));
  await hg(wc, 'commit', '-A', '-q', '-m', 'initial');
  await hg(wc, 'tag', '-q', 'v1.0');
  await hg(wc, 'branch', '-q', 'feature');
  await writeWorkFile(wc, 'feature.txt', 'feature work\n');
  await hg(wc, 'commit', '-A', '-q', '-m', 'feature work');
  await hg(wc, 'update', '-q', 'default');
  await writeWorkFile(wc, 'a.txt', 'one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\n');
  await hg(wc, 'commit', '-q', '-m', 'default work');
  await hg(wc, 'merge', '-q', 'feature');
  await hg(wc, 'commit', '-q', '-m', 'merge feature');
  await hg(wc, 'update', '-q', 'feature');
  await hg(wc, 'commit', '-q', '--close-branch', '-m', 'close feature');
  await hg(wc, 'update', '-q', 'default');
  await hg(wc, 'mv', 'a.txt', 'renamed.txt');
  await hg(wc, 'cp', 'noeol.txt', 'copied.txt');
  await writeWorkFile(wc, 'renamed.txt', 'one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\n');
  await chmod(join(wc, 'script.sh'), 0o755);
  await writeWorkFile(wc, 'bin.dat', Buffer.concat([BINARY, BINARY]));
  await hg(wc, 'rm', 'feature.txt');
  await hg(wc, 'commit', '-q', '-m', 'rename, copy, chmod, binary, delete');
  await writeWorkFile(wc, '.hgsub', `modules/sub = ${sub}\n`);
  await hg(work, 'clone', '-q', sub, join(wc, 'modules', 'sub'));
  await hg(wc, 'add', '.hgsub');
  await hg(wc, 'commit', '-q', '-m', 'add subrepo');
  // hg converts messages from the local encoding (here Latin-1) to UTF-8 when committing.
  await writeFile(join(work, 'hg-latin1-msg'), Buffer.from('caf\xe9 latin-1 message', 'latin1'));
  await writeWorkFile(wc, 'enc.txt', 'x\n');
  await runCli('hg', ['commit', '-q', '-A', '-l', join(work, 'hg-latin1-msg')], { cwd: wc, env: { HGENCODING: 'latin1' } });
  await hg(wc, 'phase', '--public', '-r', '3');
  await hg(wc, 'bookmark', '-r', '2', 'book-one');
  await hg(wc, 'bookmark', 'book-two');
  // obsolescence: amend a changeset that has a child -> the old one stays visible (obsolete), its child is an orphan
  const evo = ['--config', 'experimental.evolution=all'];
  await writeWorkFile(wc, 'evo.txt', 'first\n');
  await hg(wc, ...evo, 'commit', '-A', '-q', '-m', 'to be amended');
  await writeWorkFile(wc, 'evo2.txt', 'child\n');
  await hg(wc, ...evo, 'commit', '-A', '-q', '-m', 'child of amended');
  await hg(wc, ...evo, 'update', '-q', '.^');
  await writeWorkFile(wc, 'evo.txt', 'amended\n');
  await hg(wc, ...evo, 'commit', '-q', '--amend', '-m', 'amended');
  await writeWorkFile(wc, 'secret.txt', 'secret\n');
  await hg(wc, 'commit', '-A', '-q', '--secret', '-m', 'secret work');
}

beforeAll(async () => {
  root = await makeTempDir();
  work = await makeTempDir();
  await Promise.all([buildGit(), buildHg()]);
  vcs = new VcsService({ reposRoot: root });
  gitRepo = await vcs.open('gen/git');
  hgRepo = await vcs.open('gen/hg');
});

afterAll(async () => {
  await vcs?.close();
  await removeTempDir(root);
  await removeTempDir(work);
});

const sorted = (xs: readonly string[]) => [...xs].sort();

describe.each(['git', 'hg'] as const)('%s repository built by the CLI', (type) => {
  const repo = (): VcsRepository => (type === 'git' ? gitRepo : hgRepo);
  const cli = (...args: string[]) => (type === 'git' ? runCli('git', args, { cwd: gitBare }) : runCli('hg', args, { cwd: hgPath }));

  test('records merges with both parents and their children', async () => {
    const all = await repo().listChangesets({ limit: 1000 });
    const merge = all.find((c) => c.message.startsWith('merge feature'))!;
    expect(merge.parents).toHaveLength(2);
    const expectedParents =
      type === 'git'
        ? lines(await cli('log', '-1', '--format=%P', merge.rawId))[0]!.split(' ')
        : lines(await cli('log', '-r', merge.rawId, '-T', '{p1node}\\n{p2node}\\n'));
    expect(merge.parents).toEqual(expectedParents);
    for (const p of merge.parents) expect((await repo().getChangeset(p)).children).toContain(merge.rawId);
    const rows = await repo().graph(all.map((c) => c.revision));
    const mergeRow = rows[all.indexOf(merge)]!;
    expect(mergeRow[1].filter(([from]) => from === mergeRow[0][0])).toHaveLength(2);
  });

  test('lists tags, branches (and hg closed branches and bookmarks) like the CLI', async () => {
    const refs = await repo().refs();
    if (type === 'git') {
      expect(sorted(refs.tags.map((t) => t.name))).toEqual(['light', 'v1.0']);
      const peeled = lines(await cli('rev-parse', 'v1.0^{commit}'))[0];
      expect(refs.tags.find((t) => t.name === 'v1.0')!.rawId).toBe(peeled);
      expect(sorted(refs.branches.map((b) => b.name))).toEqual(['feature', 'master']);
      expect(refs.bookmarks).toEqual([]);
    } else {
      expect(refs.closedBranches.map((b) => b.name)).toEqual(['feature']);
      expect(refs.branches.map((b) => b.name)).toEqual(['default']);
      const books = lines(await cli('bookmarks', '-T', '{bookmark} {node}\\n'));
      expect(sorted(refs.bookmarks.map((b) => `${b.name} ${b.rawId}`))).toEqual(sorted(books));
      const closing = (await repo().listChangesets({ limit: 100 })).find((c) => c.message === 'close feature')!;
      expect(closing.closesBranch).toBe(true);
    }
  });

  test('hg: reports phases, bookmarks and obsolescence like the CLI', async () => {
    if (type !== 'hg') return;
    const all = await repo().listChangesets({ limit: 1000 });
    const expected = lines(
      await cli('log', '-r', 'all()', '-T', '{node}|{phase}|{join(bookmarks, ",")}|{if(obsolete, "obsolete")}|{join(instabilities, ",")}\\n'),
    );
    const got = all
      .map((c) => `${c.rawId}|${c.phase}|${c.bookmarks.join(',')}|${c.obsolete ? 'obsolete' : ''}|${c.unstable ? 'orphan' : ''}`)
      .reverse();
    expect(got).toEqual(expected);
    expect(all.some((c) => c.obsolete)).toBe(true);
    expect(all.some((c) => c.unstable)).toBe(true);
    expect(all.some((c) => c.phase === 'secret')).toBe(true);
    const rows = await repo().graph(all.map((c) => c.revision));
    const orphanRow = rows[all.findIndex((c) => c.unstable)]!;
    expect(orphanRow[7]).toBe(1);
  });

  test('lists symlinks, executables, submodules / subrepos and non-UTF-8 names', async () => {
    const listing = await repo().listDirectory('tip', '');
    const byName = new Map(listing.entries.map((e) => [e.name, e]));
    expect(byName.get('link')).toMatchObject({ kind: 'symlink', symlinkTarget: 'a.txt', mode: '120000' });
    expect(byName.get('script.sh')).toMatchObject({ kind: 'file', mode: '100755', executable: true });
    expect(byName.get('big.bin')).toMatchObject({ kind: 'file', size: BIG.length });
    expect(byName.get(LATIN1_DECODED)).toMatchObject({ kind: 'file', size: 19 });
    expect(byName.get('ünïcødé dir')).toMatchObject({ kind: 'dir' });
    const modules = await repo().listDirectory('tip', 'modules');
    const sub = modules.entries.find((e) => e.name === 'sub')!;
    expect(sub.kind).toBe('submodule');
    if (type === 'git') {
      const [meta] = lines(await cli('ls-tree', 'HEAD', 'modules/sub'));
      expect(sub.subrepo!.revision).toBe(meta!.split(/\s+/)[2]);
      expect(sub.subrepo!.url).toBe(lines(await runCli('git', ['config', '-f', '.gitmodules', 'submodule.modules/sub.url'], { cwd: join(work, 'git-wc') }))[0]);
    } else {
      const state = lines(await cli('cat', '-r', 'tip', '.hgsubstate'))[0]!.split(' ');
      expect(sub.subrepo).toEqual({ url: join(work, 'hg-sub'), revision: state[0], type: 'hg' });
    }
  });

  test('reads files with non-UTF-8 and non-ASCII names, and a file bigger than the batch limit', async () => {
    const latin = await repo().readFile('tip', LATIN1_DECODED);
    expect(latin.content.toString()).toBe('latin-1 named file\n');
    const utf8 = await repo().readFile('tip', UTF8_NAME);
    expect(utf8.content.toString()).toBe('utf-8 named file\n');
    const big = await repo().readFile('tip', 'big.bin');
    expect(big.content.equals(BIG)).toBe(true);
    expect(big.binary).toBe(true);
    const cut = await repo().readFile('tip', 'big.bin', { maxBytes: 1000 });
    expect(cut.content.equals(BIG.subarray(0, 1000))).toBe(true);
    expect(cut.size).toBe(BIG.length);
    const stream = await repo().readFileStream('tip', 'big.bin');
    const chunks: Buffer[] = [];
    for await (const c of stream.stream) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(BIG)).toBe(true);
    const walk = await repo().walk('tip');
    expect(walk.files).toContain(LATIN1_DECODED);
    expect(walk.files).toContain(UTF8_NAME);
    const last = await repo().lastChangesets('tip', '');
    expect(last[LATIN1_DECODED]!.message.trim()).toBe('initial');
    const hist = await repo().listChangesets({ path: UTF8_NAME });
    expect(hist.map((c) => c.message.trim())).toEqual(['initial']);
  });

  test('decodes commit messages that are not UTF-8', async () => {
    const all = await repo().listChangesets({ limit: 100 });
    expect(all.some((c) => c.message.trim() === 'caf\u00e9 latin-1 message')).toBe(true);
    if (type === 'git') {
      // no encoding header and invalid UTF-8: decoded as Latin-1, never dropped
      expect(all.some((c) => c.message === 'bad \u00ff\n')).toBe(true);
      const raw = lines(await cli('log', '--encoding=UTF-8', '--format=%s', '-2'));
      expect(raw).toContain('caf\u00e9 latin-1 message');
    }
  });

  test('diffs renames, copies, mode changes, binaries, deletions and missing newlines like the CLI', async () => {
    const cs = (await repo().listChangesets({ limit: 100 })).find((c) => c.message.startsWith('rename'))!;
    const parsed = repo().parseDiff(await repo().changesetDiff(cs.rawId));
    const byPath = new Map(parsed.files.map((f) => [f.path, f]));
    const renamed = byPath.get('renamed.txt')!;
    expect(renamed).toMatchObject({ operation: 'renamed', oldPath: 'a.txt', newPath: 'renamed.txt' });
    expect(renamed.stats).toEqual({ added: 1, deleted: 0, binary: false });
    expect(byPath.get('script.sh')).toMatchObject({ operation: 'modified', modeChanged: true, oldMode: '100644', newMode: '100755' });
    expect(byPath.get('bin.dat')).toMatchObject({ operation: 'modified', binary: true, hasBinaryPatch: true });
    expect(byPath.get('feature.txt')).toMatchObject({ operation: 'removed', newPath: null });
    const noeol = byPath.get('noeol.txt');
    if (type === 'hg') {
      expect(byPath.get('copied.txt')).toMatchObject({ operation: 'copied', oldPath: 'noeol.txt' });
      expect(noeol).toBeUndefined();
    } else {
      expect(noeol!.hunks[0]!.lines.filter((l) => l.type === 'no-newline')).toHaveLength(2);
      // git's own summary of the same change
      const summary = (await cli('diff', '--summary', '-M', `${cs.rawId}^`, cs.rawId)).toString();
      expect(summary).toContain('rename a.txt => renamed.txt');
      expect(summary).toContain('mode change 100644 => 100755 script.sh');
      expect(summary).toContain('delete mode 100644 feature.txt');
    }
    if (type === 'hg') {
      const copies = lines(await cli('status', '--change', cs.rawId, '-C'));
      expect(copies).toEqual(expect.arrayContaining(['A copied.txt', '  noeol.txt', 'A renamed.txt', '  a.txt', 'R a.txt']));
    }
    const first = (await repo().listChangesets({ reverse: true, limit: 1 }))[0]!;
    const initial = repo().parseDiff(await repo().changesetDiff(first.rawId));
    expect(initial.files.map((f) => f.path)).toEqual(expect.arrayContaining([LATIN1_DECODED, UTF8_NAME, 'link', 'big.bin']));
    expect(initial.files.every((f) => f.operation === 'added')).toBe(true);
    expect(initial.files.find((f) => f.path === 'link')!.newMode).toBe('120000');
    const cut = repo().parseDiff(await repo().changesetDiff(first.rawId), { cutOffLimit: 2000 });
    expect(cut.truncated).toBe(true);
    expect(cut.files.length).toBeLessThan(initial.files.length);
    expect(cut.totalFiles).toBe(initial.files.length);
  });

  test('annotates and lists the history of a renamed file', async () => {
    const ann = await repo().annotate('tip', 'renamed.txt');
    expect(ann.lines.map((l) => l.content)).toEqual(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']);
    const byMessage = (id: string) => ann.changesets[id]!.message.trim();
    expect(byMessage(ann.lines[9]!.rawId)).toMatch(/^rename/);
  });

  test('commits through the library on top of the CLI history and refuses a stale parent', async () => {
    const branch = type === 'git' ? 'master' : 'default';
    const head = type === 'git' ? await repo().resolveRevision('master') : (await repo().heads('default'))[0]!;
    const cs = await repo().commit({
      branch,
      parentId: head,
      author: { name: 'Web Editor', email: 'web@example.com' },
      date: { timestamp: 1_700_000_000, offset: 60 },
      message: 'edit via web',
      actions: [{ op: 'edit', path: LATIN1_DECODED, content: 'edited\n' }],
    });
    expect(cs.parents).toEqual([head]);
    expect(cs.changed).toEqual([LATIN1_DECODED]);
    expect(cs.date).toEqual({ timestamp: 1_700_000_000, offset: 60 });
    expect((await repo().readFile(cs.rawId, LATIN1_DECODED)).content.toString()).toBe('edited\n');
    let err: unknown;
    try {
      await repo().commit({ branch, parentId: head, author: { name: 'X', email: 'x@y' }, message: 'stale', actions: [{ op: 'delete', path: 'big.bin' }] });
    } catch (e) {
      err = e;
    }
    expect(isVcsError(err, 'Conflict')).toBe(true);
  });
});

describe('empty repositories', () => {
  test.each(['git', 'hg'] as const)('%s: an empty repository has no changesets and refuses revisions', async (type) => {
    const repo = await vcs.init(`empty/${type}`, type);
    expect(await repo.isEmpty()).toBe(true);
    expect(await repo.listChangesets()).toEqual([]);
    expect(await repo.countChangesets()).toBe(0);
    expect((await repo.refs()).tip).toBeNull();
    expect(await repo.landingRevision('rev:tip')).toBeNull();
    await expect(repo.resolveRevision('tip')).rejects.toMatchObject({ code: 'InvalidRevision' });
    await expect(repo.listDirectory('tip', '')).rejects.toMatchObject({ code: 'InvalidRevision' });
    expect(await repo.graph([])).toEqual([]);
    const stats = await repo.statistics(0, 10);
    expect(stats.fromRevision).toBe(-1);
  });
});
