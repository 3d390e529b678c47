import { chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { git, makeTempDir, removeTempDir, runCli, writeWorkFile } from '../testing/cli';
import { lines } from '../testing/oracle';
import { parseDiff } from './parse-diff';

jest.setTimeout(60_000);

let dir: string;
let repo: string;
let diff: Buffer;
let numstat: string[];
let summary: string;

beforeAll(async () => {
  dir = await makeTempDir();
  repo = join(dir, 'r');
  await git(dir, 'init', '-q', repo);
  const body = Array.from({ length: 40 }, (_, i) => `line ${i}`).join('\n') + '\n';
  await writeWorkFile(repo, 'moved.txt', body);
  await writeWorkFile(repo, 'copied-src.txt', body.replace(/line/g, 'copy'));
  await writeWorkFile(repo, 'mode.sh', 'echo\n');
  await writeWorkFile(repo, 'gone.txt', 'bye\n');
  await writeWorkFile(repo, 'img.bin', Buffer.from([0, 1, 2, 3, 4, 5]));
  await writeWorkFile(repo, 'crlf.txt', 'a\r\nb\r\n');
  await writeWorkFile(repo, 'tail.txt', 'no newline');
  await git(repo, 'add', '-A');
  await git(repo, 'commit', '-q', '-m', 'base');
  await git(repo, 'rm', '-q', 'moved.txt');
  await writeWorkFile(repo, 'dir with space/moved.txt', body.replace('line 20', 'line twenty'));
  await writeWorkFile(repo, 'copied-dst.txt', body.replace(/line/g, 'copy') + 'extra\n');
  await writeWorkFile(repo, 'copied-src.txt', body.replace(/line/g, 'copy').replace('copy 1\n', 'copy one\n'));
  await chmod(join(repo, 'mode.sh'), 0o755);
  await git(repo, 'rm', '-q', 'gone.txt');
  await writeWorkFile(repo, 'img.bin', Buffer.from([9, 0, 8, 7]));
  await writeWorkFile(repo, 'crlf.txt', 'a\r\nB\r\n');
  await writeWorkFile(repo, 'tail.txt', 'no newline either');
  await writeWorkFile(repo, 'ünï "quoted".txt', 'quoted path\n');
  await git(repo, 'add', '-A');
  await git(repo, 'commit', '-q', '-m', 'changes');
  const args = ['-M', '-C', '--find-copies-harder', 'HEAD~1', 'HEAD'];
  diff = await runCli('git', ['diff', '--binary', '--full-index', ...args], { cwd: repo });
  numstat = lines(await runCli('git', ['diff', '--numstat', '-z', ...args], { cwd: repo }));
  summary = (await runCli('git', ['-c', 'core.quotePath=false', 'diff', '--summary', ...args], { cwd: repo })).toString();
});

afterAll(async () => {
  await removeTempDir(dir);
});

test("agrees with git's numstat and summary on a real diff", () => {
  const parsed = parseDiff(diff);
  // numstat -z: "added\tdeleted\tpath\0" or, for renames/copies, "added\tdeleted\t\0from\0to\0"
  const entries: Array<{ counts: string; path: string }> = [];
  const tokens = numstat.join('\n').split('\0');
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!.replace(/^\n/, '');
    if (!t) continue;
    const [a, d, p] = t.split('\t');
    if (p === '') {
      entries.push({ counts: `${a}\t${d}`, path: tokens[i + 2]! });
      i += 2;
    } else entries.push({ counts: `${a}\t${d}`, path: p! });
  }
  expect(parsed.files.map((f) => `${f.path} ${f.binary ? '-\t-' : `${f.stats.added}\t${f.stats.deleted}`}`)).toEqual(entries.map((e) => `${e.path} ${e.counts}`));
  const byPath = new Map(parsed.files.map((f) => [f.path, f]));
  expect(summary).toContain('rename moved.txt => dir with space/moved.txt');
  expect(byPath.get('dir with space/moved.txt')).toMatchObject({ operation: 'renamed', oldPath: 'moved.txt' });
  expect(byPath.get('dir with space/moved.txt')!.similarity).toBe(Number(/rename .*\((\d+)%\)/.exec(summary)![1]));
  expect(summary).toContain('copy copied-src.txt => copied-dst.txt');
  expect(byPath.get('copied-dst.txt')).toMatchObject({ operation: 'copied', oldPath: 'copied-src.txt' });
  expect(summary).toContain('mode change 100644 => 100755 mode.sh');
  expect(byPath.get('mode.sh')).toMatchObject({ operation: 'modified', modeChanged: true, oldMode: '100644', newMode: '100755', hunks: [] });
  expect(summary).toContain('delete mode 100644 gone.txt');
  expect(byPath.get('gone.txt')).toMatchObject({ operation: 'removed', newPath: null, oldMode: '100644' });
  expect(summary).toContain('create mode 100644 "ünï \\"quoted\\".txt"'); // git C-quotes names with quotes
  expect(byPath.get('ünï "quoted".txt')).toMatchObject({ operation: 'added', oldPath: null, newMode: '100644' });
  expect(byPath.get('img.bin')).toMatchObject({ binary: true, hasBinaryPatch: true, stats: { added: 0, deleted: 0, binary: true } });
  const crlf = byPath.get('crlf.txt')!;
  expect(crlf.hunks[0]!.lines.map((l) => [l.type, l.content])).toEqual([
    ['context', 'a\r'],
    ['del', 'b\r'],
    ['add', 'B\r'],
  ]);
  const tail = byPath.get('tail.txt')!.hunks[0]!.lines;
  expect(tail.map((l) => l.type)).toEqual(['del', 'no-newline', 'add', 'no-newline']);
  expect(parsed.stats.files).toBe(parsed.files.length);
  expect(parsed.totalFiles).toBe(parsed.files.length);
  expect(parsed.truncated).toBe(false);
  // sections tile the raw diff
  expect(parsed.files[0]!.rawOffset).toBe(0);
  const last = parsed.files[parsed.files.length - 1]!;
  expect(last.rawOffset + last.rawLength).toBe(diff.length);
});

