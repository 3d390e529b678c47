// The HTTP gateway under stress and abuse, with the real clients: concurrent pushes to one
// repository, a client killed mid-push, IP allow-lists and trusted proxies.
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { createTestApp, ADMIN, type TestApp } from './utils/create-test-app';
import { clone, commit, idsOnDisk, journal, newWorkingCopy, ok, push, removeDir, run, start, tempDir, urlOf, verify } from './utils/gateway-clients';

jest.setTimeout(240_000);

let t: TestApp;
let work: string;
const admin = { username: ADMIN.username, password: ADMIN.password };

beforeAll(async () => {
  t = await createTestApp({ GROVE_TRUSTED_PROXIES: '127.0.0.1' });
  work = await tempDir();
});

afterAll(async () => {
  await t?.close();
  await removeDir(work);
});

describe.each(['git', 'hg'] as const)('%s', (type) => {
  test('two concurrent pushes to one repository both land and leave it consistent', async () => {
    const name = `busy-${type}`;
    expect((await t.admin().post('/api/v1/repos', { name, type })).status).toBe(201);
    const url = urlOf(t, name, admin);
    // two clones of the same base, each adding its own file (git: different branches, so neither is rejected)
    const base = await newWorkingCopy(type);
    await commit(type, base, 'base.txt');
    expect((await push(type, base, url)).code).toBe(0);
    const a = path.join(work, `${type}-a`);
    const b = path.join(work, `${type}-b`);
    await ok(type, ['clone', '-q', url, a]);
    await ok(type, ['clone', '-q', url, b]);
    const idsA = await commit(type, a, 'a.txt', 5, 'A');
    const idsB = await commit(type, b, 'b.txt', 5, 'B');
    const [ra, rb] =
      type === 'git'
        ? await Promise.all([run('git', ['push', '-q', url, 'HEAD:refs/heads/a'], { cwd: a }), run('git', ['push', '-q', url, 'HEAD:refs/heads/b'], { cwd: b })])
        : await Promise.all([run('hg', ['push', '-q', '-f', url], { cwd: a }), run('hg', ['push', '-q', '-f', url], { cwd: b })]);
    expect([ra.code, rb.code, ra.stderr, rb.stderr]).toEqual([0, 0, '', '']);
    const dir = path.join(t.reposRoot, name);
    const all = await idsOnDisk(type, dir);
    for (const id of [...idsA, ...idsB]) expect(all).toContain(id);
    expect((await verify(type, dir)).code).toBe(0);
    // each push is journaled with its own changesets
    const pushes = (await journal(t, name)).filter((e) => e.action.startsWith('push:')).map((e) => e.action.slice(5).split(',').sort().join(','));
    expect(pushes).toEqual(expect.arrayContaining([[...idsA].sort().join(','), [...idsB].sort().join(',')]));
  });

  test('a client killed mid-push leaves the repository consistent and the server healthy', async () => {
    const name = `killed-${type}`;
    expect((await t.admin().post('/api/v1/repos', { name, type })).status).toBe(201);
    const url = urlOf(t, name, admin);
    const wc = await newWorkingCopy(type);
    // incompressible content so the upload takes a while
    await writeFile(path.join(wc, 'big.bin'), randomBytes(40 * 1024 * 1024));
    if (type === 'git') {
      await ok('git', ['add', 'big.bin'], { cwd: wc });
      await ok('git', ['commit', '-q', '-m', 'big'], { cwd: wc });
    } else {
      await ok('hg', ['commit', '-q', '-A', '-m', 'big'], { cwd: wc });
    }
    const child = start(type, type === 'git' ? ['push', '-q', url, 'HEAD:refs/heads/master'] : ['push', '-q', url], { cwd: wc });
    // kill it once the upload has started (the server has created a temporary pack / bundle)
    await new Promise((r) => setTimeout(r, 400));
    child.kill();
    await child.exited;
    const dir = path.join(t.reposRoot, name);
    expect((await verify(type, dir)).code).toBe(0);
    // the server still serves, and a complete push still works
    expect((await fetch(`${t.baseUrl}/api/health`)).status).toBe(200);
    const ids = await commit(type, wc, 'after.txt');
    const again = await push(type, wc, url);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(await idsOnDisk(type, dir)).toContain(ids[0]);
    expect((await verify(type, dir)).code).toBe(0);
  });
});

describe('IP allow-lists', () => {
  test('global list refuses others (401 anonymous, 403 with credentials); a personal entry or a trusted proxy header lets them in', async () => {
    expect((await t.admin().post('/api/v1/repos', { name: 'fenced', type: 'git' })).status).toBe(201);
    const u = await t.user('walled');
    const creds = { username: 'walled', password: 'pw-walled-1' };
    const status = async (auth?: { username: string; password: string }, forwardedFor?: string) => {
      const headers: Record<string, string> = {};
      if (auth) headers['authorization'] = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
      if (forwardedFor) headers['x-forwarded-for'] = forwardedFor;
      const res = await fetch(`${t.baseUrl}/fenced/info/refs?service=git-upload-pack`, { headers });
      await res.arrayBuffer();
      return res.status;
    };
    expect(await status()).toBe(200);
    // the admin's own calls come through the trusted proxy from inside the list (super-admins are not exempt)
    const asAdmin = (method: string, p: string, json?: unknown) => t.admin().request(method, p, { json, headers: { 'x-forwarded-for': '10.9.0.1' } });
    const added = await t.admin().post('/api/v1/admin/ip-allowlist', { ipAddr: '10.9.0.0/16' });
    expect(added.status).toBe(201);
    try {
      expect(await status()).toBe(401);
      expect(await status(creds)).toBe(403);
      expect((await clone('git', urlOf(t, 'fenced', creds), path.join(work, 'fenced-refused'))).code).not.toBe(0);
      // behind a trusted proxy, the forwarded address counts
      expect(await status(undefined, '10.9.1.2')).toBe(200);
      expect(await status(creds, '192.0.2.7')).toBe(403);
      // a personal entry widens access once a global list exists
      expect((await asAdmin('POST', `/api/v1/users/${u.id}/ips`, { ipAddr: '127.0.0.1' })).status).toBe(201);
      expect(await status(creds)).toBe(200);
      expect(await status()).toBe(401);
      expect((await clone('git', urlOf(t, 'fenced', creds), path.join(work, 'fenced-ok'))).code).toBe(0);
    } finally {
      expect((await asAdmin('DELETE', `/api/v1/admin/ip-allowlist/${added.body.id}`)).status).toBe(204);
    }
  });
});
