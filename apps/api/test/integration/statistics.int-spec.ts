import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createTestApp, TestApp } from './utils/create-test-app';
import { HttpClient } from './utils/http-client';
import { clientEnv, git, hg } from './utils/vcs-clients';

/** Commits by given authors on given days, pushed with the real client. */
async function pushDated(type: 'git' | 'hg', target: string, commits: { author: string; date: string; file: string }[]): Promise<void> {
  const work = await mkdtemp(path.join(tmpdir(), `grove-stats-${type}-`));
  if (type === 'git') await git(['clone', '-q', target, work]);
  else await hg(['clone', '-q', target, work]);
  for (const [i, c] of commits.entries()) {
    await writeFile(path.join(work, c.file), `change ${i} ${c.date}\n`);
    if (type === 'git') {
      await git(['add', '-A'], work);
      // Kallithea dates git changesets by their committer date, so both dates are set.
      await new Promise<void>((resolve, reject) =>
        execFile(
          'git',
          ['commit', '-q', '-m', `change ${i}`, `--author=${c.author}`],
          { cwd: work, env: { ...clientEnv, GIT_AUTHOR_DATE: `${c.date}T12:00:00+00:00`, GIT_COMMITTER_DATE: `${c.date}T12:00:00+00:00`, GIT_COMMITTER_NAME: 'Committer', GIT_COMMITTER_EMAIL: 'committer@example.com' } },
          (error) => (error ? reject(error) : resolve()),
        ),
      );
    } else {
      await hg(['commit', '-q', '-A', '-m', `change ${i}`, '-u', c.author, '-d', `${c.date} 12:00 +0000`], work);
    }
  }
  if (type === 'git') await git(['push', '-q', 'origin', 'HEAD:master'], work);
  else await hg(['push', '-q'], work);
}

/** `count` commits written with `git fast-import` (fast), one per day from 2020-01-01. */
async function fastImport(gitDir: string, count: number): Promise<void> {
  let stream = '';
  for (let i = 0; i < count; i++) {
    const when = Date.UTC(2020, 0, 1) / 1000 + i * 86400;
    const message = `bulk ${i}\n`;
    const content = `line ${i}\n`;
    stream += `commit refs/heads/master\nmark :${i + 1}\ncommitter Bulk <bulk@example.com> ${when} +0000\ndata ${message.length}\n${message}`;
    if (i > 0) stream += `from :${i}\n`;
    stream += `M 100644 inline f${i % 7}.${['ts', 'py', 'md'][i % 3]}\ndata ${content.length}\n${content}\n`;
  }
  await new Promise<void>((resolve, reject) => {
    const child = execFile('git', ['--git-dir', gitDir, 'fast-import', '--quiet'], (error) => (error ? reject(error) : resolve()));
    child.stdin!.end(stream);
  });
}

