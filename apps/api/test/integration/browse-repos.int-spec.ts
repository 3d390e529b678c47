// Repository browsing REST endpoints (docs/rest-browse.md) on repositories pushed by the real git
// and hg clients: summary, changelog, changesets and diffs, files, raw, annotate, history.
import { createHash } from 'node:crypto';
import { userInfo } from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { Setting } from '../../src/settings/setting.entity';
import { BIG, BINARY, PNG, pushBrowseHistory, type BrowseHistory } from './utils/browse-history';
import { ADMIN, createTestApp, TestApp } from './utils/create-test-app';
import { HttpClient } from './utils/http-client';
import { git, hg } from './utils/vcs-clients';

jest.setTimeout(120_000);

describe('repository browsing REST on pushed repositories', () => {
  let t: TestApp;
  let admin: HttpClient;
  let alice: HttpClient;
  const history: Record<'git' | 'hg', BrowseHistory> = {} as Record<'git' | 'hg', BrowseHistory>;

  beforeAll(async () => {
    // SSH clone URLs show the public port (the test server listens on a free one)
    t = await createTestApp({ GROVE_SSH_PUBLIC_PORT: '2222' });
    admin = t.admin();
    alice = (await t.user('alice')).client;
    for (const type of ['git', 'hg'] as const) {
      expect((await admin.post('/api/v1/repos', { name: `${type}repo`, type })).status).toBe(201);
      history[type] = await pushBrowseHistory(type, path.join(t.reposRoot, `${type}repo`));
    }
    expect((await admin.post('/api/v1/repos', { name: 'secret', type: 'git', private: true })).status).toBe(201);
    expect((await admin.post('/api/v1/repos', { name: 'empty-hg', type: 'hg' })).status).toBe(201);
  });
  afterAll(() => t.close());

  const api = (type: string, rest: string) => `/api/v1/repos/${type}repo/${rest}`;

  describe.each(['git', 'hg'] as const)('%s', (type) => {
    const ids = () => history[type].ids;
    const branch = () => history[type].branch;
    const count = type === 'git' ? 4 : 5;
    const cli = (args: string[]) => (type === 'git' ? git(['--git-dir', path.join(t.reposRoot, `${type}repo`), ...args]) : hg(['-R', path.join(t.reposRoot, `${type}repo`), ...args]));

    it('summary: repository, refs, latest changes, README, downloads, clone URLs', async () => {
      const res = await t.client().get(api(type, 'summary?size=2'));
      expect(res.status).toBe(200);
      const s = res.body;
      expect(s.repository).toMatchObject({ name: `${type}repo`, type, followers: 1, forks: 0 });
      expect(s.empty).toBe(false);
      expect(s.refs.branches.map((b: { name: string }) => b.name).sort()).toEqual([branch(), 'feature'].sort());
      expect(s.refs.tags.map((b: { name: string }) => b.name)).toContain('v1');
      expect(s.latest).toMatchObject({ total: count, page: 1, size: 2 });
      expect(s.latest.items).toHaveLength(2);
      expect(s.readme).toMatchObject({ path: 'README.md', markup: 'markdown', truncated: false });
      // the landing revision is tip: git's newest commit in changelog order is the feature work
      expect(s.readme.content).toBe(type === 'git' ? '# Hello\n\nSee #12.\n' : '# Hello again\n');
      expect(s.downloads).toEqual({ enabled: false, formats: ['zip', 'tar.gz', 'tar.bz2'] });
      expect(s.trending).toEqual({ enabled: false, items: [] });
      const host = new URL(t.baseUrl).host;
      expect(s.clone).toEqual({ http: `http://${host}/${type}repo`, httpById: `http://${host}/_${s.repository.id}`, ssh: null });
      const signedIn = await alice.get(api(type, 'summary'));
      expect(signedIn.body.clone.http).toBe(`http://alice@${host}/${type}repo`);
      // SSH only for signed-in users (keys belong to users), on the public SSH port
      expect(signedIn.body.clone.ssh).toBe(`ssh://${userInfo().username}@127.0.0.1:2222/${type}repo`);
    });

    it('summary with statistics on lists trending extensions at tip', async () => {
      expect((await admin.patch(`/api/v1/repos/${type}repo`, { enableStatistics: true })).status).toBe(200);
      try {
        const s = (await admin.get(api(type, 'summary'))).body;
        expect(s.trending.enabled).toBe(true);
        const tip = (await cli(type === 'git' ? ['rev-list', '--all', '--date-order', '-n', '1'] : ['log', '-r', 'tip', '-T', '{node}'])).trim();
        const files = (await cli(type === 'git' ? ['ls-tree', '-r', '--name-only', tip] : ['files', '-r', tip])).trim().split('\n');
        const txt = files.filter((f) => f.endsWith('.txt')).length;
        expect(s.trending.items.find((i: { extension: string }) => i.extension === 'txt')).toMatchObject({ count: txt });
      } finally {
        await admin.patch(`/api/v1/repos/${type}repo`, { enableStatistics: false });
      }
    });

    it('refs lists branches, tags and the tip', async () => {
      const res = await t.client().get(api(type, 'refs'));
      expect(res.status).toBe(200);
      const tip = (await cli(type === 'git' ? ['rev-list', '--all', '--date-order', '-n', '1'] : ['log', '-r', 'tip', '-T', '{node}'])).trim();
      expect(res.body.tip).toBe(tip);
      // hg lists `tip` among its tags, as Kallithea shows it
      expect(res.body.tags).toEqual(type === 'git' ? [{ name: 'v1', rawId: ids()[1] }] : [{ name: 'v1', rawId: ids()[1] }, { name: 'tip', rawId: tip }]);
    });

    it('changelog: page with graph rows, branch filter, ending revision, file history', async () => {
      const all = await t.client().get(api(type, 'changelog'));
      expect(all.status).toBe(200);
      expect(all.body.total).toBe(count);
      expect(all.body.changesets.map((c: { revision: number }) => c.revision)).toEqual(Array.from({ length: count }, (_, i) => count - 1 - i));
      expect(all.body.graph).toHaveLength(count);
      expect(all.body.changesets[0].authorUsername).toBeNull();

      const page2 = await t.client().get(api(type, 'changelog?size=2&page=2'));
      expect(page2.body.changesets.map((c: { rawId: string }) => c.rawId)).toEqual(all.body.changesets.slice(2, 4).map((c: { rawId: string }) => c.rawId));

      const feature = await t.client().get(api(type, 'changelog?branch=feature'));
      // hg: the changesets of the named branch; git: everything reachable from it
      expect(feature.body.changesets.map((c: { rawId: string }) => c.rawId)).toEqual(type === 'hg' ? [ids()[3]] : [ids()[3], ids()[1], ids()[0]]);

      const upTo = await t.client().get(api(type, `changelog?revision=${ids()[1]}`));
      expect(upTo.body.revision).toBe(ids()[1]);
      expect(upTo.body.changesets.map((c: { rawId: string }) => c.rawId)).toEqual([ids()[1], ids()[0]]);

      const fileHistory = await t.client().get(api(type, 'changelog?path=src/a.txt'));
      expect(fileHistory.body.changesets.map((c: { rawId: string }) => c.rawId)).toEqual([ids()[1], ids()[0]]);
      expect(fileHistory.body.graph).toEqual([]);
    });

    it('changelog refuses bad input (400) and unknown branches or revisions (404)', async () => {
      for (const q of ['size=0', 'size=2001', 'page=0', 'path=../etc', 'revision=-x', 'bogus=1', 'branch=']) {
        const res = await t.client().get(api(type, `changelog?${q}`));
        expect([q, res.status]).toEqual([q, 400]);
        expect(typeof res.body.message).toBe('string');
      }
      expect((await t.client().get(api(type, 'changelog?branch=nope'))).body).toEqual({ message: 'Unknown branch nope' });
      expect((await t.client().get(api(type, 'changelog?revision=deadbeef1234'))).status).toBe(404);
    });

    it('changeset: metadata, parents, children, files with stats and a parsed diff', async () => {
      const res = await t.client().get(api(type, `changesets/${ids()[1]}`));
      expect(res.status).toBe(200);
      const { changeset, parents, children, diff } = res.body;
      expect(changeset).toMatchObject({ rawId: ids()[1], revision: 1, authorEmail: 'author@example.com', tags: ['v1'] });
      expect(changeset.message.trim()).toBe('second commit\n\nwith a body');
      expect(parents.map((c: { rawId: string }) => c.rawId)).toEqual([ids()[0]]);
      expect(children.map((c: { rawId: string }) => c.rawId).sort()).toEqual([ids()[2], ids()[3]].sort());
      // big.txt is far beyond the cut-off: it is left out, but still listed as affected
      expect(diff.truncated).toBe(true);
      expect(diff.cutOffLimit).toBe(256000);
      expect(diff.affected).toEqual([
        { path: 'big.txt', operation: 'added' },
        { path: 'src/a.txt', operation: 'modified' },
      ]);
      expect(diff.files.map((f: { path: string }) => f.path)).toEqual([]);

      const full = (await t.client().get(api(type, `changesets/${ids()[1]}?fulldiff=1`))).body.diff;
      expect(full.truncated).toBe(false);
      expect(full.files.map((f: { path: string }) => f.path)).toEqual(['big.txt', 'src/a.txt']);
      const a = full.files[1];
      expect(a).toMatchObject({ operation: 'modified', stats: { added: 1, deleted: 1, binary: false } });
      expect(a.id).toMatch(new RegExp(`^C-${ids()[1].slice(0, 12)}-[0-9a-f]{12}$`));
      expect(a.hunks[0].lines.map((l: { type: string; content: string }) => `${l.type}:${l.content}`)).toEqual(['context:one', 'del:two', 'add:TWO', 'context:three']);
      expect(full.stats).toEqual({ files: 2, added: 6000 + 1, deleted: 1 });

      const ctx0 = (await t.client().get(api(type, `changesets/${ids()[1]}?fulldiff=1&context=0`))).body.diff;
      expect(ctx0.files[1].hunks[0].lines.map((l: { type: string }) => l.type)).toEqual(['del', 'add']);
    });

    it('changeset file-diff gives one whole file; the first changeset diffs against the empty tree', async () => {
      const one = await t.client().get(api(type, `changesets/${ids()[1]}/file-diff?path=big.txt`));
      expect(one.status).toBe(200);
      expect(one.body.file).toMatchObject({ path: 'big.txt', operation: 'added', stats: { added: 6000, deleted: 0 } });
      const root = (await t.client().get(api(type, `changesets/${ids()[0]}`))).body;
      expect(root.parents).toEqual([]);
      const byPath = Object.fromEntries(root.diff.files.map((f: { path: string }) => [f.path, f]));
      expect(Object.keys(byPath).sort()).toEqual(['README.md', 'bin/blob.bin', 'img/dot.png', 'src/a.txt', 'src/page.html']);
      expect(byPath['bin/blob.bin']).toMatchObject({ operation: 'added', binary: true });
    });

    it('raw diff, patch and download are plain text with the right headers', async () => {
      const raw = await t.client().get(api(type, `changesets/${ids()[2]}/raw`));
      expect(raw.status).toBe(200);
      expect(raw.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(raw.headers.get('x-content-type-options')).toBe('nosniff');
      expect(raw.text).toContain('diff --git a/README.md b/README.md');
      expect(raw.text).toContain('+# Hello again');

      const patch = await t.client().get(api(type, `changesets/${ids()[2]}/patch`));
      expect(patch.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      if (type === 'hg') {
        expect(patch.text.split('\n').slice(0, 2)).toEqual(['# HG changeset patch', '# User Test Author <author@example.com>']);
        expect(patch.text).toContain(`# Node ID ${ids()[2]}\n# Parent  ${ids()[1]}\nthird commit\n`);
      } else {
        expect(patch.text.split('\n')[0]).toBe(`From ${ids()[2]} Mon Sep 17 00:00:00 2001`);
        expect(patch.text).toContain('From: Test Author <author@example.com>\n');
        expect(patch.text).toContain('Subject: [PATCH] third commit\n');
      }
      expect(patch.text).toContain('diff --git a/README.md b/README.md');

      const download = await t.client().get(api(type, `changesets/${ids()[2]}/download`));
      expect(download.headers.get('content-disposition')).toContain(`attachment; filename="${ids()[2].slice(0, 12)}.diff"`);
      expect(download.text).toBe(raw.text);
      expect((await t.client().get(api(type, 'changesets/nope/raw'))).status).toBe(404);
    });

    it('changeset range lists each changeset with its diff, oldest first', async () => {
      const res = await t.client().get(api(type, `changeset-range?from=${ids()[0]}&to=${ids()[2]}`));
      expect(res.status).toBe(200);
      expect(res.body.changesets.map((c: { changeset: { rawId: string } }) => c.changeset.rawId)).toEqual([ids()[0], ids()[1], ids()[2]]);
      expect(res.body.changesets[2].diff.files.map((f: { path: string }) => f.path)).toEqual(['README.md', 'bin/blob.bin']);
      expect((await t.client().get(api(type, `changeset-range?from=${ids()[2]}&to=${ids()[0]}`))).status).toBe(400);
      expect((await t.client().get(api(type, 'changeset-range?from=x'))).status).toBe(400);
    });

    it('files: directory listing with the last changeset per entry', async () => {
      const res = await t.client().get(api(type, `files?rev=${ids()[2]}`));
      expect(res.status).toBe(200);
      expect(res.body.kind).toBe('dir');
      expect(res.body.changeset.rawId).toBe(ids()[2]);
      const entries = Object.fromEntries(res.body.entries.map((e: { name: string }) => [e.name, e]));
      expect(Object.keys(entries).sort()).toEqual(['README.md', 'big.txt', 'img', 'src'].sort());
      expect(entries['README.md']).toMatchObject({ kind: 'file', size: 14, lastChangeset: { rawId: ids()[2] } });
      expect(entries['src']).toMatchObject({ kind: 'dir', lastChangeset: { rawId: ids()[1] } });
      // C2 is the head of git's master; in hg the tag commit C4 came after it
      expect(res.body.editability).toEqual(type === 'git' ? { canWrite: false, branch: 'master', headId: ids()[2] } : { canWrite: false, branch: null, headId: null });
      expect((await t.client().get(api(type, `files?rev=${ids()[0]}`))).body.editability).toEqual({ canWrite: false, branch: null, headId: null });

      const sub = await t.client().get(api(type, `files?rev=${ids()[0]}&path=src/&lastChangesets=0`));
      expect(sub.body.entries.map((e: { path: string; lastChangeset: unknown }) => [e.path, e.lastChangeset])).toEqual([
        ['src/a.txt', null],
        ['src/page.html', null],
      ]);
      const adminView = await admin.get(api(type, `files?rev=${branch()}`));
      expect(adminView.body.editability).toMatchObject({ canWrite: true, branch: branch() });
    });

    it('files: text, binary, image and too-big files', async () => {
      const text = (await t.client().get(api(type, `files?rev=${ids()[1]}&path=src/a.txt`))).body;
      expect(text).toMatchObject({ kind: 'file', path: 'src/a.txt', size: 14, binary: false, image: false, tooBig: false, content: 'one\nTWO\nthree\n', mimetype: 'text/plain' });
      expect(text.lastChangeset.rawId).toBe(ids()[1]);
      const bin = (await t.client().get(api(type, `files?rev=${ids()[0]}&path=bin/blob.bin`))).body;
      expect(bin).toMatchObject({ binary: true, content: null, mimetype: 'application/octet-stream' });
      const img = (await t.client().get(api(type, `files?rev=${ids()[0]}&path=img/dot.png`))).body;
      expect(img).toMatchObject({ binary: true, image: true, mimetype: 'image/png', size: PNG.length });
      const big = (await t.client().get(api(type, `files?rev=${ids()[1]}&path=big.txt`))).body;
      expect(big).toMatchObject({ tooBig: true, content: null, size: BIG.length });
      const bigFull = (await t.client().get(api(type, `files?rev=${ids()[1]}&path=big.txt&full=1`))).body;
      expect(bigFull.content).toBe(BIG);
    });

    it('files: missing path or revision → 404, bad path → 400', async () => {
      expect((await t.client().get(api(type, 'files?path=nope.txt'))).status).toBe(404);
      expect((await t.client().get(api(type, 'files?rev=no-such-rev'))).status).toBe(404);
      for (const q of ['path=a/../b', 'path=./x', 'rev=--all', 'rev=', 'full=yes']) {
        expect([q, (await t.client().get(api(type, `files?${q}`))).status]).toEqual([q, 400]);
      }
    });

    it('raw: text as text/plain (never text/html), images inline, binaries and downloads as attachments', async () => {
      const html = await fetch(t.baseUrl + api(type, `raw?rev=${ids()[0]}&path=src/page.html`));
      expect(html.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(html.headers.get('x-content-type-options')).toBe('nosniff');
      expect(html.headers.get('content-disposition')).toBeNull();
      expect(await html.text()).toBe('<html><script>alert(1)</script></html>\n');

      const png = await fetch(t.baseUrl + api(type, `raw?rev=${ids()[0]}&path=img/dot.png`));
      expect(png.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await png.arrayBuffer()).equals(PNG)).toBe(true);

      const bin = await fetch(t.baseUrl + api(type, `raw?rev=${ids()[0]}&path=bin/blob.bin`));
      expect(bin.headers.get('content-type')).toBe('application/octet-stream');
      expect(bin.headers.get('content-disposition')).toContain('attachment; filename="blob.bin"');
      expect(Buffer.from(await bin.arrayBuffer()).equals(BINARY)).toBe(true);

      const download = await fetch(t.baseUrl + api(type, `raw?rev=${ids()[0]}&path=src/a.txt&download=1`));
      expect(download.headers.get('content-disposition')).toContain('attachment; filename="a.txt"');
      expect(await download.text()).toBe('one\ntwo\nthree\n');
      expect((await t.client().get(api(type, 'raw?path=src'))).status).toBe(400);
      expect((await t.client().get(api(type, 'raw?path=gone.txt'))).status).toBe(404);
    });

    it('annotate: each line with the changeset that last changed it', async () => {
      const res = await t.client().get(api(type, `annotate?rev=${ids()[1]}&path=src/a.txt`));
      expect(res.status).toBe(200);
      expect(res.body.lines.map((l: { content: string; rawId: string }) => [l.content, l.rawId])).toEqual([
        ['one', ids()[0]],
        ['TWO', ids()[1]],
        ['three', ids()[0]],
      ]);
      expect(Object.keys(res.body.changesets).sort()).toEqual([ids()[0], ids()[1]].sort());
      const big = (await t.client().get(api(type, `annotate?rev=${ids()[1]}&path=big.txt`))).body;
      expect(big).toMatchObject({ tooBig: true, lines: [] });
      expect((await t.client().get(api(type, `annotate?rev=${ids()[0]}&path=bin/blob.bin`))).body).toMatchObject({ binary: true, lines: [] });
    });

    it('file history, node list and file diff between revisions', async () => {
      const h = (await t.client().get(api(type, 'file-history?path=src/a.txt'))).body;
      expect(h.changesets.map((c: { rawId: string }) => c.rawId)).toEqual([ids()[1], ids()[0]]);
      expect(h.authors).toEqual([{ author: 'Test Author <author@example.com>', name: 'Test Author', email: 'author@example.com', username: null }]);
      expect(h.tags.map((r: { name: string }) => r.name)).toEqual(type === 'git' ? ['v1'] : ['v1', 'tip']);
      expect((await t.client().get(api(type, 'file-history?path=never.txt'))).status).toBe(404);

      const nodes = (await t.client().get(api(type, `nodelist?rev=${ids()[0]}`))).body.nodes;
      expect(nodes).toEqual(
        expect.arrayContaining([
          { name: 'src', type: 'dir' },
          { name: 'src/a.txt', type: 'file' },
          { name: 'img/dot.png', type: 'file' },
        ]),
      );

      const d = (await t.client().get(api(type, `file-diff?path=src/a.txt&diff1=${ids()[0]}&diff2=${ids()[1]}`))).body;
      expect(d).toMatchObject({ diff1: ids()[0], diff2: ids()[1], tooBig: false, binary: false });
      expect(d.file.stats).toEqual({ added: 1, deleted: 1, binary: false });
      const added = (await t.client().get(api(type, `file-diff?path=feature.txt&diff1=&diff2=${ids()[3]}`))).body;
      expect(added.file).toMatchObject({ operation: 'added', stats: { added: 1, deleted: 0 } });
      const big = (await t.client().get(api(type, `file-diff?path=big.txt&diff1=${ids()[0]}&diff2=${ids()[1]}`))).body;
      expect(big).toMatchObject({ tooBig: true, file: null });
      const raw = await t.client().get(api(type, `file-diff?path=src/a.txt&diff1=${ids()[0]}&diff2=${ids()[1]}&format=raw`));
      expect(raw.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(raw.text).toContain('-two\n+TWO\n');
      const dl = await t.client().get(api(type, `file-diff?path=src/a.txt&diff1=${ids()[0]}&diff2=${ids()[1]}&format=download`));
      expect(dl.headers.get('content-disposition')).toContain(`attachment; filename="${ids()[0]}_vs_${ids()[1]}.diff"`);
    });
  });

  it('an empty repository: summary says so, file pages are 404, the changelog is empty', async () => {
    const s = (await t.client().get('/api/v1/repos/empty-hg/summary')).body;
    expect(s).toMatchObject({ empty: true, landingId: null, readme: null, latest: { items: [], total: 0 } });
    expect((await t.client().get('/api/v1/repos/empty-hg/changelog')).body).toMatchObject({ changesets: [], total: 0 });
    expect(await t.client().get('/api/v1/repos/empty-hg/files')).toMatchObject({ status: 404, body: { message: 'Empty repository' } });
  });

  it('permissions: anonymous → 401 and users without read → 404 on a private repository; unknown repository → 404', async () => {
    const paths = ['summary', 'refs', 'markup-context', 'changelog', 'changesets/tip', 'files', 'raw?path=a', 'annotate?path=a', 'file-history?path=a', 'nodelist', 'compare?base=a&head=b', 'forks', 'followers', 'feed/rss', 'archive/tip.zip'];
    for (const p of paths) {
      expect([p, (await t.client().get(`/api/v1/repos/secret/${p}`)).status]).toEqual([p, 401]);
      expect([p, (await alice.get(`/api/v1/repos/secret/${p}`)).status]).toEqual([p, 404]);
      expect([p, (await alice.get(`/api/v1/repos/nope/${p}`)).status]).toEqual([p, 404]);
    }
    expect((await admin.get('/api/v1/repos/secret/changelog')).status).toBe(200);
    // `?api_key=` works on any URL, also next to a route's own query fields
    expect((await t.client().get(`/api/v1/repos/secret/changelog?size=5&api_key=${ADMIN.apiKey}`)).status).toBe(200);
    // the permanent id form works too
    const id = (await admin.get('/api/v1/repos/gitrepo')).body.id;
    expect((await t.client().get(`/api/v1/repos/_${id}/refs`)).body.tags).toEqual([{ name: 'v1', rawId: history.git.ids[1] }]);
  });

  it('avatar URLs follow the site switch and template, with {size} left to the page', async () => {
    const first = (await t.client().get('/api/v1/repos/gitrepo/changelog?size=1')).body.changesets[0];
    expect(first.authorAvatarUrl).toBeNull();
    expect((await admin.patch('/api/v1/admin/settings', { useGravatar: true })).status).toBe(200);
    try {
      const md5 = createHash('md5').update('author@example.com').digest('hex');
      const again = (await t.client().get('/api/v1/repos/gitrepo/changelog?size=1')).body.changesets[0];
      expect(again.authorAvatarUrl).toBe(`https://secure.gravatar.com/avatar/${md5}?d=identicon&s={size}`);
      const followers = (await t.client().get('/api/v1/repos/gitrepo/followers')).body.items;
      expect(followers[0].avatarUrl).toBe(`https://secure.gravatar.com/avatar/${createHash('md5').update('admin@example.com').digest('hex')}?d=identicon&s={size}`);
    } finally {
      await admin.patch('/api/v1/admin/settings', { useGravatar: false });
    }
  });

  it('markup context lists valid issue-tracker families with {repo} expanded', async () => {
    const settings = t.app.get(DataSource).getRepository(Setting);
    await settings.save([
      { name: 'issue_pat', value: '#(\\d+)', type: 'unicode' },
      { name: 'issue_server_link', value: 'https://issues.example.com/{repo}/issue/\\1', type: 'unicode' },
      { name: 'issue_sub', value: '', type: 'unicode' },
      { name: 'issue_pat_wiki', value: 'wiki-(\\w+)', type: 'unicode' },
      { name: 'issue_server_link_wiki', value: 'https://wiki.example.com/{repo_name}/\\1', type: 'unicode' },
      // no issue_sub_wiki: a family without issue_sub is skipped, like one with an empty pattern
      { name: 'issue_pat_bad', value: '', type: 'unicode' },
    ]);
    const res = await t.client().get('/api/v1/repos/gitrepo/markup-context');
    expect(res.body).toEqual({
      issueTrackers: [{ suffix: '', pattern: '#(\\d+)', link: 'https://issues.example.com/gitrepo/issue/\\1', sub: '' }],
      stylify: false,
      repoName: 'gitrepo',
    });
  });
});
