// Repository browsing REST, the acting parts (docs/rest-browse.md): web editing, compare within a
// repository and across forks, archives, forks/followers lists, feeds and the journals.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { pushBrowseHistory, type BrowseHistory } from './utils/browse-history';
import { ADMIN, createTestApp, TestApp } from './utils/create-test-app';
import { HttpClient } from './utils/http-client';
import { git, hg } from './utils/vcs-clients';

jest.setTimeout(120_000);

describe('repository browsing REST: editing, compare, archives, social, feeds, journal', () => {
  let t: TestApp;
  let admin: HttpClient;
  let alice: HttpClient;
  let bob: HttpClient;
  const history: Record<'git' | 'hg', BrowseHistory> = {} as Record<'git' | 'hg', BrowseHistory>;

  beforeAll(async () => {
    t = await createTestApp();
    admin = t.admin();
    const aliceUser = await t.user('alice', { firstname: 'Alice', lastname: 'Liddell' });
    alice = aliceUser.client;
    bob = (await t.user('bob')).client;
    for (const type of ['git', 'hg'] as const) {
      expect((await admin.post('/api/v1/repos', { name: `${type}repo`, type })).status).toBe(201);
      history[type] = await pushBrowseHistory(type, path.join(t.reposRoot, `${type}repo`));
      // alice may write, bob only reads (the default)
      expect((await admin.post(`/api/v1/repos/${type}repo/permissions`, { subjectType: 'user', subjectId: aliceUser.id, permission: 'repository.write' })).status).toBe(201);
    }
  });
  afterAll(() => t.close());

  const api = (name: string, rest: string) => `/api/v1/repos/${encodeURIComponent(name)}/${rest}`;

  describe.each(['git', 'hg'] as const)('%s', (type) => {
    const repo = `${type}repo`;
    const ids = () => history[type].ids;
    const branch = () => history[type].branch;
    const headOf = async (name: string) => (await admin.get(api(repo, 'refs'))).body.branches.find((b: { name: string }) => b.name === name).rawId as string;

    it('editing: add, edit and delete files on a branch head; the changelog shows the new changesets', async () => {
      const head = await headOf(branch());
      // a listing at the head, remembered by the server; it must not go stale after the commit
      const entryAtHead = () =>
        alice.get(api(repo, `files?rev=${head}`)).then((r) => r.body.entries.find((e: { lastChangeset: { rawId: string } }) => e.lastChangeset.rawId === head).lastChangeset);
      expect((await entryAtHead()).children).toEqual([]);
      const added = await alice.post(api(repo, 'files/add'), { rev: branch(), parentId: head, location: 'docs', filename: 'new.txt', content: 'hello\r\nworld\n' });
      expect(added.status).toBe(201);
      expect(added.body.branch).toBe(branch());
      expect(added.body.changeset).toMatchObject({ parents: [head], message: 'Added file via Grove', authorName: 'Alice Liddell', authorEmail: 'alice@example.com', authorUsername: 'alice' });
      expect((await entryAtHead()).children).toEqual([added.body.changeset.rawId]);
      const raw = await alice.get(api(repo, `raw?rev=${branch()}&path=docs/new.txt`));
      expect(raw.text).toBe('hello\nworld\n'); // typed content is normalised to LF

      const edited = await alice.post(api(repo, 'files/edit'), { rev: added.body.changeset.rawId, path: 'docs/new.txt', content: 'hello\nthere\n', message: 'say there' });
      expect(edited.status).toBe(201);
      expect(edited.body.changeset).toMatchObject({ message: expect.stringMatching(/^say there\n?$/), parents: [added.body.changeset.rawId] });
      expect((await alice.get(api(repo, `raw?rev=${branch()}&path=docs/new.txt`))).text).toBe('hello\nthere\n');

      const uploaded = await alice.post(api(repo, 'files/add'), { rev: branch(), filename: 'blob.dat', contentBase64: Buffer.from([0, 1, 2, 250]).toString('base64') });
      expect(uploaded.status).toBe(201);
      const bytes = Buffer.from(await (await fetch(t.baseUrl + api(repo, `raw?rev=${branch()}&path=blob.dat`))).arrayBuffer());
      expect(bytes.equals(Buffer.from([0, 1, 2, 250]))).toBe(true);
      const binaryEdit = await alice.post(api(repo, 'files/edit'), { rev: branch(), path: 'blob.dat', content: 'text now' });
      expect(binaryEdit).toMatchObject({ status: 400, body: { message: 'blob.dat is a binary file and cannot be edited' } });

      const deleted = await alice.post(api(repo, 'files/delete'), { rev: branch(), path: 'docs/new.txt' });
      expect(deleted.status).toBe(201);
      expect(deleted.body.changeset.message.trim()).toBe('Deleted file docs/new.txt via Grove');
      expect((await alice.get(api(repo, `files?rev=${branch()}&path=docs/new.txt`))).status).toBe(404);

      const log = (await alice.get(api(repo, `changelog?branch=${branch()}&size=4`))).body.changesets.map((c: { rawId: string }) => c.rawId);
      expect(log.slice(0, 3)).toEqual([deleted.body.changeset.rawId, uploaded.body.changeset.rawId, edited.body.changeset.rawId]);
      // the listings' cached tip follows web commits
      const listed = (await alice.get(`/api/v1/repos/${repo}`)).body;
      expect(listed.tip.rawId).toBe(deleted.body.changeset.rawId);
      // the journal records web commits
      const journal = (await admin.get(`/api/v1/admin/journal?filter=${encodeURIComponent(`repository:${repo} AND action:push_local*`)}`)).body;
      expect(journal.items.map((e: { parameter: string }) => e.parameter)).toEqual([deleted, uploaded, edited, added].map((r) => r.body.changeset.rawId));
    });

    it('editing refuses: moved branch or non-head (409), bad input (400), no write (403), anonymous (401)', async () => {
      const head = await headOf(branch());
      const stale = ids()[0];
      expect(await alice.post(api(repo, 'files/edit'), { rev: branch(), parentId: stale, path: 'src/a.txt', content: 'x\n' })).toMatchObject({
        status: 409,
        body: { message: `Branch ${branch()} has moved to ${head.slice(0, 12)} since ${stale.slice(0, 12)}` },
      });
      expect(await alice.post(api(repo, 'files/edit'), { rev: ids()[0], path: 'src/a.txt', content: 'x\n' })).toMatchObject({
        status: 409,
        body: { message: `Revision ${ids()[0]} is not the head of a branch: files can only be changed on a branch head` },
      });
      expect((await alice.post(api(repo, 'files/add'), { rev: branch(), filename: 'README.md', content: 'again' })).status).toBe(409);
      expect(await alice.post(api(repo, 'files/add'), { rev: branch(), filename: 'x.txt' })).toMatchObject({ status: 400, body: { message: 'No content' } });
      expect((await alice.post(api(repo, 'files/add'), { rev: branch(), location: '../up', filename: 'x.txt', content: 'x' })).status).toBe(400);
      expect((await alice.post(api(repo, 'files/add'), { rev: branch(), filename: '', content: 'x' })).status).toBe(400);
      expect((await alice.post(api(repo, 'files/edit'), { rev: branch(), path: 'src/a.txt', content: 'x', extra: 1 })).status).toBe(400);
      expect(await alice.post(api(repo, 'files/edit'), { rev: branch(), path: 'src/a.txt', content: (await alice.get(api(repo, `raw?rev=${branch()}&path=src/a.txt`))).text })).toMatchObject({
        status: 400,
        body: { message: 'No changes' },
      });
      expect((await alice.post(api(repo, 'files/delete'), { rev: branch(), path: 'missing.txt' })).status).toBe(404);
      expect((await bob.post(api(repo, 'files/delete'), { rev: branch(), path: 'src/a.txt' })).status).toBe(403);
      expect((await t.client().post(api(repo, 'files/delete'), { rev: branch(), path: 'src/a.txt' })).status).toBe(401);
      expect(await headOf(branch())).toBe(head);
    });

    it('editing works on an empty repository (the first commit creates the branch)', async () => {
      const name = `empty-${type}`;
      expect((await admin.post('/api/v1/repos', { name, type })).status).toBe(201);
      const res = await admin.post(api(name, 'files/add'), { rev: 'tip', filename: 'README', content: 'first\n' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ branch: type === 'git' ? 'master' : 'default', changeset: { parents: [], revision: 0 } });
      expect((await admin.get(api(name, 'files?path=README'))).body.content).toBe('first\n');
    });

    it('compare two refs of one repository: changesets and the plain diff', async () => {
      const res = await bob.get(api(repo, `compare?base=${ids()[1]}&head=${ids()[2]}`));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ baseId: ids()[1], headId: ids()[2], ancestors: [ids()[1]] });
      expect(res.body.changesets.map((c: { rawId: string }) => c.rawId)).toEqual([ids()[2]]);
      expect(res.body.graph).toHaveLength(1);
      expect(res.body.diff.files.map((f: { path: string }) => f.path)).toEqual(['README.md', 'bin/blob.bin']);

      const merge = await bob.get(api(repo, `compare?base=${ids()[2]}&head=feature&merge=1`));
      expect(merge.status).toBe(200);
      expect(merge.body.ancestors).toEqual([ids()[1]]);
      expect(merge.body.changesets.map((c: { rawId: string }) => c.rawId)).toEqual([ids()[3]]);
      // merge mode diffs from the common ancestor: only feature.txt
      expect(merge.body.diff.files.map((f: { path: string }) => f.path)).toEqual(['feature.txt']);
      const plain = await bob.get(api(repo, `compare?base=${ids()[2]}&head=feature`));
      expect(plain.body.diff.files.map((f: { path: string }) => f.path).sort()).toEqual(['README.md', 'bin/blob.bin', 'feature.txt']);

      expect((await bob.get(api(repo, `compare?base=${ids()[2]}&head=${ids()[1]}&merge=1`))).status).toBe(404);
      expect((await bob.get(api(repo, 'compare?base=nope&head=tip'))).status).toBe(404);
      expect((await bob.get(api(repo, 'compare?base=tip'))).status).toBe(400);
      expect((await bob.get(api(repo, 'compare?base=tip&head=tip&otherRepo=nope&merge=1'))).status).toBe(404);
    });

    it('compare across a fork (merge-base mode) and the forks list', async () => {
      const fork = await alice.post(api(repo, 'forks'), { name: `${type}fork` });
      expect(fork.status).toBe(201);
      // a new changeset pushed into the fork with the real client
      const work = await mkdtemp(path.join(tmpdir(), 'grove-fork-'));
      try {
        const forkPath = path.join(t.reposRoot, `${type}fork`);
        if (type === 'git') {
          await git(['clone', '-q', '-b', 'master', forkPath, work]);
          await writeFile(path.join(work, 'forked.txt'), 'forked\n');
          await git(['add', '-A'], work);
          await git(['commit', '-q', '-m', 'in the fork'], work);
          await git(['push', '-q', 'origin', 'master'], work);
        } else {
          await hg(['clone', '-q', '-u', 'default', forkPath, work]);
          await writeFile(path.join(work, 'forked.txt'), 'forked\n');
          await hg(['commit', '-q', '-A', '-m', 'in the fork'], work);
          await hg(['push', '-q'], work);
        }
      } finally {
        await rm(work, { recursive: true, force: true });
      }
      const forkHead = (await alice.get(api(`${type}fork`, 'refs'))).body.branches.find((b: { name: string }) => b.name === branch()).rawId;
      const baseHead = await headOf(branch());
      const res = await alice.get(api(repo, `compare?base=${baseHead}&head=${forkHead}&otherRepo=${type}fork&merge=1`));
      expect(res.status).toBe(200);
      expect(res.body.headRepo.name).toBe(`${type}fork`);
      expect(res.body.ancestors).toEqual([baseHead]);
      expect(res.body.changesets.map((c: { message: string }) => c.message.trim())).toEqual(['in the fork']);
      expect(res.body.diff.files.map((f: { path: string }) => f.path)).toEqual(['forked.txt']);
      expect((await alice.get(api(repo, `compare?base=${baseHead}&head=${forkHead}&otherRepo=${type}fork`))).body).toEqual({ message: 'Comparing with another repository needs merge=1' });

      const forks = (await bob.get(api(repo, 'forks'))).body;
      expect(forks).toMatchObject({ total: 1, page: 1, size: 20 });
      expect(forks.items[0]).toMatchObject({ name: `${type}fork`, owner: { username: 'alice', firstName: 'Alice', email: 'alice@example.com' } });
      // anonymous visitors see no e-mail addresses
      expect((await t.client().get(api(repo, 'forks'))).body.items[0].owner.email).toBe('');
      // a private fork is hidden from those who cannot read it
      expect((await alice.patch(`/api/v1/repos/${type}fork`, { private: true })).status).toBe(200);
      expect((await bob.get(api(repo, 'forks'))).body).toMatchObject({ total: 0, items: [] });
      expect((await alice.get(api(repo, 'forks'))).body.total).toBe(1);
      expect((await bob.get(api(repo, 'forks?size=0'))).status).toBe(400);
    });

    it('archives: refused while downloads are disabled, then streamed in every format and journaled', async () => {
      expect(await bob.get(api(repo, 'archive/tip.zip'))).toMatchObject({ status: 403, body: { message: 'Downloads disabled' } });
      expect((await admin.patch(`/api/v1/repos/${repo}`, { enableDownloads: true })).status).toBe(200);
      const zip = await fetch(t.baseUrl + api(repo, `archive/${ids()[1]}.zip`));
      expect(zip.status).toBe(200);
      expect(zip.headers.get('content-type')).toBe('application/zip');
      expect(zip.headers.get('content-disposition')).toContain(`attachment; filename="${repo}-${ids()[1].slice(0, 12)}.zip"`);
      const zipBytes = Buffer.from(await zip.arrayBuffer());
      expect(zipBytes.subarray(0, 2).toString('latin1')).toBe('PK');

      const tgz = Buffer.from(await (await fetch(t.baseUrl + api(repo, `archive/${ids()[1]}.tar.gz?subdir=src`))).arrayBuffer());
      expect([tgz[0], tgz[1]]).toEqual([0x1f, 0x8b]);
      const listing = await listTar(tgz, '-tz');
      // only the subdirectory, keeping its path under the archive's top directory
      const top = `${repo}-${ids()[1].slice(0, 12)}`;
      expect(listing.filter((l) => !l.endsWith('/')).sort()).toEqual([`${top}/src/a.txt`, `${top}/src/page.html`]);

      const tbz = Buffer.from(await (await fetch(t.baseUrl + api(repo, `archive/${ids()[0]}.tar.bz2`))).arrayBuffer());
      expect(tbz.subarray(0, 3).toString('latin1')).toBe('BZh');
      expect((await listTar(tbz, '-tj')).some((l) => l.endsWith('/img/dot.png'))).toBe(true);

      expect(await bob.get(api(repo, 'archive/tip.rar'))).toMatchObject({ status: 400, body: { message: 'Unknown archive type' } });
      expect((await bob.get(api(repo, 'archive/nope.zip'))).status).toBe(404);
      expect((await bob.get(api(repo, 'archive/tip.zip?subdir=../x'))).status).toBe(400);
      const journal = (await admin.get(`/api/v1/admin/journal?filter=${encodeURIComponent(`repository:${repo} AND action:user_downloaded_archive*`)}`)).body;
      expect(journal.items.map((e: { parameter: string }) => e.parameter)).toEqual(
        [`${repo}-${ids()[0].slice(0, 12)}.tar.bz2`, `${repo}-${ids()[1].slice(0, 12)}.tar.gz`, `${repo}-${ids()[1].slice(0, 12)}.zip`],
      );
    });

    it('feeds: RSS and Atom of the newest changesets, refreshed after a push', async () => {
      const rss = await bob.get(api(repo, 'feed/rss'));
      expect(rss.status).toBe(200);
      expect(rss.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
      expect(rss.text).toContain('<rss version="2.0">');
      expect(rss.text).toContain(`<title>Grove ${repo} feed</title>`);
      const tip = (await bob.get(api(repo, 'refs'))).body.tip;
      expect(rss.text).toContain(`/${repo}/changeset/${tip}</link>`);
      const atom = await bob.get(api(repo, 'feed/atom'));
      expect(atom.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
      expect(atom.text).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
      expect(atom.text).toContain('modified README.md (1 lines added, 3 lines removed)\nremoved bin/blob.bin (0 lines added, 0 lines removed)');
      // the second changeset's diff is beyond the cut-off limit
      expect(atom.text).toContain('with a body\n\nChangeset was too big and was cut off...');

      const added = await alice.post(api(repo, 'files/add'), { rev: branch(), filename: 'feed-news.txt', content: 'news\n', message: 'Fresh & new <changes>' });
      expect(added.status).toBe(201);
      const again = await bob.get(api(repo, 'feed/rss'));
      expect(again.text).toContain('<title>Fresh &amp; new &lt;changes&gt;</title>');
      expect((await bob.get(api(repo, 'feed/json'))).status).toBe(400);
    });

    it('branch names with "/" work URL-encoded in path parameters and as query values', async () => {
      const work = await mkdtemp(path.join(tmpdir(), 'grove-slash-'));
      let id: string;
      try {
        if (type === 'git') {
          await git(['clone', '-q', '-b', 'master', path.join(t.reposRoot, repo), work]);
          await git(['checkout', '-q', '-b', 'team/topic'], work);
          await writeFile(path.join(work, 'topic.txt'), 'topic\n');
          await git(['add', '-A'], work);
          await git(['commit', '-q', '-m', 'on a slashed branch'], work);
          await git(['push', '-q', 'origin', 'team/topic'], work);
          id = (await git(['rev-parse', 'HEAD'], work)).trim();
        } else {
          await hg(['clone', '-q', '-u', 'default', path.join(t.reposRoot, repo), work]);
          await hg(['branch', '-q', 'team/topic'], work);
          await writeFile(path.join(work, 'topic.txt'), 'topic\n');
          await hg(['commit', '-q', '-A', '-m', 'on a slashed branch'], work);
          await hg(['push', '-q', '--new-branch', '-b', 'team/topic'], work);
          id = (await hg(['log', '-r', '.', '-T', '{node}'], work)).trim();
        }
      } finally {
        await rm(work, { recursive: true, force: true });
      }
      expect((await bob.get(api(repo, 'changesets/team%2Ftopic'))).body.changeset.rawId).toBe(id);
      expect((await bob.get(api(repo, 'changelog?branch=team%2Ftopic&size=1'))).body.changesets[0].rawId).toBe(id);
      expect((await alice.get(api(repo, 'files?rev=team%2Ftopic'))).body.editability).toEqual({ canWrite: true, branch: 'team/topic', headId: id });
      const edited = await alice.post(api(repo, 'files/edit'), { rev: 'team/topic', parentId: id, path: 'topic.txt', content: 'topic 2\n' });
      expect(edited.status).toBe(201);
      expect(edited.body).toMatchObject({ branch: 'team/topic', changeset: { parents: [id] } });
      const zip = await fetch(t.baseUrl + api(repo, 'archive/team%2Ftopic.zip'), { headers: { authorization: `Bearer ${ADMIN.apiKey}` } });
      expect([zip.status, zip.headers.get('content-disposition')]).toEqual([200, expect.stringContaining(`${repo}-${edited.body.changeset.rawId.slice(0, 12)}.zip`)]);
    });
  });

  it('hg: a closed branch is listed apart and still filters the changelog', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'grove-close-'));
    try {
      await hg(['clone', '-q', '-u', 'feature', path.join(t.reposRoot, 'hgrepo'), work]);
      await hg(['commit', '-q', '--close-branch', '-m', 'close feature'], work);
      await hg(['push', '-q', '-b', 'feature'], work);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
    const refs = (await bob.get('/api/v1/repos/hgrepo/refs')).body;
    expect(refs.closedBranches.map((b: { name: string }) => b.name)).toEqual(['feature']);
    expect(refs.branches.map((b: { name: string }) => b.name)).not.toContain('feature');
    const log = (await bob.get('/api/v1/repos/hgrepo/changelog?branch=feature')).body;
    expect(log.changesets.map((c: { message: string; closesBranch: boolean }) => [c.message, c.closesBranch])).toEqual([
      ['close feature', true],
      ['feature work', false],
    ]);
    expect(log.graph[0][2]).toBe(1); // the graph row marks the closing node
  });

  it('followers list: oldest first, paginated', async () => {
    expect((await alice.put('/api/v1/repos/gitrepo/following')).status).toBe(204);
    expect((await bob.put('/api/v1/repos/gitrepo/following')).status).toBe(204);
    const res = await t.client().get('/api/v1/repos/gitrepo/followers');
    expect(res.status).toBe(200);
    expect(res.body.items.map((f: { username: string }) => f.username)).toEqual([ADMIN.username, 'alice', 'bob']);
    expect(res.body.items.every((f: { email: string }) => f.email === '')).toBe(true);
    const page2 = (await alice.get('/api/v1/repos/gitrepo/followers?size=2&page=2')).body;
    expect(page2).toMatchObject({ total: 3, page: 2, size: 2, items: [{ username: 'bob', email: 'bob@example.com' }] });
  });

  it('journal: entries of followed repositories for the user; public journal; admin journal with filters', async () => {
    // bob follows gitrepo (above) but not hgrepo
    const mine = (await bob.get('/api/v1/journal?size=100')).body;
    expect(mine.total).toBeGreaterThan(0);
    expect(new Set(mine.items.map((e: { repositoryName: string }) => e.repositoryName))).toEqual(new Set(['gitrepo']));
    expect(mine.items[0]).toMatchObject({ user: { username: 'bob' }, action: 'started_following_repo', repository: { name: 'gitrepo' } });
    expect(mine.items.find((e: { action: string }) => e.action === 'push_local')).toMatchObject({ user: { username: 'alice' }, repository: { name: 'gitrepo' } });
    expect((await t.client().get('/api/v1/journal')).status).toBe(401);

    // the public journal is what the default user follows: nothing yet
    expect((await t.client().get('/api/v1/journal/public')).body).toMatchObject({ total: 0, items: [] });

    expect((await bob.get('/api/v1/admin/journal')).status).toBe(403);
    const all = (await admin.get('/api/v1/admin/journal')).body;
    expect(all.size).toBe(10);
    const byUser = (await admin.get('/api/v1/admin/journal?size=100&filter=username:bob')).body;
    expect(byUser.items.map((e: { action: string }) => e.action)).toEqual(['started_following_repo']);
    const prefix = (await admin.get('/api/v1/admin/journal?size=100&filter=hgr*')).body;
    expect(new Set(prefix.items.map((e: { repositoryName: string }) => e.repositoryName))).toEqual(new Set(['hgrepo']));
    const or = (await admin.get(`/api/v1/admin/journal?size=100&filter=${encodeURIComponent('username:bob OR username:ALICE')}`)).body;
    expect(new Set(or.items.map((e: { username: string }) => e.username))).toEqual(new Set(['alice', 'bob']));
    const today = new Date().toISOString().slice(0, 10).replace(/-/g, '');
    expect((await admin.get(`/api/v1/admin/journal?filter=date:${today}`)).body.total).toBe(all.total);
    expect((await admin.get('/api/v1/admin/journal?filter=date:[20000101 TO 20000102]')).body.total).toBe(0);
    expect((await admin.get('/api/v1/admin/journal?filter=date:yesterday')).status).toBe(400);
    expect((await admin.get('/api/v1/admin/journal?filter=colour:red')).status).toBe(400);
  });

  it('public journal: repository admins add a repository (the default user follows it); anonymous viewers see no e-mails', async () => {
    expect((await bob.put('/api/v1/repos/hgrepo/public-journal')).status).toBe(403);
    expect((await t.client().put('/api/v1/repos/hgrepo/public-journal')).status).toBe(401);
    expect((await admin.get('/api/v1/repos/hgrepo')).body.inPublicJournal).toBe(false);
    expect((await admin.put('/api/v1/repos/hgrepo/public-journal')).status).toBe(204);
    expect((await admin.put('/api/v1/repos/hgrepo/public-journal')).status).toBe(204);
    expect((await admin.get('/api/v1/repos/hgrepo')).body.inPublicJournal).toBe(true);
    const anonymous = (await t.client().get('/api/v1/journal/public?size=100')).body;
    expect(anonymous.total).toBeGreaterThan(0);
    expect(new Set(anonymous.items.map((e: { repositoryName: string }) => e.repositoryName))).toEqual(new Set(['hgrepo']));
    expect(anonymous.items.find((e: { user: { username: string } }) => e.user?.username === 'alice').user.email).toBe('');
    const signedIn = (await bob.get('/api/v1/journal/public?size=100')).body;
    expect(signedIn.items.find((e: { user: { username: string } }) => e.user?.username === 'alice').user.email).toBe('alice@example.com');
    expect((await t.client().get('/_admin/public_journal/rss')).text).toContain('<title>alice - push local hgrepo</title>');
    expect((await admin.delete('/api/v1/repos/hgrepo/public-journal')).status).toBe(204);
    expect((await t.client().get('/api/v1/journal/public')).body.total).toBe(0);
  });

  it('repository size on disk for signed-in readers', async () => {
    const res = await bob.get('/api/v1/repos/gitrepo/size');
    expect(res.status).toBe(200);
    // every non-directory entry's own size, as find reports it
    const sizes = (await promisify(execFile)('find', [path.join(t.reposRoot, 'gitrepo'), '!', '-type', 'd', '-printf', '%s\\n'])).stdout.trim().split('\n');
    expect(res.body.bytes).toBe(sizes.reduce((sum, s) => sum + Number(s), 0));
    expect(res.body.text).toMatch(/^\d+(\.\d)? (B|KiB|MiB)$/);
    expect((await t.client().get('/api/v1/repos/gitrepo/size')).status).toBe(401);
  });

  it('journal feeds: mine (signed in), the public one, also at the spec URLs', async () => {
    const rss = await bob.get('/api/v1/journal/feed/rss');
    expect(rss.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    expect(rss.text).toContain('<title>bob - started following repo gitrepo</title>');
    expect(rss.text).toMatch(/<title>alice - push local gitrepo<\/title><link>http:\/\/127\.0\.0\.1:\d+\/gitrepo\/changelog<\/link>/);
    expect((await bob.get('/_admin/journal/atom')).text).toContain('<title>bob - started following repo gitrepo</title>');
    expect((await t.client().get('/api/v1/journal/feed/atom')).status).toBe(401);
    const anonymous = await t.client().get('/_admin/journal/rss');
    expect([anonymous.status, anonymous.headers.get('location')]).toEqual([302, '/_admin/login?came_from=%2F_admin%2Fjournal%2Frss']);
    for (const url of ['/api/v1/journal/public/feed/atom', '/_admin/public_journal/atom', '/_admin/public_journal_atom']) {
      const res = await t.client().get(url);
      expect([url, res.status, res.headers.get('content-type')]).toEqual([url, 200, 'application/atom+xml; charset=utf-8']);
      expect(res.text).not.toContain('<entry>');
    }
    expect((await bob.get('/api/v1/journal/feed/json')).status).toBe(400);
  });
});

async function listTar(bytes: Buffer, flags: string): Promise<string[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'grove-tar-'));
  try {
    const file = path.join(dir, 'a');
    await writeFile(file, bytes);
    const { stdout } = await promisify(execFile)('tar', [flags, '-f', file]);
    return stdout.trim().split('\n');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