describe('repository statistics (REST, real git and hg)', () => {
  let t: TestApp;
  let admin: HttpClient;
  let bob: { id: number; client: HttpClient };

  beforeAll(async () => {
    t = await createTestApp();
    admin = t.admin();
    bob = await t.user('bob');
    for (const [name, type] of [['stats-git', 'git'], ['stats-hg', 'hg'], ['bulk', 'git']] as const) {
      const res = await admin.post('/api/v1/repos', { name, type, enableStatistics: name !== 'stats-hg' });
      if (res.status !== 201) throw new Error(res.text);
    }
    await admin.post('/api/v1/repos', { name: 'hidden', type: 'git', private: true, enableStatistics: true });
  });
  afterAll(() => t.close());

  const dir = (name: string) => path.join(t.reposRoot, name);

  it('reports "disabled" until statistics are enabled, then counts commits per author and day (hg)', async () => {
    await pushDated('hg', dir('stats-hg'), [
      { author: 'Ann <ann@example.com>', date: '2026-03-01', file: 'a.py' },
      { author: 'Ann <ann@example.com>', date: '2026-03-01', file: 'b.py' },
      { author: 'Ben <ben@example.com>', date: '2026-03-03', file: 'README.md' },
    ]);
    const off = await t.client().get('/api/v1/repos/stats-hg/statistics');
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ enabled: false, processed: 0, days: [] });

    await admin.patch('/api/v1/repos/stats-hg', { enableStatistics: true });
    const on = await t.client().get('/api/v1/repos/stats-hg/statistics');
    expect(on.body).toMatchObject({ enabled: true, processed: 3, total: 3 });
    expect(on.body.days).toEqual([
      { day: '2026-03-01', commits: 2 },
      { day: '2026-03-03', commits: 1 },
    ]);
    expect(on.body.range).toEqual({ from: '2026-02-01', to: '2026-03-03' });
    expect(on.body.authors).toEqual([
      { author: 'Ann <ann@example.com>', day: '2026-03-01', commits: 2, added: 2, changed: 0, removed: 0 },
      { author: 'Ben <ben@example.com>', day: '2026-03-03', commits: 1, added: 1, changed: 0, removed: 0 },
    ]);
    expect(on.body.languages).toEqual([
      { extension: 'py', files: 2 },
      { extension: 'md', files: 1 },
    ]);
    const narrowed = await t.client().get('/api/v1/repos/stats-hg/statistics?from=2026-03-02&to=2026-03-31');
    expect(narrowed.body.authors.map((a: { author: string }) => a.author)).toEqual(['Ben <ben@example.com>']);
  });

  it('goes on incrementally after a push (git)', async () => {
    await pushDated('git', dir('stats-git'), [
      { author: 'Ann <ann@example.com>', date: '2026-05-10', file: 'x.ts' },
      { author: 'Cy <cy@example.com>', date: '2026-05-11', file: 'y.ts' },
    ]);
    const first = await bob.client.get('/api/v1/repos/stats-git/statistics');
    expect(first.body).toMatchObject({ processed: 2, total: 2 });
    await pushDated('git', dir('stats-git'), [
      { author: 'Cy <cy@example.com>', date: '2026-05-11', file: 'x.ts' },
      { author: 'Cy <cy@example.com>', date: '2026-05-12', file: 'z.rst' },
    ]);
    const second = await bob.client.get('/api/v1/repos/stats-git/statistics');
    expect(second.body).toMatchObject({ processed: 4, total: 4 });
    expect(second.body.days).toEqual([
      { day: '2026-05-10', commits: 1 },
      { day: '2026-05-11', commits: 2 },
      { day: '2026-05-12', commits: 1 },
    ]);
    expect(second.body.authors).toContainEqual({ author: 'Cy <cy@example.com>', day: '2026-05-11', commits: 2, added: 1, changed: 1, removed: 0 });
    expect(second.body.languages).toEqual([
      { extension: 'ts', files: 2 },
      { extension: 'rst', files: 1 },
    ]);
  });

  it('parses long histories in batches, one per visit, and admins reset them', async () => {
    await fastImport(dir('bulk'), 1205);
    const first = await admin.get('/api/v1/repos/bulk/statistics');
    expect(first.body).toMatchObject({ processed: 1000, total: 1205 });
    const second = await admin.get('/api/v1/repos/bulk/statistics');
    expect(second.body).toMatchObject({ processed: 1205, total: 1205 });
    expect(second.body.days).toHaveLength(1205);
    expect(second.body.days.reduce((n: number, d: { commits: number }) => n + d.commits, 0)).toBe(1205);
    // the detail covers the last 31 days of history by default
    expect(second.body.range).toEqual({ from: '2023-03-20', to: '2023-04-19' });
    expect(second.body.authors).toHaveLength(31);

    expect((await bob.client.delete('/api/v1/repos/bulk/statistics')).status).toBe(403);
    expect((await admin.delete('/api/v1/repos/bulk/statistics')).status).toBe(204);
    const again = await admin.get('/api/v1/repos/bulk/statistics');
    expect(again.body).toMatchObject({ processed: 1000, total: 1205 });
  });

  it('follows the repository permissions and validates the range', async () => {
    expect((await t.client().get('/api/v1/repos/hidden/statistics')).status).toBe(401);
    expect((await bob.client.get('/api/v1/repos/hidden/statistics')).status).toBe(404);
    expect((await t.client().get('/api/v1/repos/nope/statistics')).status).toBe(404);
    const bad = await admin.get('/api/v1/repos/stats-git/statistics?from=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/from/);
    expect((await admin.get('/api/v1/repos/stats-git/statistics?from=2026-05-12&to=2026-05-01')).status).toBe(400);
    expect((await admin.get('/api/v1/repos/stats-git/statistics?unknown=1')).status).toBe(400);
  });
});
