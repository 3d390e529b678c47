// Custom hooks of the settings' Hooks tab: the super-admin REST (built-in hooks read-only, only
// post-push hook types, no Python hooks) and running them after real git and hg pushes through
// the HTTP gateway, with the push in their environment; inactive hooks stay quiet and a failing
// hook leaves the push accepted.
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import * as path from 'node:path';
import { PushJournalService } from '../../src/vcs-gateway/push-journal.service';
import { createTestApp, type TestApp } from './utils/create-test-app';
import { clone, commit, idsOnDisk, push, removeDir, tempDir, urlOf } from './utils/gateway-clients';

jest.setTimeout(120_000);

let t: TestApp;
let work: string;
let out: string;
let writerId: number;

beforeAll(async () => {
  t = await createTestApp();
  work = await tempDir();
  out = await tempDir('grove-hook-out-');
  writerId = (await t.user('writer')).id;
});

afterAll(async () => {
  await t?.close();
  await removeDir(work);
  await removeDir(out);
});

describe('REST', () => {
  test('lists the built-in hooks read-only; custom hooks are added, edited, deactivated and deleted', async () => {
    const initial = await t.admin().get('/api/v1/admin/hooks');
    expect(initial.status).toBe(200);
    expect(initial.body.builtIn.map((h: { key: string }) => h.key)).toEqual(['changegroup.repo_size', 'changegroup.update']);
    expect(initial.body.custom).toEqual([]);

    const created = await t.admin().post('/api/v1/admin/hooks', { key: 'changegroup.notify', value: ' echo hi ' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ key: 'changegroup.notify', value: 'echo hi', active: true });
    const id = created.body.id as number;

    const edited = await t.admin().patch(`/api/v1/admin/hooks/${id}`, { key: 'txnclose.notify', active: false });
    expect(edited.status).toBe(200);
    expect(edited.body).toEqual({ id, key: 'txnclose.notify', value: 'echo hi', active: false });
    expect((await t.admin().get('/api/v1/admin/hooks')).body.custom).toEqual([edited.body]);

    expect((await t.admin().delete(`/api/v1/admin/hooks/${id}`)).status).toBe(204);
    expect((await t.admin().get('/api/v1/admin/hooks')).body.custom).toEqual([]);
    expect((await t.admin().delete(`/api/v1/admin/hooks/${id}`)).status).toBe(404);
  });

  test.each([
    [{ key: 'pretxnchangegroup.check', value: 'true' }, /pre-hooks cannot refuse a push/],
    [{ key: 'outgoing.log', value: 'true' }, /not supported/],
    [{ key: 'changegroup.update', value: 'true' }, /built-in/],
    [{ key: 'changegroup.py', value: 'python:my.module.hook' }, /Python hooks/],
    [{ key: 'no-type', value: 'true' }, /<hook type>\.<name>/],
    [{ key: 'changegroup.x', value: 'echo a\necho b' }, /single line/],
    [{ key: 'changegroup.x', value: '' }, /required/],
  ])('refuses %j', async (body, message) => {
    const r = await t.admin().post('/api/v1/admin/hooks', body);
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(message);
  });

  test('built-in hooks cannot be edited or deleted; duplicates conflict; only super-admins', async () => {
    const list = (await t.admin().get('/api/v1/admin/hooks')).body;
    const builtIn = list.builtIn[0].id as number;
    expect((await t.admin().patch(`/api/v1/admin/hooks/${builtIn}`, { value: 'true' })).status).toBe(400);
    expect((await t.admin().delete(`/api/v1/admin/hooks/${builtIn}`)).status).toBe(400);

    const a = await t.admin().post('/api/v1/admin/hooks', { key: 'incoming.a', value: 'true' });
    const b = await t.admin().post('/api/v1/admin/hooks', { key: 'incoming.b', value: 'true' });
    expect((await t.admin().post('/api/v1/admin/hooks', { key: 'incoming.a', value: 'false' })).status).toBe(409);
    expect((await t.admin().patch(`/api/v1/admin/hooks/${b.body.id}`, { key: 'incoming.a' })).status).toBe(409);

    const user = await t.user('plain');
    expect((await user.client.get('/api/v1/admin/hooks')).status).toBe(403);
    expect((await user.client.post('/api/v1/admin/hooks', { key: 'incoming.c', value: 'true' })).status).toBe(403);
    expect((await t.client().get('/api/v1/admin/hooks')).status).toBe(401);

    for (const h of [a, b]) expect((await t.admin().delete(`/api/v1/admin/hooks/${h.body.id}`)).status).toBe(204);
  });
});

describe('after a push', () => {
  const file = (name: string) => path.join(out, name);
  const lines = async (name: string) => (existsSync(file(name)) ? (await readFile(file(name), 'utf8')).split('\n').filter(Boolean) : []);

  beforeAll(async () => {
    const hooks = [
      // sorted first and failing: the push and the later hooks are not affected
      { key: 'changegroup.a_fail', value: 'echo failing >&2; exit 7' },
      {
        key: 'changegroup.env',
        value: `printf '%s|%s|%s|%s|%s|%s|%s\\n' "$GROVE_REPO_NAME" "$GROVE_USER" "$GROVE_PUSHED_IDS" "$HG_NODE" "$HG_NODE_LAST" "$HG_HOOKTYPE" "$PWD" >> ${file('env')}`,
      },
      { key: 'incoming.each', value: `echo "$HG_NODE" >> ${file('incoming')}` },
      { key: 'txnclose.all', value: `echo "$GROVE_CHANNEL $GROVE_REPO_TYPE" >> ${file('txnclose')}` },
      { key: 'changegroup.off', value: `touch ${file('off')}`, active: false },
    ];
    for (const h of hooks) {
      const r = await t.admin().post('/api/v1/admin/hooks', h);
      if (r.status !== 201) throw new Error(`hook ${h.key}: ${r.status} ${r.text}`);
    }
  });

  test.each(['git', 'hg'] as const)('%s: active custom hooks run with the push in their environment', async (type) => {
    for (const name of ['env', 'incoming', 'txnclose', 'off']) await rm(file(name), { force: true });
    const name = `hooked-${type}`;
    const created = await t.admin().post('/api/v1/repos', { name, type });
    expect(created.status).toBe(201);
    const granted = await t.admin().post(`/api/v1/repos/${name}/permissions`, { subjectType: 'user', subjectId: writerId, permission: 'repository.write' });
    expect(granted.status).toBe(201);

    const wc = path.join(work, type);
    expect((await clone(type, urlOf(t, name), wc)).code).toBe(0);
    const ids = await commit(type, wc, 'a.txt', 3);
    const pushed = await push(type, wc, urlOf(t, name, { username: 'writer', password: 'pw-writer-1' }));
    expect(pushed.code).toBe(0);
    await t.app.get(PushJournalService).settled();

    expect(await idsOnDisk(type, path.join(t.reposRoot, name))).toEqual([...ids].sort());
    expect(await lines('env')).toEqual([[name, 'writer', ids.join(' '), ids[0], ids[2], 'changegroup', path.join(t.reposRoot, name)].join('|')]);
    expect(await lines('incoming')).toEqual(ids);
    expect(await lines('txnclose')).toEqual([`http ${type}`]);
    expect(existsSync(file('off'))).toBe(false);

    // a push that changes nothing runs no hook (hg says so with exit code 1)
    expect((await push(type, wc, urlOf(t, name, { username: 'writer', password: 'pw-writer-1' }))).code).toBe(type === 'git' ? 0 : 1);
    await t.app.get(PushJournalService).settled();
    expect(await lines('txnclose')).toEqual([`http ${type}`]);
  });
});
