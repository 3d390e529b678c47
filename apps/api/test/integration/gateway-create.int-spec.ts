// Push-to-create (hgwebinit) through the HTTP gateway with the real clients: off by default; when
// on, only pushes create, only where the pusher may create repositories (and missing groups),
// never inside an existing repository; the new repository is the pusher's and is journaled.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { createTestApp, ADMIN, type TestApp } from './utils/create-test-app';
import { clone, commit, idsOnDisk, journal, newWorkingCopy, push, removeDir, tempDir, urlOf } from './utils/gateway-clients';

jest.setTimeout(180_000);

let t: TestApp;
let work: string;
let maker: { id: number };
const makerPw = { username: 'maker', password: 'pw-maker-1' };
const admin = { username: ADMIN.username, password: ADMIN.password };

beforeAll(async () => {
  t = await createTestApp();
  work = await tempDir();
  maker = await t.user('maker');
  await t.admin().post('/api/v1/repo-groups', { name: 'team' });
  await t.admin().post('/api/v1/repo-groups', { name: 'locked' });
  const grant = await t.admin().post('/api/v1/repo-groups/team/permissions', { subjectType: 'user', subjectId: maker.id, permission: 'group.admin' });
  expect(grant.status).toBe(201);
  // only group.read on `locked`, and group.write does not let anyone create there
  await t.admin().put('/api/v1/admin/default-permissions', { createOnWriteRepoGroup: 'hg.create.write_on_repogroup.false' });
  expect((await t.admin().post('/api/v1/repos', { name: 'existing', type: 'git' })).status).toBe(201);
});

afterAll(async () => {
  await t?.close();
  await removeDir(work);
});

const exists = (name: string) => existsSync(path.join(t.reposRoot, name));

async function setPushToCreate(on: boolean) {
  expect((await t.admin().patch('/api/v1/admin/settings', { pushToCreate: on })).status).toBe(200);
}

describe.each(['git', 'hg'] as const)('%s', (type) => {
  test('off by default: a push to a missing path is refused and creates nothing', async () => {
    expect((await t.admin().get('/api/v1/admin/settings')).body.pushToCreate).toBe(false);
    const wc = await newWorkingCopy(type);
    await commit(type, wc, 'f.txt');
    const r = await push(type, wc, urlOf(t, `new-${type}-off`, makerPw));
    expect(r.code).not.toBe(0);
    expect(exists(`new-${type}-off`)).toBe(false);
    await removeDir(wc);
  });

  test('on: top level with hg.create.repository, owned by the pusher and journaled; not without it', async () => {
    await setPushToCreate(true);
    try {
      const wc = await newWorkingCopy(type);
      const ids = await commit(type, wc, 'f.txt', 2);
      expect((await push(type, wc, urlOf(t, `top-${type}`, makerPw))).code).toBe(0);
      const detail = await t.admin().get(`/api/v1/repos/top-${type}`);
      expect(detail.body).toMatchObject({ type, owner: 'maker' });
      expect(await idsOnDisk(type, path.join(t.reposRoot, `top-${type}`))).toEqual([...ids].sort());
      const actions = (await journal(t, `top-${type}`)).map((e) => `${e.username} ${e.action}`);
      expect(actions).toEqual(['maker user_created_repo', `maker push:${ids.join(',')}`]);

      await t.admin().put('/api/v1/admin/default-permissions', { createRepository: 'hg.create.none' });
      try {
        const refused = await push(type, wc, urlOf(t, `top-${type}-refused`, makerPw));
        expect(refused.code).not.toBe(0);
        // git learns why; hg, whose discovery reads come first, is told the path does not exist
        expect(refused.stderr).toMatch(type === 'git' ? /403/ : /404/);
        expect(exists(`top-${type}-refused`)).toBe(false);
      } finally {
        await t.admin().put('/api/v1/admin/default-permissions', { createRepository: 'hg.create.repository' });
      }
      await removeDir(wc);
    } finally {
      await setPushToCreate(false);
    }
  });

  test('on: inside a permitted group (creating a missing sub-group), not inside a forbidden one', async () => {
    await setPushToCreate(true);
    try {
      const wc = await newWorkingCopy(type);
      await commit(type, wc, 'g.txt');
      expect((await push(type, wc, urlOf(t, `team/sub-${type}/app`, makerPw))).code).toBe(0);
      expect((await t.admin().get(`/api/v1/repo-groups/${encodeURIComponent(`team/sub-${type}`)}`)).status).toBe(200);
      expect((await t.admin().get(`/api/v1/repos/${encodeURIComponent(`team/sub-${type}/app`)}`)).body.owner).toBe('maker');

      const forbidden = await push(type, wc, urlOf(t, `locked/app-${type}`, makerPw));
      expect(forbidden.code).not.toBe(0);
      expect(exists(`locked/app-${type}`)).toBe(false);
      // a missing top-level group: only super-admins create those
      expect((await push(type, wc, urlOf(t, `brand-new-${type}/app`, makerPw))).code).not.toBe(0);
      expect(exists(`brand-new-${type}`)).toBe(false);
      expect((await push(type, wc, urlOf(t, `brand-new-${type}/app`, admin))).code).toBe(0);
      expect(exists(`brand-new-${type}/app`)).toBe(true);
      // never inside an existing repository's path
      expect((await push(type, wc, urlOf(t, `existing/inner-${type}`, makerPw))).code).not.toBe(0);
      expect(exists(`existing/inner-${type}`)).toBe(false);
      // anonymous pushes are asked for credentials, never create
      expect((await push(type, wc, urlOf(t, `anon-${type}`))).code).not.toBe(0);
      expect(exists(`anon-${type}`)).toBe(false);
      // clone of a misspelt path: not found, nothing created
      const cloned = await clone(type, urlOf(t, `team/missspelt-${type}`, makerPw), path.join(work, `missing-${type}`));
      expect(cloned.code).not.toBe(0);
      expect(cloned.stderr).toMatch(/404|not found/i);
      expect(exists(`team/missspelt-${type}`)).toBe(false);
      await removeDir(wc);
    } finally {
      await setPushToCreate(false);
    }
  });
});
