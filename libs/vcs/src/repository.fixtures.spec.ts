// The behavioural suite on the shared fixture repositories, run against both backends.
// Every expected value comes from the git / hg command lines.
import type { Changeset } from '@grove/shared';
import { VcsService } from './service';
import { expectCode } from './testing/expect';
import { makeTempDir, removeTempDir, runCli, unpackFixture } from './testing/cli';
import { gitHistory, hgHistory, lines, type CliHistory } from './testing/oracle';
import type { VcsRepository } from './vcs';

jest.setTimeout(120_000);

interface Backend {
  type: 'git' | 'hg';
  name: string;
  cli(args: string[]): Promise<Buffer>;
  history: CliHistory;
  repo: VcsRepository;
  path: string;
}

let root: string;
let vcs: VcsService;
const backends: Record<'git' | 'hg', Backend> = {} as Record<'git' | 'hg', Backend>;

beforeAll(async () => {
  root = await makeTempDir();
  const gitPath = await unpackFixture('git', root, 'fixtures/vcs-git');
  const hgPath = await unpackFixture('hg', root, 'fixtures/vcs-hg');
  vcs = new VcsService({ reposRoot: root });
  const [gh, hh, gr, hr] = await Promise.all([gitHistory(gitPath), hgHistory(hgPath), vcs.open('fixtures/vcs-git'), vcs.open('fixtures/vcs-hg')]);
  backends.git = { type: 'git', name: 'fixtures/vcs-git', cli: (a) => runCli('git', a, { cwd: gitPath }), history: gh, repo: gr, path: gitPath };
  backends.hg = { type: 'hg', name: 'fixtures/vcs-hg', cli: (a) => runCli('hg', a, { cwd: hgPath }), history: hh, repo: hr, path: hgPath };
});

afterAll(async () => {
  await vcs?.close();
  await removeTempDir(root);
});

const sorted = (xs: readonly string[]) => [...xs].sort();
const ids = (cs: readonly Changeset[]) => cs.map((c) => c.rawId);

