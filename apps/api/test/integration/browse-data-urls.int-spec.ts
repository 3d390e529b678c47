// The GET data URLs of web-ui.md §1.3/§1.4/§1.6 (raw files, archives, diffs, patches, feeds) are
// answered by the server with bytes, not by the SPA's history fallback; `{repo}` contains `/`.
import * as path from 'node:path';
import { PNG, pushBrowseHistory, type BrowseHistory } from './utils/browse-history';
import { createTestApp, TestApp } from './utils/create-test-app';
import { HttpClient } from './utils/http-client';

jest.setTimeout(120_000);

describe('data URLs at the spec paths', () => {
  let t: TestApp;
  let admin: HttpClient;
  let alice: HttpClient;
  const history: Record<'git' | 'hg', BrowseHistory> = {} as Record<'git' | 'hg', BrowseHistory>;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await createTestApp();
    admin = t.admin();
    alice = (await t.user('alice')).client;
    expect((await admin.post('/api/v1/repo-groups', { name: 'team' })).status).toBe(201);
    for (const type of ['git', 'hg'] as const) {
      const created = await admin.post('/api/v1/repos', { name: `team/${type}-hello`, type });
      expect(created.status).toBe(201);
      ids[type] = created.body.id;
      history[type] = await pushBrowseHistory(type, path.join(t.reposRoot, 'team', `${type}-hello`));
    }
    expect((await admin.post('/api/v1/repos', { name: 'team/private', type: 'git', private: true })).status).toBe(201);
  });
  afterAll(() => t.close());

  const get = (url: string, headers: Record<string, string> = {}) => fetch(t.baseUrl + url, { headers, redirect: 'manual' });

  describe.each(['git', 'hg'] as const)('%s', (type) => {
    const repo = `team/${type}-hello`;
    const rev = (i: number) => history[type].ids[i]!;

    it('raw and rawfile serve file bytes with safe types', async () => {
      const html = await get(`/${repo}/raw/${rev(0)}/src/page.html`);
      expect(html.status).toBe(200);
      expect(html.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(html.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await html.text()).toBe('<html><script>alert(1)</script></html>\n');
      const png = await get(`/_${ids[type]}/raw/${rev(0)}/img/dot.png`);
      expect(png.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await png.arrayBuffer()).equals(PNG)).toBe(true);
      const file = await get(`/${repo}/rawfile/${rev(1)}/src/a.txt`);
      expect(file.headers.get('content-disposition')).toContain('attachment; filename="a.txt"');
      expect(await file.text()).toBe('one\nTWO\nthree\n');
      expect((await get(`/${repo}/raw/${rev(0)}/nope.txt`)).status).toBe(404);
      // an encoded "/../" reaches the server (fetch would resolve a literal one)
      expect((await get(`/${repo}/raw/${rev(0)}/a%2F..%2Fb`)).status).toBe(400);
    });

    it('changeset-diff (and raw-changeset), changeset-patch, changeset-download', async () => {
      const diff = await get(`/${repo}/changeset-diff/${rev(2)}`);
      expect(diff.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      const text = await diff.text();
      expect(text).toContain('diff --git a/README.md b/README.md');
      expect(await (await get(`/${repo}/raw-changeset/${rev(2)}`)).text()).toBe(text);
      const patch = await (await get(`/${repo}/changeset-patch/${rev(2)}`)).text();
      expect(patch.startsWith(type === 'hg' ? '# HG changeset patch\n' : `From ${rev(2)} `)).toBe(true);
      const download = await get(`/${repo}/changeset-download/${rev(2)}`);
      expect(download.headers.get('content-disposition')).toContain(`attachment; filename="${rev(2).slice(0, 12)}.diff"`);
      expect(await download.text()).toBe(text);
    });

    it('archives answer refusals as plain text, then stream when downloads are enabled', async () => {
      const disabled = await get(`/${repo}/archive/tip.zip`);
      expect([disabled.status, await disabled.text()]).toEqual([200, 'Downloads disabled']);
      expect((await admin.patch(`/api/v1/repos/${encodeURIComponent(repo)}`, { enableDownloads: true })).status).toBe(200);
      expect(await (await get(`/${repo}/archive/tip.rar`)).text()).toBe('Unknown archive type');
      expect(await (await get(`/${repo}/archive/nope.zip`)).text()).toBe('Unknown revision nope');
      const zip = await get(`/${repo}/archive/${rev(1)}.zip`);
      expect(zip.headers.get('content-type')).toBe('application/zip');
      expect(zip.headers.get('content-disposition')).toContain(`filename="team_${type}-hello-${rev(1).slice(0, 12)}.zip"`);
      expect(Buffer.from(await zip.arrayBuffer()).subarray(0, 2).toString('latin1')).toBe('PK');
    });

    it('feeds and the raw single-file diff', async () => {
      const atom = await get(`/${repo}/feed/atom`);
      expect(atom.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
      expect(await atom.text()).toContain(`<title>Grove ${repo} feed</title>`);
      const rss = await get(`/${repo}/feed/rss`);
      expect(rss.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
      const raw = await get(`/${repo}/diff/src/a.txt?diff1=${rev(0)}&diff2=${rev(1)}&diff=raw`);
      expect(raw.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(await raw.text()).toContain('-two\n+TWO\n');
      const dl = await get(`/${repo}/diff/src/a.txt?diff1=${rev(0)}&diff2=${rev(1)}&diff=download`);
      expect(dl.headers.get('content-disposition')).toContain(`attachment; filename="${rev(0)}_vs_${rev(1)}.diff"`);
    });

    it('page URLs are left to the SPA', async () => {
      for (const url of [`/${repo}/diff/src/a.txt?diff1=${rev(0)}&diff2=${rev(1)}`, `/${repo}/files/tip/raw`, `/${repo}/changelog`]) {
        const res = await get(url);
        // the SPA's index.html, or its "not built" 404 in a checkout without a web build
        const body = await res.text();
        expect([url, res.headers.get('content-type')?.startsWith('text/html') || body.includes('The web UI is not built')]).toEqual([url, true]);
      }
    });
  });

  it('private repositories: anonymous → login redirect, users without read → 404', async () => {
    const anonymous = await get('/team/private/raw/tip/a.txt');
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('location')).toBe(`/_admin/login?came_from=${encodeURIComponent('/team/private/raw/tip/a.txt')}`);
    expect((await alice.get('/team/private/changeset-diff/tip')).status).toBe(404);
    // an empty repository has no tip: 404 for the admin
    expect((await admin.get('/team/private/changeset-diff/tip')).status).toBe(404);
  });
});
