// git and hg over HTTP through the gateway, with the real clients: anonymous and authenticated
// access, private repositories, read-only pushers, wrong passwords, API keys as passwords, the
// journal, the tip cache and the "pushed" event.
import { readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { PushJournalService } from '../../src/vcs-gateway/push-journal.service';
import { RepositoryEventsService, type RepositoryPushedEvent } from '../../src/vcs-gateway/repository-events.service';
import { createTestApp, ADMIN, type TestApp } from './utils/create-test-app';
import { clone, commit, idsOnDisk, journal, newWorkingCopy, ok, push, removeDir, run, tempDir, urlOf } from './utils/gateway-clients';

jest.setTimeout(120_000);

let t: TestApp;
let work: string;
const pw = (name: string) => ({ username: name, password: `pw-${name}-1` });
const users: Record<string, { id: number; apiKey: string }> = {};
const events: RepositoryPushedEvent[] = [];

async function grant(repo: string, user: string, permission: string) {
  const r = await t.admin().post(`/api/v1/repos/${encodeURIComponent(repo)}/permissions`, { subjectType: 'user', subjectId: users[user]!.id, permission });
  if (r.status !== 201) throw new Error(`grant: ${r.status} ${r.text}`);
}

async function createRepo(name: string, type: 'git' | 'hg', extra: Record<string, unknown> = {}) {
  const r = await t.admin().post('/api/v1/repos', { name, type, ...extra });
  if (r.status !== 201) throw new Error(`create ${name}: ${r.status} ${r.text}`);
  return r.body.id as number;
}

beforeAll(async () => {
  t = await createTestApp();
  work = await tempDir();
  for (const name of ['writer', 'reader', 'stranger']) {
    const u = await t.user(name);
    users[name] = { id: u.id, apiKey: u.apiKey };
  }
  t.app.get(RepositoryEventsService).onPushed((e) => {
    events.push(e);
  });
});

afterAll(async () => {
  await t?.close();
  await removeDir(work);
});

describe.each(['git', 'hg'] as const)('%s over HTTP', (type) => {
  const name = `http-${type}/public`;
  const secret = `http-${type}-private`;

  beforeAll(async () => {
    await t.admin().post('/api/v1/repo-groups', { name: `http-${type}` });
    await createRepo(name, type);
    await grant(name, 'writer', 'repository.write');
    await grant(name, 'reader', 'repository.read');
    await createRepo(secret, type, { private: true });
    await grant(secret, 'writer', 'repository.write');
  });

  test('anonymous clone of a public repository; push needs credentials and write access', async () => {
    const wc = path.join(work, `${type}-anon`);
    const cloned = await clone(type, urlOf(t, name), wc);
    expect(cloned.code).toBe(0);
    const ids = await commit(type, wc, 'a.txt', 2);

    const anonymous = await push(type, wc, urlOf(t, name));
    expect(anonymous.code).not.toBe(0);
    expect(await idsOnDisk(type, path.join(t.reposRoot, name))).toEqual([]);

    const readOnly = await push(type, wc, urlOf(t, name, pw('reader')));
    expect(readOnly.code).not.toBe(0);
    expect(readOnly.stderr).toMatch(/403|read-only/);
    expect(await idsOnDisk(type, path.join(t.reposRoot, name))).toEqual([]);

    const wrong = await push(type, wc, urlOf(t, name, { username: 'writer', password: 'nope' }));
    expect(wrong.code).not.toBe(0);
    expect(await idsOnDisk(type, path.join(t.reposRoot, name))).toEqual([]);

    events.length = 0;
    const pushed = await push(type, wc, urlOf(t, name, pw('writer')));
    expect(pushed.code).toBe(0);
    expect(await idsOnDisk(type, path.join(t.reposRoot, name))).toEqual([...ids].sort());

    const entries = await journal(t, name);
    const pushes = entries.filter((e) => e.action.startsWith('push:'));
    expect(pushes.map((e) => [e.username, e.action, e.userIp])).toEqual([['writer', `push:${ids.join(',')}`, '127.0.0.1']]);
    expect(entries.some((e) => e.action === 'pull' && e.username === 'default')).toBe(true);

    // the tip cache follows the push; the event carries the changesets
    const detail = await t.admin().get(`/api/v1/repos/${encodeURIComponent(name)}`);
    expect(detail.body.tip.rawId).toBe(ids[1]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ repository: { name, type }, user: { username: 'writer' }, channel: 'http', created: false });
    expect(events[0]!.changes.changesets.map((c) => c.rawId)).toEqual(ids);

    // a second clone sees it; the permanent /_<id> URL works too
    const again = path.join(work, `${type}-anon-2`);
    const id = detail.body.id as number;
    expect((await clone(type, urlOf(t, `_${id}`), again)).code).toBe(0);
    expect(await idsOnDisk(type, type === 'git' ? path.join(again, '.git') : again)).toEqual([...ids].sort());
  });

  test('an API key works as the password', async () => {
    const wc = path.join(work, `${type}-apikey`);
    expect((await clone(type, urlOf(t, name), wc)).code).toBe(0);
    const ids = await commit(type, wc, 'k.txt', 1, 'by key');
    const r = await push(type, wc, urlOf(t, name, { username: 'writer', password: users['writer']!.apiKey }));
    expect(r.code).toBe(0);
    expect(await idsOnDisk(type, path.join(t.reposRoot, name))).toContain(ids[0]);
    // someone else's key is not this user's password
    const pushProbe = type === 'git' ? `${t.baseUrl}/${name}/info/refs?service=git-receive-pack` : `${t.baseUrl}/${name}?cmd=pushkey`;
    const basic = (user: string, secret: string) => `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;
    const status = async (auth: string) => {
      const res = await fetch(pushProbe, { headers: { accept: 'application/mercurial-0.1', authorization: auth } });
      await res.arrayBuffer();
      return res.status;
    };
    expect(await status(basic('writer', users['reader']!.apiKey))).toBe(401);
    expect(await status(basic('reader', users['reader']!.apiKey))).toBe(403);
    // a replaced key stops working at once, even though it was just verified (hg itself answers a GET pushkey with 405)
    const allowed = type === 'git' ? 200 : 405;
    const oldKey = users['writer']!.apiKey;
    expect(await status(basic('writer', oldKey))).toBe(allowed);
    const reset = await t.admin().request('POST', '/api/v1/me/api-keys/builtin/reset', { headers: { authorization: `Bearer ${oldKey}` } });
    expect(reset.status).toBe(201);
    users['writer']!.apiKey = reset.body.apiKey as string;
    expect(await status(basic('writer', oldKey))).toBe(401);
    expect(await status(basic('writer', users['writer']!.apiKey))).toBe(allowed);
  });

  test('private repositories: anonymous → 401, no read → 404, wrong password → 401, member → clone', async () => {
    const probe = async (auth?: { username: string; password: string }) => {
      const url = type === 'git' ? `${t.baseUrl}/${secret}/info/refs?service=git-upload-pack` : `${t.baseUrl}/${secret}?cmd=capabilities`;
      const headers: Record<string, string> = type === 'hg' ? { accept: 'application/mercurial-0.1' } : {};
      if (auth) headers['authorization'] = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
      const res = await fetch(url, { headers });
      await res.arrayBuffer();
      return { status: res.status, challenge: res.headers.get('www-authenticate') };
    };
    expect(await probe()).toEqual({ status: 401, challenge: 'Basic realm="Grove"' });
    expect((await probe(pw('stranger'))).status).toBe(404);
    expect((await probe({ username: 'writer', password: 'wrong' })).status).toBe(401);
    expect((await probe(pw('writer'))).status).toBe(200);
    expect((await probe({ username: ADMIN.username, password: ADMIN.password })).status).toBe(200);

    expect((await clone(type, urlOf(t, secret), path.join(work, `${type}-priv-anon`))).code).not.toBe(0);
    expect((await clone(type, urlOf(t, secret, pw('stranger')), path.join(work, `${type}-priv-stranger`))).code).not.toBe(0);
    expect((await clone(type, urlOf(t, secret, pw('writer')), path.join(work, `${type}-priv-writer`))).code).toBe(0);

    // nonexistent repositories look the same as private ones to anonymous clients
    const missing = type === 'git' ? `${t.baseUrl}/no/such/repo/info/refs?service=git-upload-pack` : `${t.baseUrl}/no/such/repo?cmd=capabilities`;
    const res = await fetch(missing, { headers: type === 'hg' ? { accept: 'application/mercurial-0.1' } : {} });
    expect(res.status).toBe(401);
    const authed = await fetch(missing, { headers: { accept: 'application/mercurial-0.1', authorization: `Basic ${Buffer.from('writer:pw-writer-1').toString('base64')}` } });
    expect(authed.status).toBe(404);
  });
});

describe('anonymous access turned off', () => {
  test('clones need credentials; every other URL still reaches the APIs and the SPA', async () => {
    await createRepo('closed-git', 'git');
    await createRepo('closed-hg', 'hg');
    await grant('closed-git', 'reader', 'repository.read');
    await grant('closed-hg', 'reader', 'repository.read');
    expect((await t.admin().put('/api/v1/admin/default-permissions', { anonymousAccess: false })).status).toBe(200);
    try {
      for (const type of ['git', 'hg'] as const) {
        expect((await clone(type, urlOf(t, `closed-${type}`), path.join(work, `closed-${type}-anon`))).code).not.toBe(0);
        expect((await clone(type, urlOf(t, `closed-${type}`, pw('reader')), path.join(work, `closed-${type}-reader`))).code).toBe(0);
      }
    } finally {
      await t.admin().put('/api/v1/admin/default-permissions', { anonymousAccess: true });
    }
    // not VCS requests: the API and a file page under a path that ends like a git endpoint
    expect((await t.admin().get('/api/v1/repos/closed-git')).status).toBe(200);
    expect((await fetch(`${t.baseUrl}/closed-git/info/refs`)).status).not.toBe(401);
    expect((await fetch(`${t.baseUrl}/closed-hg?cmd=capabilities`)).status).not.toBe(401); // a browser, not an hg client
  });

  test('malformed requests get 400, not 500', async () => {
    const bad = await fetch(`${t.baseUrl}/closed-git/info/refs?service=git-evil`);
    expect(bad.status).toBe(400);
    const hgBad = await fetch(`${t.baseUrl}/closed-hg?cmd=../../x`, { headers: { accept: 'application/mercurial-0.1' } });
    expect(hgBad.status).toBe(400);
  });
});

describe('custom hooks', () => {
  test("git: the repository's hooks/post-receive-custom runs after Grove's bookkeeping with post-receive's input", async () => {
    await createRepo('hooked-git', 'git');
    const dir = path.join(t.reposRoot, 'hooked-git');
    const seen = path.join(work, 'hook-input');
    await writeFile(path.join(dir, 'hooks', 'post-receive-custom'), `#!/bin/sh\ncat > '${seen}'\n`, { mode: 0o755 });
    const wc = await newWorkingCopy('git');
    const [id] = await commit('git', wc, 'h.txt');
    await ok('git', ['push', '-q', urlOf(t, 'hooked-git', { username: ADMIN.username, password: ADMIN.password }), 'HEAD:refs/heads/master'], { cwd: wc });
    await t.app.get(PushJournalService).settled();
    expect(await readFile(seen, 'utf8')).toBe(`${'0'.repeat(40)} ${id} refs/heads/master\n`);
  });
});

describe('protocol details', () => {
  test('git protocol v2 and a gzip-compressed negotiation reach git http-backend', async () => {
    await createRepo('proto-git', 'git');
    const wc = await newWorkingCopy('git');
    await commit('git', wc, 'p.txt', 3);
    await ok('git', ['push', '-q', urlOf(t, 'proto-git', { username: ADMIN.username, password: ADMIN.password }), 'HEAD:refs/heads/master'], { cwd: wc });
    const v2 = await fetch(`${t.baseUrl}/proto-git/info/refs?service=git-upload-pack`, { headers: { 'git-protocol': 'version=2' } });
    expect(await v2.text()).toContain('version 2');
    // a v2 fetch of a clone with many haves sends gzip bodies; the result must match
    const dest = path.join(work, 'proto-v2');
    await ok('git', ['-c', 'protocol.version=2', 'clone', '-q', urlOf(t, 'proto-git'), dest]);
    expect((await run('git', ['-C', dest, 'rev-list', '--count', 'HEAD'])).stdout.trim()).toBe('3');
  });
});