test('numbers hunk lines on both sides', () => {
  const parsed = parseDiff(diff);
  const moved = parsed.files.find((f) => f.path === 'dir with space/moved.txt')!;
  const hunk = moved.hunks[0]!;
  const del = hunk.lines.find((l) => l.type === 'del')!;
  const add = hunk.lines.find((l) => l.type === 'add')!;
  expect([del.content, del.oldNumber, del.newNumber]).toEqual(['line 20', 21, null]);
  expect([add.content, add.oldNumber, add.newNumber]).toEqual(['line twenty', null, 21]);
  const ctx = hunk.lines[0]!;
  expect([ctx.oldNumber, ctx.newNumber]).toEqual([hunk.oldStart, hunk.newStart]);
});

test('drops the files whose section ends beyond the cut-off limit', () => {
  const full = parseDiff(diff);
  const limit = full.files[2]!.rawOffset + full.files[2]!.rawLength;
  const cut = parseDiff(diff, { cutOffLimit: limit });
  expect(cut.files).toHaveLength(3);
  expect(cut.truncated).toBe(true);
  expect(cut.totalFiles).toBe(full.files.length);
  expect(cut.stats.added).toBe(full.files.slice(0, 3).reduce((n, f) => n + f.stats.added, 0));
});

test('handles hg patch headers, hunks without counts, submodules and "Binary file" notes', () => {
  const text = [
    '# HG changeset patch',
    '# User someone',
    'diff --git a/one b/one',
    'new file mode 100644',
    '--- /dev/null',
    '+++ b/one',
    '@@ -0,0 +1 @@',
    '+only line',
    'diff --git a/sub b/sub',
    'index 1111111111111111111111111111111111111111..2222222222222222222222222222222222222222 160000',
    '--- a/sub',
    '+++ b/sub',
    '@@ -1 +1 @@',
    '-Subproject commit 1111111111111111111111111111111111111111',
    '+Subproject commit 2222222222222222222222222222222222222222',
    'diff --git a/pic.png b/pic.png',
    'Binary file pic.png has changed',
    'diff --git a/x y b/x y',
    'rename from x y',
    'rename to x y',
    '',
  ].join('\n');
  const parsed = parseDiff(text);
  expect(parsed.files.map((f) => [f.path, f.operation])).toEqual([
    ['one', 'added'],
    ['sub', 'modified'],
    ['pic.png', 'modified'],
    ['x y', 'renamed'],
  ]);
  expect(parsed.files[0]!.hunks[0]).toMatchObject({ oldStart: 0, oldLines: 0, newStart: 1, newLines: 1 });
  expect(parsed.files[1]!.submodule).toBe(true);
  expect(parsed.files[2]!.binary).toBe(true);
  expect(parsed.files[2]!.hasBinaryPatch).toBe(false);
  expect(parsed.stats).toEqual({ files: 4, added: 2, deleted: 1 });
  expect(parseDiff('')).toEqual({ files: [], stats: { files: 0, added: 0, deleted: 0 }, truncated: false, totalFiles: 0 });
});
