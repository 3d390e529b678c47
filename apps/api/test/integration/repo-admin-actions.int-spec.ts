import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DataSource, Like } from 'typeorm';
import { UserLog } from '../../src/journal/user-log.entity';
import { createTestApp, TestApp } from './utils/create-test-app';
import { HttpClient } from './utils/http-client';
import { git, hg, pushCommits } from './utils/vcs-clients';

/** The advanced and remote tabs of repository settings: public journal, "fork of", pull from remote. */
describe('repository admin actions (REST, real disk)', () => {
  let t: TestApp;
  let admin: HttpClient;
  let alice: { id: number; client: HttpClient };
  let bob: { id: number; client: HttpClient };
  let db: DataSource;

  beforeAll(async () => {
    t = await createTestApp();
    admin = t.admin();
    alice = await t.user('alice');
    bob = await t.user('bob');
    db = t.app.get(DataSource);
    for (const [name, type] of [['up-git', 'git'], ['down-git', 'git'], ['other-hg', 'hg']] as const) {
      const res = await alice.client.post('/api/v1/repos', { name, type });
      if (res.status !== 201) throw new Error(res.text);
    }
    await alice.client.post('/api/v1/repos', { name: 'secret-git', type: 'git', private: true });
  });
  afterAll(() => t.close());

  const dir = (name: string) => path.join(t.reposRoot, name);

  it('adds a repository to the public journal and removes it; only admins may', async () => {
    expect((await alice.client.get('/api/v1/repos/up-git')).body.inPublicJournal).toBe(false);
    expect((await bob.client.put('/api/v1/repos/up-git/public-journal')).status).toBe(403);
    expect((await t.client().put('/api/v1/repos/up-git/public-journal')).status).toBe(401);
    expect((await alice.client.put('/api/v1/repos/up-git/public-journal')).status).toBe(204);
    // Idempotent, and what it means: the anonymous `default` user follows it.
    expect((await alice.client.put('/api/v1/repos/up-git/public-journal')).status).toBe(204);
    const detail = await alice.client.get('/api/v1/repos/up-git');
    expect(detail.body).toMatchObject({ inPublicJournal: true, following: true, followers: 2 });
    expect((await alice.client.delete('/api/v1/repos/up-git/public-journal')).status).toBe(204);
    expect((await alice.client.get('/api/v1/repos/up-git')).body).toMatchObject({ inPublicJournal: false, followers: 1 });
  });

  it('sets and clears "fork of": same type, readable, no cycles', async () => {
    const up = (await alice.client.get('/api/v1/repos/up-git')).body;
    const down = (await alice.client.get('/api/v1/repos/down-git')).body;
    const hgRepo = (await alice.client.get('/api/v1/repos/other-hg')).body;
    const secret = (await alice.client.get('/api/v1/repos/secret-git')).body;

    const set = await alice.client.patch('/api/v1/repos/down-git', { forkOf: up.id });
    expect(set.status).toBe(200);
    expect(set.body.forkOf).toEqual({ id: up.id, name: 'up-git' });
    expect((await alice.client.get('/api/v1/repos/up-git')).body.forks).toBe(1);

    const wrongType = await alice.client.patch('/api/v1/repos/down-git', { forkOf: hgRepo.id });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.message).toMatch(/same type/);
    const cycle = await alice.client.patch('/api/v1/repos/up-git', { forkOf: down.id });
    expect(cycle.status).toBe(400);
    expect(cycle.body.message).toMatch(/cycle/);
    expect((await alice.client.patch('/api/v1/repos/up-git', { forkOf: up.id })).status).toBe(400);
    expect((await alice.client.patch('/api/v1/repos/down-git', { forkOf: 999999 })).status).toBe(404);
    expect((await alice.client.patch('/api/v1/repos/down-git', { forkOf: 'up-git' })).status).toBe(400);

    // Bob administers his own repository but may not read alice's private one.
    await bob.client.post('/api/v1/repos', { name: 'bob-git', type: 'git' });
    expect((await bob.client.patch('/api/v1/repos/bob-git', { forkOf: secret.id })).status).toBe(404);
    expect((await bob.client.get('/api/v1/repos/bob-git')).body.forkOf).toBeNull();
    // Nothing changed by the refusals.
    expect((await alice.client.get('/api/v1/repos/down-git')).body.forkOf).toEqual({ id: up.id, name: 'up-git' });

    const cleared = await alice.client.patch('/api/v1/repos/down-git', { forkOf: null });
    expect(cleared.body.forkOf).toBeNull();
  });

  it('pulls from the stored remote, and a fork from its parent; journals push_remote', async () => {
    const remote = await mkdtemp(path.join(tmpdir(), 'grove-remote-'));
    await hg(['init', remote]);
    const ids = await pushCommits('hg', remote, 2, 'remote');
    await admin.patch('/api/v1/admin/settings', { cloneUriAllowLocal: true });
    try {
      expect((await alice.client.patch('/api/v1/repos/other-hg', { cloneUri: remote })).status).toBe(200);
      expect((await bob.client.post('/api/v1/repos/other-hg/pull', {})).status).toBe(403);
      const pulled = await alice.client.post('/api/v1/repos/other-hg/pull', {});
      expect(pulled.status).toBe(200);
      expect(pulled.body.tip).toMatchObject({ rawId: ids[1], message: 'remote 2' });
      expect((await hg(['log', '-R', dir('other-hg'), '-r', 'tip', '-T', '{node}'])).trim()).toBe(ids[1]);
      const entry = await db.getRepository(UserLog).findOneByOrFail({ action: Like('push_remote:%'), repositoryName: 'other-hg' });
      expect(entry.action.slice('push_remote:'.length).split(',').sort()).toEqual([...ids].sort());
    } finally {
      await admin.patch('/api/v1/admin/settings', { cloneUriAllowLocal: false });
    }

    const noRemote = await alice.client.post('/api/v1/repos/up-git/pull', {});
    expect(noRemote.status).toBe(400);
    expect(noRemote.body.message).toMatch(/no remote/);
    expect((await alice.client.post('/api/v1/repos/up-git/pull', { cloneUri: 'file:///etc' })).status).toBe(400);
    expect((await alice.client.post('/api/v1/repos/up-git/pull', { bogus: 1 })).status).toBe(400);

    // A fork without a remote pulls from the repository it was forked from.
    await pushCommits('git', dir('up-git'), 2, 'upstream');
    const fork = await bob.client.post('/api/v1/repos/up-git/forks', { name: 'bob-fork' });
    expect(fork.status).toBe(201);
    const work = await mkdtemp(path.join(tmpdir(), 'grove-work-'));
    await git(['clone', '-q', dir('up-git'), work]);
    await writeFile(path.join(work, 'later.txt'), 'later\n');
    await git(['add', 'later.txt'], work);
    await git(['commit', '-q', '-m', 'later'], work);
    await git(['push', '-q', 'origin', 'master'], work);
    const forkTipBefore = (await git(['--git-dir', dir('bob-fork'), 'rev-parse', 'refs/heads/master'])).trim();
    const refreshed = await bob.client.post('/api/v1/repos/bob-fork/pull', {});
    expect(refreshed.status).toBe(200);
    const tipOfFork = (await git(['--git-dir', dir('bob-fork'), 'rev-parse', 'refs/heads/master'])).trim();
    expect(tipOfFork).not.toBe(forkTipBefore);
    expect(refreshed.body.tip.message.trim()).toBe('later');
    expect(tipOfFork).toBe((await git(['--git-dir', dir('up-git'), 'rev-parse', 'refs/heads/master'])).trim());
  });
});
