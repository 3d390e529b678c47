// hg push-to-create over SSH with the real OpenSSH and hg clients: the session starts on the hidden
// empty repository and only an `unbundle` creates the real one; clones and pulls of a missing path
// stay "not found" and create nothing.
import { execFileSync } from 'node:child_process';
import { access, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { SshServerService } from '../../src/vcs-gateway/ssh-server.service';
import { createTestApp, type TestApp } from './utils/create-test-app';
import { commit, idsOnDisk, journal, newWorkingCopy, removeDir, run, tempDir, verify } from './utils/gateway-clients';

jest.setTimeout(180_000);

let t: TestApp;
let work: string;
let port: number;
const keys: Record<string, string> = {};

function hg(who: string, args: string[], cwd?: string) {
  const ssh = `ssh -i ${keys[who]} -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR`;
  return run('hg', ['--config', `ui.ssh=${ssh}`, ...args], { cwd });
}

const sshUrl = (name: string) => `ssh://grove@127.0.0.1:${port}/${name}`;

async function nothingCreated(name: string): Promise<void> {
  expect((await t.admin().get(`/api/v1/repos/${name}`)).status).toBe(404);
  await expect(access(path.join(t.reposRoot, name))).rejects.toThrow();
}

const setPushToCreate = async (on: boolean) => expect((await t.admin().patch('/api/v1/admin/settings', { pushToCreate: on })).status).toBe(200);

beforeAll(async () => {
  t = await createTestApp({});
  work = await tempDir();
  port = t.app.get(SshServerService).port()!;
  for (const name of ['maker', 'nocreate']) {
    keys[name] = path.join(work, `${name}_key`);
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', `${name}@test`, '-f', keys[name]!]);
    const u = await t.user(name);
    expect((await u.client.post('/api/v1/me/ssh-keys', { publicKey: await readFile(`${keys[name]}.pub`, 'utf8') })).status).toBe(201);
  }
});

afterAll(async () => {
  await t?.close();
  await removeDir(work);
});

test('off (the default): an hg push over SSH to a missing path is refused', async () => {
  const wc = await newWorkingCopy('hg');
  await commit('hg', wc, 'a.txt');
  const r = await hg('maker', ['push', sshUrl('off-repo')], wc);
  expect(r.code).not.toBe(0);
  expect(r.stderr).toContain("Access to 'off-repo' denied");
  await nothingCreated('off-repo');
});

describe('on', () => {
  beforeAll(() => setPushToCreate(true));
  afterAll(() => setPushToCreate(false));

  test('hg push creates the repository, owned by the pusher and journaled, with the changesets', async () => {
    const wc = await newWorkingCopy('hg');
    const ids = await commit('hg', wc, 'a.txt', 3);
    const r = await hg('maker', ['push', sshUrl('made-by-hg-ssh')], wc);
    expect(r.stderr).not.toContain('abort');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('added 3 changesets');
    expect((await t.admin().get('/api/v1/repos/made-by-hg-ssh')).body).toMatchObject({ type: 'hg', owner: 'maker' });
    const dir = path.join(t.reposRoot, 'made-by-hg-ssh');
    expect((await verify('hg', dir)).code).toBe(0);
    expect(await idsOnDisk('hg', dir)).toEqual([...ids].sort());
    const actions = (await journal(t, 'made-by-hg-ssh')).map((e) => `${e.username} ${e.action}`);
    expect(actions).toEqual(['maker user_created_repo', `maker push:${ids.join(',')}`]);
    // and it is an ordinary repository afterwards: a second push and a clone
    const more = await commit('hg', wc, 'a.txt', 1, 'more');
    expect((await hg('maker', ['push', sshUrl('made-by-hg-ssh')], wc)).code).toBe(0);
    const copy = path.join(work, 'copy');
    expect((await hg('maker', ['clone', '-q', sshUrl('made-by-hg-ssh'), copy])).code).toBe(0);
    expect(await idsOnDisk('hg', copy)).toEqual([...ids, ...more].sort());
  });

  test('hg clone and hg pull of a missing path fail with "not found" and create nothing', async () => {
    const clone = await hg('maker', ['clone', sshUrl('missing'), path.join(work, 'missing')]);
    expect(clone.code).not.toBe(0);
    expect(clone.stdout + clone.stderr).toContain('repository missing not found');
    await nothingCreated('missing');
    // a pull into a non-empty repository offers changesets like a push, but never unbundles
    const wc = await newWorkingCopy('hg');
    await commit('hg', wc, 'a.txt');
    const pull = await hg('maker', ['pull', sshUrl('missing')], wc);
    expect(pull.code).not.toBe(0);
    expect(pull.stdout + pull.stderr).toContain('repository missing not found');
    await nothingCreated('missing');
  });

  test('a user who may not create repositories is refused and nothing is created', async () => {
    expect((await t.admin().put('/api/v1/admin/default-permissions', { createRepository: 'hg.create.none' })).status).toBe(200);
    try {
      const wc = await newWorkingCopy('hg');
      await commit('hg', wc, 'a.txt');
      const r = await hg('nocreate', ['push', sshUrl('not-allowed')], wc);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain("Access to 'not-allowed' denied");
      await nothingCreated('not-allowed');
    } finally {
      await t.admin().put('/api/v1/admin/default-permissions', { createRepository: 'hg.create.repository' });
    }
  });
});
