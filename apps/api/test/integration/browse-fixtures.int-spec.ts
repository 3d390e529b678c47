// Repository browsing REST on the shared fixture repositories (vcs_test_git / vcs_test_hg, copied
// into the test's repositories root and imported by a rescan). Expected values come from the CLIs.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { ADMIN, createTestApp, TestApp } from './utils/create-test-app';
import { HttpClient } from './utils/http-client';
import { git, hg } from './utils/vcs-clients';

jest.setTimeout(180_000);

const FIXTURES = [process.env['GROVE_SHARED_DIR'] && path.join(process.env['GROVE_SHARED_DIR'], 'fixtures'), path.resolve(__dirname, '../../../../../shared/fixtures'), '/work/shared/fixtures'].find(
  (dir): dir is string => !!dir && existsSync(path.join(dir, 'vcs_test_git.tar.gz')),
);

describe('repository browsing REST on the fixture repositories', () => {
  let t: TestApp;
  let admin: HttpClient;

  beforeAll(async () => {
    if (!FIXTURES) throw new Error('shared fixtures not found (set GROVE_SHARED_DIR)');
    t = await createTestApp();
    admin = t.admin();
    for (const type of ['git', 'hg']) {
      const target = path.join(t.reposRoot, 'fixtures', `vcs-${type}`);
      await mkdir(target, { recursive: true });
      await promisify(execFile)('tar', ['xzf', path.join(FIXTURES, `vcs_test_${type}.tar.gz`), '--no-same-owner', '-C', target]);
    }
    const scan = await admin.post('/api/v1/admin/repo-scan', {});
    expect(scan.body.added.sort()).toEqual(['fixtures/vcs-git', 'fixtures/vcs-hg']);
  });
  afterAll(() => t?.close());

  describe.each(['git', 'hg'] as const)('%s', (type) => {
    const name = `fixtures/vcs-${type}`;
    const api = (rest: string) => `/api/v1/repos/${encodeURIComponent(name)}/${rest}`;
    const cli = (args: string[]) => (type === 'git' ? git(['--git-dir', path.join(t.reposRoot, name), ...args]) : hg(['-R', path.join(t.reposRoot, name), ...args]));
    const lines = (text: string) => text.split('\n').filter((l) => l !== '');
    /** newest first, in the changelog order of web-ui.md §0 */
    const log = async () => lines(await cli(type === 'git' ? ['rev-list', '--all', '--date-order'] : ['log', '-T', '{node}\\n']));

    it('changelog page of 100 with graph rows, and the last page', async () => {
      const all = await log();
      const first = (await admin.get(api('changelog?size=100'))).body;
      expect(first.total).toBe(all.length);
      expect(first.changesets.map((c: { rawId: string }) => c.rawId)).toEqual(all.slice(0, 100));
      expect(first.graph).toHaveLength(100);
      // every edge starts from a column that exists in the row and carries a colour
      for (const [[column, colour], edges] of first.graph) {
        expect(column).toBeGreaterThanOrEqual(0);
        expect(colour).toBeGreaterThan(0);
        for (const edge of edges) expect(edge).toHaveLength(4);
      }
      const lastPage = Math.ceil(all.length / 100);
      const last = (await admin.get(api(`changelog?size=100&page=${lastPage}`))).body;
      expect(last.changesets.map((c: { rawId: string }) => c.rawId)).toEqual(all.slice((lastPage - 1) * 100));
    });

    it('changeset files match the CLI for the 30 newest non-merge changesets', async () => {
      const all = await log();
      let checked = 0;
      for (const id of all) {
        if (checked >= 30) break;
        const res = (await admin.get(api(`changesets/${id}`))).body;
        if (res.changeset.parents.length !== 1) continue;
        checked++;
        const expected =
          type === 'git'
            ? lines(await cli(['diff-tree', '--no-commit-id', '--name-only', '-r', '--no-renames', id]))
            : lines(await cli(['status', '--change', id, '-n', '-amr']));
        expect([id, res.diff.affected.map((f: { path: string }) => f.path).sort()]).toEqual([id, [...expected].sort()]);
        if (!res.diff.truncated) {
          const raw = (await admin.get(api(`changesets/${id}/raw`))).text;
          expect(res.diff.files).toHaveLength((raw.match(/^diff --git /gm) ?? []).length);
        }
      }
      expect(checked).toBe(30);
    });

    it('directory listing at tip with last changesets, file view and annotate agree with the CLI', async () => {
      const tip = (await log())[0]!;
      const root = (await admin.get(api(`files?rev=${tip}`))).body;
      const files = lines(await cli(type === 'git' ? ['ls-tree', '-r', '--name-only', tip] : ['files', '-r', tip, '-T', '{path}\\n']));
      const top = [...new Set(files.map((f) => f.split('/')[0]!))].sort();
      expect(root.entries.map((e: { name: string }) => e.name).sort()).toEqual(top);
      for (const entry of root.entries) {
        expect(entry.lastChangeset).not.toBeNull();
        // the newest changeset touching the entry, per the CLI
        const newest = (await cli(type === 'git' ? ['log', '-n', '1', '--format=%H', tip, '--', entry.path] : ['log', '-l', '1', '-r', `reverse(::${tip})`, '-T', '{node}', `path:${entry.path}`])).trim();
        expect([entry.path, entry.lastChangeset.rawId]).toEqual([entry.path, newest]);
      }
      const textFile = files.find((f) => /\.(py|txt|rst)$/.test(f))!;
      const view = (await admin.get(api(`files?rev=${tip}&path=${encodeURIComponent(textFile)}`))).body;
      const content = await cli(type === 'git' ? ['show', `${tip}:${textFile}`] : ['cat', '-r', tip, `path:${textFile}`]);
      expect(view).toMatchObject({ kind: 'file', binary: false, tooBig: false });
      expect(view.content).toBe(content);
      const annotate = (await admin.get(api(`annotate?rev=${tip}&path=${encodeURIComponent(textFile)}`))).body;
      expect(annotate.lines.map((l: { content: string }) => l.content).join('\n')).toBe(content.replace(/\n$/, ''));
    });

    it('archive of the tip holds every file of the tip', async () => {
      expect((await admin.patch(`/api/v1/repos/${encodeURIComponent(name)}`, { enableDownloads: true })).status).toBe(200);
      const tip = (await log())[0]!;
      const res = await fetch(t.baseUrl + api(`archive/${tip}.tar.gz`), { headers: { authorization: `Bearer ${ADMIN.apiKey}` } });
      expect(res.status).toBe(200);
      const dir = path.join(t.reposRoot, '..', `archive-${type}`);
      await mkdir(dir, { recursive: true });
      const file = path.join(dir, 'a.tar.gz');
      await writeFile(file, Buffer.from(await res.arrayBuffer()));
      const listed = lines((await promisify(execFile)('tar', ['-tzf', file], { maxBuffer: 64 * 1024 * 1024 })).stdout).filter((l) => !l.endsWith('/'));
      const prefix = `${name.replace(/\//g, '_')}-${tip.slice(0, 12)}/`;
      const files = lines(await cli(type === 'git' ? ['ls-tree', '-r', '--name-only', tip] : ['files', '-r', tip, '-T', '{path}\\n']));
      // git archives keep submodule entries out; hg adds .hg_archival.txt
      expect(listed.map((l) => l.slice(prefix.length)).filter((l) => l !== '.hg_archival.txt').sort()).toEqual([...files].sort());
    });
  });
});