describe.each(['git', 'hg'] as const)('%s fixture', (type) => {
  const b = (): Backend => backends[type];

  describe('changesets', () => {
    test('numbers every changeset like the CLI and lists them newest first', async () => {
      const { repo, history } = b();
      const all = await repo.listChangesets({ limit: 100_000 });
      expect(ids(all)).toEqual(history.byRev.map((c) => c.node).reverse());
      expect(all.map((c) => c.revision)).toEqual(history.byRev.map((c) => c.rev).reverse());
      expect(await repo.countChangesets()).toBe(history.byRev.length);
    });

    test('a page carries the fields the CLI reports', async () => {
      const { repo, history } = b();
      const page = await repo.listChangesets({ start: 37, limit: 40 });
      const expected = [...history.byRev].reverse().slice(37, 77);
      expect(ids(page)).toEqual(expected.map((c) => c.node));
      page.forEach((cs, i) => {
        const e = expected[i];
        expect(cs.shortId).toBe(e.node.slice(0, 12));
        expect(cs.author).toBe(e.author);
        expect(cs.authorName).toBe(e.person);
        // hg's email filter returns the whole string when there is no address; we then report none.
        expect(cs.authorEmail).toBe(type === 'hg' && !e.author.includes('<') ? '' : e.email);
        expect(cs.date).toEqual({ timestamp: e.timestamp, offset: e.offset });
        if (type === 'git') expect(cs.message.trim()).toBe(e.message.trim());
        else expect(cs.message).toBe(e.message);
        expect(cs.parents).toEqual(e.parents);
        expect(sorted(cs.children)).toEqual(sorted(e.children));
        expect(sorted(cs.tags)).toEqual(sorted(e.tags));
        if (type === 'hg') {
          expect(cs.branch).toBe(e.branch);
          expect(cs.phase).toBe(e.phase);
          expect(cs.bookmarks).toEqual(e.bookmarks);
        }
      });
    });

    test('keeps git messages exactly as stored', async () => {
      if (type !== 'git') return;
      const { repo, cli, history } = b();
      for (const rev of [0, 100, 400]) {
        const node = history.byRev[rev].node;
        const raw = (await cli(['cat-file', 'commit', node])).toString('utf8');
        expect((await repo.getChangeset(node)).message).toBe(raw.slice(raw.indexOf('\n\n') + 2));
      }
    });

    test('pages oldest first with reverse, and treats odd paging numbers sanely', async () => {
      const { repo, history } = b();
      const page = await repo.listChangesets({ reverse: true, start: 5, limit: 10 });
      expect(ids(page)).toEqual(history.byRev.slice(5, 15).map((c) => c.node));
      expect(ids(await repo.listChangesets({ reverse: true, start: -3, limit: 2.7 }))).toEqual(history.byRev.slice(0, 2).map((c) => c.node));
      expect(await repo.listChangesets({ limit: 0 })).toEqual([]);
      expect(await repo.listChangesets({ start: Number.NaN, limit: Number.NaN })).toHaveLength(100);
    });

    test('resolves full and short hashes, numbers, tags, branches and tip like the CLI', async () => {
      const { repo, cli, history } = b();
      const tipNode = history.byRev[history.byRev.length - 1].node;
      expect(await repo.resolveRevision('tip')).toBe(tipNode);
      const mid = history.byRev[123];
      expect(await repo.resolveRevision(mid.node)).toBe(mid.node);
      expect(await repo.resolveRevision(mid.node.slice(0, 12))).toBe(mid.node);
      expect(await repo.resolveRevision('123')).toBe(mid.node);
      const tag = type === 'git' ? 'v0.1.4' : 'v0.1.4';
      const tagNode =
        type === 'git'
          ? (await cli(['rev-parse', `${tag}^{commit}`])).toString().trim()
          : (await cli(['log', '-r', tag, '-T', '{node}'])).toString().trim();
      expect(await repo.resolveRevision(tag)).toBe(tagNode);
      const branch = type === 'git' ? 'master' : 'stable';
      const branchNode =
        type === 'git'
          ? (await cli(['rev-parse', 'refs/heads/master'])).toString().trim()
          : (await cli(['log', '-r', 'stable', '-T', '{node}'])).toString().trim();
      expect(await repo.resolveRevision(branch)).toBe(branchNode);
      const many = await repo.getChangesets(['0', mid.node.slice(0, 10), tag]);
      expect(ids(many)).toEqual([history.byRev[0].node, mid.node, tagNode]);
    });

    test('filters by branch like the CLI (hg: on the branch, git: reachable from it)', async () => {
      const { repo, cli, history } = b();
      const branch = type === 'git' ? 'master' : 'stable';
      const members = new Set(
        lines(type === 'git' ? await cli(['rev-list', 'refs/heads/master']) : await cli(['log', '-r', 'branch(stable)', '-T', '{node}\\n'])),
      );
      const expected = history.byRev.filter((c) => members.has(c.node)).reverse();
      expect(await repo.countChangesets({ branch })).toBe(members.size);
      expect(ids(await repo.listChangesets({ branch, start: 3, limit: 20 }))).toEqual(expected.slice(3, 23).map((c) => c.node));
    });

    test('lists the history ending at a revision', async () => {
      const { repo, cli, history } = b();
      const at = history.byRev[300].node;
      const members = new Set(lines(type === 'git' ? await cli(['rev-list', at]) : await cli(['log', '-r', `::${at}`, '-T', '{node}\\n'])));
      const expected = history.byRev.filter((c) => members.has(c.node)).reverse();
      expect(await repo.countChangesets({ revision: at })).toBe(members.size);
      expect(ids(await repo.listChangesets({ revision: at, limit: 15 }))).toEqual(expected.slice(0, 15).map((c) => c.node));
    });

    test('filters by commit date range', async () => {
      const { repo, history } = b();
      const times = history.byRev.map((c) => c.timestamp).sort((x, y) => x - y);
      const since = times[200];
      const until = times[260];
      const expected = history.byRev.filter((c) => c.timestamp >= since && c.timestamp <= until).reverse();
      expect(await repo.countChangesets({ since, until })).toBe(expected.length);
      expect(ids(await repo.listChangesets({ since, until, limit: 1000 }))).toEqual(expected.map((c) => c.node));
    });

    test('filters by revision number bounds', async () => {
      const { repo, history } = b();
      expect(ids(await repo.listChangesets({ minRevision: 10, maxRevision: 19, reverse: true }))).toEqual(
        history.byRev.slice(10, 20).map((c) => c.node),
      );
      expect(await repo.countChangesets({ minRevision: 10_000 })).toBe(0);
    });

    test.each(['vcs/backends/hg.py', 'docs'])('lists the history of %s like the CLI', async (path) => {
      const { repo, cli, history } = b();
      const members = new Set(
        lines(type === 'git' ? await cli(['rev-list', '--all', '--', path]) : await cli(['log', '-r', `file('path:${path}')`, '-T', '{node}\\n'])),
      );
      expect(members.size).toBeGreaterThan(3);
      const expected = history.byRev.filter((c) => members.has(c.node)).reverse();
      expect(await repo.countChangesets({ path })).toBe(expected.length);
      expect(ids(await repo.listChangesets({ path, start: 1, limit: 10 }))).toEqual(expected.slice(1, 11).map((c) => c.node));
    });

    test('reports added / changed / removed files against the first parent', async () => {
      const { repo, cli, history } = b();
      const merges = history.byRev.filter((c) => c.parents.length > 1).slice(0, 2);
      const sample = [history.byRev[0], history.byRev[250], ...merges, history.byRev[history.byRev.length - 1]];
      const got = await repo.getChangesets(
        sample.map((c) => c.node),
        { withFiles: true },
      );
      for (const [i, c] of sample.entries()) {
        const status =
          type === 'git'
            ? lines(await cli(['diff-tree', '-r', '--no-renames', '--name-status', ...(c.parents[0] ? [c.parents[0], c.node] : ['--root', c.node])])).filter(
                (l) => /^[AMDT]\t/.test(l),
              )
            : lines(await cli(['status', '--change', c.node]));
        const pick = (codes: string) => sorted(status.filter((l) => codes.includes(l[0])).map((l) => l.slice(2)));
        expect(sorted(got[i].added!)).toEqual(pick('A'));
        expect(sorted(got[i].removed!)).toEqual(pick(type === 'git' ? 'D' : 'R'));
        expect(sorted(got[i].changed!)).toEqual(pick(type === 'git' ? 'MT' : 'M'));
      }
    });
  });

  describe('refs', () => {
    test('lists branches, tags, bookmarks and tip like the CLI', async () => {
      const { repo, cli, history } = b();
      const refs = await repo.refs();
      expect(refs.tip).toBe(history.byRev[history.byRev.length - 1].node);
      if (type === 'git') {
        const heads = lines(await cli(['for-each-ref', '--format=%(refname:strip=2) %(objectname)', 'refs/heads']));
        const tags = lines(await cli(['for-each-ref', '--format=%(refname:strip=2) %(*objectname) %(objectname)', 'refs/tags']));
        expect(sorted(refs.branches.map((r) => `${r.name} ${r.rawId}`))).toEqual(sorted(heads));
        expect(sorted(refs.tags.map((r) => r.name))).toEqual(sorted(tags.map((t) => t.split(' ')[0])));
        for (const t of tags) {
          const [name, peeled, oid] = t.split(' ');
          expect(refs.tags.find((r) => r.name === name)!.rawId).toBe(peeled || oid);
        }
        expect(refs.defaultBranch).toBe((await cli(['symbolic-ref', '--short', 'HEAD'])).toString().trim());
      } else {
        const branches = lines(await cli(['branches', '-c', '-T', '{branch} {node} {if(closed, "closed", "open")}\\n']));
        expect(sorted(refs.branches.map((r) => `${r.name} ${r.rawId} open`))).toEqual(sorted(branches.filter((l) => l.endsWith(' open'))));
        expect(sorted(refs.closedBranches.map((r) => `${r.name} ${r.rawId} closed`))).toEqual(sorted(branches.filter((l) => l.endsWith(' closed'))));
        const tags = lines(await cli(['tags', '-T', '{tag} {node}\\n']));
        expect(sorted(refs.tags.map((r) => `${r.name} ${r.rawId}`))).toEqual(sorted(tags));
        expect(refs.bookmarks).toEqual([]);
        expect(refs.defaultBranch).toBe('default');
      }
      expect((await repo.heads()).length).toBeGreaterThan(0);
      expect(await repo.landingRevision('rev:tip')).toBe(refs.tip);
      expect(await repo.landingRevision(type === 'git' ? 'branch:master' : 'branch:stable')).toBe(await repo.resolveRevision(type === 'git' ? 'master' : 'stable'));
      expect(await repo.landingRevision('tag:does-not-exist')).toBe(refs.tip);
    });
  });

  describe('files', () => {
    async function cliListing(rev: string, dir: string): Promise<string[]> {
      const { cli } = b();
      if (type === 'git') {
        return lines(await cli(['ls-tree', '-l', rev, ...(dir ? [`${dir}/`] : [])])).map((l) => {
          const [meta, path] = l.split('\t');
          const [mode, kind, , size] = meta!.split(/\s+/);
          const name = path!.slice(dir ? dir.length + 1 : 0);
          return `${name} ${kind === 'tree' ? 'dir' : mode === '120000' ? 'symlink' : 'file'} ${size === '-' ? 'null' : size} ${mode}`;
        });
      }
      const files = lines(await cli(['files', '-r', rev, '-T', '{path}\\0{size}\\0{flags}\\n', ...(dir ? [`path:${dir}`] : [])]));
      const out = new Set<string>();
      for (const l of files) {
        const [path, size, flags] = l.split('\0');
        const rel = path!.slice(dir ? dir.length + 1 : 0);
        if (rel.includes('/')) out.add(`${rel.split('/')[0]} dir null 040000`);
        else out.add(`${rel} ${flags === 'l' ? 'symlink' : 'file'} ${size} ${flags === 'x' ? '100755' : flags === 'l' ? '120000' : '100644'}`);
      }
      return [...out];
    }

    test.each([
      ['tip', ''],
      ['tip', 'vcs/backends'],
      ['200', 'vcs'],
    ])('lists directory %s:%s like the CLI', async (rev, dir) => {
      const { repo } = b();
      const node = await repo.resolveRevision(rev);
      const listing = await repo.listDirectory(rev, dir);
      expect(listing.rawId).toBe(node);
      expect(sorted(listing.entries.map((e) => `${e.name} ${e.kind} ${e.size} ${e.mode}`))).toEqual(sorted(await cliListing(node, dir)));
      for (const e of listing.entries) expect(e.path).toBe(dir ? `${dir}/${e.name}` : e.name);
    });

    test('walks every directory and file below a path like the CLI', async () => {
      const { repo, cli } = b();
      const walk = await repo.walk('tip', 'docs');
      const files =
        type === 'git'
          ? lines(await cli(['ls-tree', '-r', '--name-only', 'HEAD', 'docs/']))
          : lines(await cli(['files', '-r', 'tip', 'path:docs']));
      expect(sorted(walk.files)).toEqual(sorted(files));
      const dirs = new Set<string>();
      for (const f of files) {
        const parts = f.split('/');
        for (let i = 2; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
      }
      expect(sorted(walk.dirs)).toEqual(sorted([...dirs]));
      // Pre-order: every directory comes after its parent.
      walk.dirs.forEach((d, i) => {
        const parent = d.slice(0, d.lastIndexOf('/'));
        if (parent !== 'docs') expect(walk.dirs.indexOf(parent)).toBeLessThan(i);
      });
    });

    test.each(['setup.py', 'docs/theme/ADC/static/scrn1.png'])('reads %s with the bytes the CLI gives', async (path) => {
      const { repo, cli } = b();
      const expected = type === 'git' ? await cli(['cat-file', 'blob', `HEAD:${path}`]) : await cli(['cat', '-r', 'tip', path]);
      const file = await repo.readFile('tip', path);
      expect(file.content.equals(expected)).toBe(true);
      expect(file.size).toBe(expected.length);
      expect(file.binary).toBe(path.endsWith('.png'));
      const stream = await repo.readFileStream('tip', path);
      const chunks: Buffer[] = [];
      for await (const c of stream.stream) chunks.push(c as Buffer);
      expect(Buffer.concat(chunks).equals(expected)).toBe(true);
      const cut = await repo.readFile('tip', path, { maxBytes: 100 });
      expect(cut.truncated).toBe(true);
      expect(cut.content.equals(expected.subarray(0, 100))).toBe(true);
    });

    test('finds the last changeset of every entry of a directory like the CLI', async () => {
      const { repo, cli } = b();
      for (const [rev, dir] of [
        ['tip', ''],
        ['400', 'vcs/backends'],
      ] as const) {
        const node = await repo.resolveRevision(rev);
        const last = await repo.lastChangesets(rev, dir);
        const listing = await repo.listDirectory(rev, dir);
        expect(sorted(Object.keys(last))).toEqual(sorted(listing.entries.map((e) => e.name)));
        // hg: the newest ancestor whose changelog file list touches the entry (what `file()` matches), from one log.
        const hgLog =
          type === 'hg' ? lines(await cli(['log', '-r', `reverse(::${node})`, '-T', '{node}\\0{join(files, "\\0")}\\n'])).map((l) => l.split('\0')) : [];
        for (const e of listing.entries) {
          const expected =
            type === 'git'
              ? (await cli(['log', '-1', '--format=%H', node, '--', e.path])).toString().trim()
              : hgLog.find(([, ...files]) => files.some((f) => f === e.path || f.startsWith(`${e.path}/`)))![0];
          expect(`${e.path} ${last[e.name].rawId}`).toBe(`${e.path} ${expected}`);
        }
      }
    });

    test('git: finds the same last changesets when the scan narrows to the entries still unknown', async () => {
      if (type !== 'git') return;
      const narrow = new VcsService({ reposRoot: root, tuning: { lastChangesetsFullScanBelow: 0, lastChangesetsFirstScan: 20 } });
      try {
        const repo = await narrow.open(b().name);
        const got = await repo.lastChangesets('tip', '');
        const expected: Record<string, string> = {};
        for (const name of Object.keys(got)) expected[name] = (await b().cli(['log', '-1', '--format=%H', 'HEAD', '--', name])).toString().trim();
        expect(Object.keys(got).length).toBeGreaterThan(10);
        expect(Object.fromEntries(Object.entries(got).map(([k, v]) => [k, v.rawId]))).toEqual(expected);
      } finally {
        await narrow.close();
      }
    });

    test('annotates a file like the CLI', async () => {
      const { repo, cli } = b();
      const path = 'vcs/backends/base.py';
      const ann = await repo.annotate('400', path);
      const node = await repo.resolveRevision('400');
      let expected: Array<{ id: string; content: string }>;
      if (type === 'git') {
        const porcelain = (await cli(['blame', '--line-porcelain', node, '--', path])).toString('utf8').split('\n');
        expected = [];
        let id = '';
        for (const l of porcelain) {
          const m = /^([0-9a-f]{40}) \d+ \d+/.exec(l);
          if (m) id = m[1];
          else if (l.startsWith('\t')) expected.push({ id, content: l.slice(1) });
        }
      } else {
        expected = lines(await cli(['annotate', '--debug', '-c', '-r', node, path])).map((l) => {
          const colon = l.indexOf(': ');
          return { id: l.slice(0, colon), content: l.slice(colon + 2) };
        });
      }
      expect(ann.lines.map((l) => ({ id: l.rawId, content: l.content }))).toEqual(expected);
      expect(ann.lines.map((l) => l.lineNumber)).toEqual(expected.map((_, i) => i + 1));
      for (const l of ann.lines) expect(ann.changesets[l.rawId].revision).toBe(l.revision);
    });
  });

  describe('diffs', () => {
    test('parses a changeset diff into the files and line counts the CLI reports', async () => {
      const { repo, cli, history } = b();
      for (const c of [history.byRev[1], history.byRev[150], history.byRev[401]]) {
        const parsed = repo.parseDiff(await repo.changesetDiff(c.node));
        if (type === 'git') {
          const parent = c.parents[0];
          const numstat = lines(await cli(['diff', '--numstat', '-M', '-C', parent, c.node]));
          expect(parsed.files.map((f) => `${f.stats.binary ? '-' : f.stats.added}\t${f.stats.binary ? '-' : f.stats.deleted}`)).toEqual(
            numstat.map((l) => l.split('\t').slice(0, 2).join('\t')),
          );
        } else {
          const stat = lines(await cli(['diff', '--stat', '-c', c.node]));
          const total = /(\d+) files? changed(?:, (\d+) insertions?\(\+\))?(?:, (\d+) deletions?\(-\))?/.exec(stat[stat.length - 1])!;
          expect(parsed.stats).toEqual({ files: Number(total[1]), added: Number(total[2] ?? 0), deleted: Number(total[3] ?? 0) });
        }
      }
    });

    test('passes ignore-whitespace and context options through', async () => {
      const { repo, cli, history } = b();
      const c = history.byRev[401];
      const raw = await repo.changesetDiff(c.node, { ignoreWhitespace: true, context: 1 });
      const expected =
        type === 'git'
          ? await cli(['diff', '--binary', '--full-index', '-M', '-C', '-w', '-U1', c.parents[0], c.node])
          : await cli(['diff', '--git', '-w', '-U', '1', '-c', c.node]);
      expect(raw.raw.toString()).toBe(expected.toString());
      const only = repo.parseDiff(await repo.changesetDiff(c.node, { paths: [repo.parseDiff(raw).files[0].path] }));
      expect(only.files).toHaveLength(1);
    });

    test('diffs two revisions like the CLI', async () => {
      const { repo, cli, history } = b();
      const from = history.byRev[300].node;
      const to = history.byRev[320].node;
      const expected =
        type === 'git'
          ? await cli(['diff', '--binary', '--full-index', '-M', '-C', from, to])
          : await cli(['diff', '--git', '-r', from, '-r', to]);
      const raw = await repo.diff(from, to);
      expect(raw.raw.equals(expected)).toBe(true);
      const cut = await repo.diff(from, to, { maxBytes: 500 });
      expect(cut.truncated).toBe(true);
      expect(cut.raw.length).toBe(500);
      const first = await repo.diff(null, history.byRev[0].node);
      expect(repo.parseDiff(first).files.every((f) => f.operation === 'added')).toBe(true);
    });

    test('compares two revisions: common ancestors and the changesets in between', async () => {
      const { repo, cli, history } = b();
      const base = history.byRev[200].node;
      const head = history.byRev[260].node;
      const plan = await repo.compare(base, head);
      const expectedAncestors =
        type === 'git'
          ? lines(await cli(['merge-base', '--all', base, head]))
          : lines(await cli(['log', '-r', `heads(::${base} and ::${head})`, '-T', '{node}\\n']));
      expect(sorted(plan.ancestors)).toEqual(sorted(expectedAncestors));
      const only =
        type === 'git' ? lines(await cli(['rev-list', head, '--not', base])) : lines(await cli(['log', '-r', `only(${head}, ${base})`, '-T', '{node}\\n']));
      expect(sorted(ids(plan.changesets))).toEqual(sorted(only));
    });
  });

  describe('archives', () => {
    async function drain(stream: NodeJS.ReadableStream): Promise<Buffer> {
      const chunks: Buffer[] = [];
      for await (const c of stream) chunks.push(c as Buffer);
      return Buffer.concat(chunks);
    }

    test.each(['zip', 'tgz', 'tbz2'] as const)('streams a %s archive holding the tree the CLI lists', async (format) => {
      const { repo, cli } = b();
      const archive = await repo.archive('tip', { format, prefix: 'proj' });
      const dir = await makeTempDir();
      try {
        const file = `${dir}/a.${format}`;
        await require('node:fs/promises').writeFile(file, await drain(archive.stream));
        const listed =
          format === 'zip'
            ? lines(await runCli('unzip', ['-Z1', file]))
            : lines(await runCli('tar', [format === 'tgz' ? 'tzf' : 'tjf', file]));
        const files = listed.filter((l) => !l.endsWith('/')).map((l) => l.replace(/^proj\//, ''));
        const expected = type === 'git' ? lines(await cli(['ls-tree', '-r', '--name-only', 'HEAD'])) : [...lines(await cli(['files', '-r', 'tip'])), '.hg_archival.txt'];
        expect(sorted(files)).toEqual(sorted(expected));
        const sub = await repo.archive('tip', { format, prefix: 'proj', subdirectory: 'docs/api' });
        const subFile = `${dir}/s.${format}`;
        await require('node:fs/promises').writeFile(subFile, await drain(sub.stream));
        const subListed =
          format === 'zip' ? lines(await runCli('unzip', ['-Z1', subFile])) : lines(await runCli('tar', [format === 'tgz' ? 'tzf' : 'tjf', subFile]));
        const subFiles = subListed.filter((l) => !l.endsWith('/') && !l.endsWith('.hg_archival.txt'));
        expect(subFiles.length).toBeGreaterThan(0);
        expect(subFiles.every((f) => f.startsWith('proj/docs/api/'))).toBe(true);
      } finally {
        await removeTempDir(dir);
      }
    });
  });

  describe('statistics', () => {
    test('counts commits per author per day and files per extension like the CLI', async () => {
      const { repo, cli, history } = b();
      const batch = await repo.statistics(0, 120);
      expect(batch.fromRevision).toBe(0);
      expect(batch.toRevision).toBe(119);
      expect(batch.done).toBe(false);
      const expected = new Map<string, number>();
      for (const c of history.byRev.slice(0, 120)) {
        const key = `${c.author}|${new Date(c.timestamp * 1000).toISOString().slice(0, 10)}`;
        expected.set(key, (expected.get(key) ?? 0) + 1);
      }
      const got = new Map(batch.authors.map((a) => [`${a.author}|${a.day}`, a.commits]));
      expect(got).toEqual(expected);
      const files = type === 'git' ? lines(await cli(['ls-tree', '-r', '--name-only', 'HEAD'])) : lines(await cli(['files', '-r', 'tip']));
      expect(batch.languages['py']).toBe(files.filter((f) => /\.py$/.test(f)).length);
      const last = await repo.statistics(history.byRev.length - 10, 100);
      expect(last.done).toBe(true);
      expect(last.toRevision).toBe(history.byRev.length - 1);
      expect((await repo.statistics(history.byRev.length, 10)).fromRevision).toBe(-1);
    });
  });

  describe('graph', () => {
    test('lays out a changelog page consistently with the parents the CLI reports', async () => {
      const { repo, history } = b();
      const page = await repo.changelogPage({ start: 20, limit: 60 });
      expect(page.total).toBe(history.byRev.length);
      expect(page.graph).toHaveLength(60);
      const revs = page.changesets.map((c) => c.revision);
      page.graph.forEach(([[col, colour], edges], i) => {
        expect(col).toBeGreaterThanOrEqual(0);
        expect(colour).toBeGreaterThan(0);
        const parentsOnPage = history.byRev[revs[i]].parents.map((p) => history.byNode.get(p)!.rev).filter((r) => revs.includes(r));
        // Every on-page parent gets an edge leaving this node's column.
        const fromNode = edges.filter(([from]) => from === col);
        expect(fromNode.length).toBeGreaterThanOrEqual(parentsOnPage.length);
        if (i + 1 < page.graph.length) {
          const nextCol = page.graph[i + 1][0][0];
          // The next row's node is reached by some edge (or starts a new column to the right).
          expect(edges.some(([, to]) => to === nextCol) || nextCol >= edges.length).toBe(true);
        }
      });
    });
  });

  describe('bad input', () => {
    test('refuses unknown, option-like and control-character revisions with typed errors', async () => {
      const { repo } = b();
      await expectCode(repo.resolveRevision('no-such-revision'), 'InvalidRevision');
      await expectCode(repo.resolveRevision('--output=/tmp/pwned'), 'InvalidRevision');
      await expectCode(repo.resolveRevision('-1'), 'InvalidRevision');
      await expectCode(repo.resolveRevision('tip\nHEAD'), 'InvalidRevision');
      await expectCode(repo.resolveRevision('tip\0'), 'InvalidRevision');
      await expectCode(repo.resolveRevision(''), 'InvalidRevision');
      await expectCode(repo.getChangeset('99999999'), 'InvalidRevision');
      await expectCode(repo.listChangesets({ branch: 'no-such-branch' }), 'InvalidRevision');
      await expectCode(repo.listChangesets({ branch: '-x' }), 'InvalidArgument');
      await expectCode(repo.graph([999_999]), 'InvalidRevision');
      // hg revset syntax is a symbol here, never an expression
      await expectCode(repo.resolveRevision("all() or grep('x')"), 'InvalidRevision');
    });

    test('refuses bad paths with typed errors', async () => {
      const { repo } = b();
      await expectCode(repo.readFile('tip', '../../etc/passwd'), 'InvalidPath');
      await expectCode(repo.readFile('tip', '/etc/passwd'), 'InvalidPath');
      await expectCode(repo.readFile('tip', 'setup.py\0x'), 'InvalidPath');
      await expectCode(repo.readFile('tip', 'docs/./conf.py'), 'InvalidPath');
      await expectCode(repo.readFile('tip', '-rf'), 'InvalidPath');
      await expectCode(repo.readFile('tip', 'no/such/file'), 'NotFound');
      await expectCode(repo.readFile('tip', 'docs'), 'InvalidPath');
      await expectCode(repo.listDirectory('tip', 'setup.py'), 'InvalidPath');
      await expectCode(repo.listDirectory('tip', 'nope'), 'NotFound');
      await expectCode(repo.annotate('tip', 'nope.py'), 'NotFound');
      await expectCode(repo.archive('tip', { format: 'zip', prefix: '../x' }), 'InvalidArgument');
      await expectCode(repo.changesetDiff('tip', { context: -1 }), 'InvalidArgument');
    });
  });
});

describe('service', () => {
  test('refuses bad repository names with typed errors', async () => {
    for (const name of ['../etc', '/abs', 'a//b', 'a/../b', 'grp/-x', '-x', 'a\u0007b', 'a\0b', '', 'a\\b']) {
      await expectCode(vcs.open(name), 'InvalidName');
    }
    await expectCode(vcs.open('fixtures/missing'), 'NotFound');
    await expectCode(vcs.open('fixtures'), 'NotFound');
  });

  test('serves concurrent Mercurial reads within the command-server cap', async () => {
    const repo = backends.hg.repo;
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => repo.getChangeset(String(i * 10))));
    expect(results.map((c) => c.revision)).toEqual(Array.from({ length: 12 }, (_, i) => i * 10));
    const stats = await vcs.hgPoolStats();
    expect(stats.repositories[backends.hg.path]).toBeLessThanOrEqual(2);
  });
});
