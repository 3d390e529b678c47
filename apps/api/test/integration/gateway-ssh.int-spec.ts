// git and hg over the built-in SSH server with the real OpenSSH client: keys registered through
// the REST API, the same permissions as HTTP (read → pull only, none → denied), the journal,
// protocol v2 and push-to-create.
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { SshServerService, SSH_HOST_KEY_FILE } from '../../src/vcs-gateway/ssh-server.service';
import { createTestApp, type TestApp } from './utils/create-test-app';
import { commit, idsOnDisk, journal, newWorkingCopy, removeDir, run, tempDir } from './utils/gateway-clients';

jest.setTimeout(180_000);

let t: TestApp;
let work: string;
let port: number;
const keys: Record<string, string> = {};
const ids: Record<string, number> = {};

function sshCommand(who: string): string {
  return `ssh -i ${keys[who]} -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR`;
}

const sshUrl = (name: string) => `ssh://grove@127.0.0.1:${port}/${name}`;

function git(who: string, args: string[], cwd?: string) {
  return run('git', args, { cwd, env: { GIT_SSH_COMMAND: sshCommand(who) } });
}

function hg(who: string, args: string[], cwd?: string) {
  return run('hg', ['--config', `ui.ssh=${sshCommand(who)}`, ...args], { cwd });
}

beforeAll(async () => {
  t = await createTestApp({ GROVE_SSH_PUBLIC_PORT: '2200' });
  work = await tempDir();
  port = t.app.get(SshServerService).port()!;
  for (const name of ['writer', 'reader', 'stranger', 'unregistered']) {
    keys[name] = path.join(work, `${name}_key`);
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', `${name}@test`, '-f', keys[name]!]);
    if (name === 'unregistered') continue;
    const u = await t.user(name);
    ids[name] = u.id;
    const pub = await readFile(`${keys[name]}.pub`, 'utf8');
    const added = await u.client.post('/api/v1/me/ssh-keys', { publicKey: pub });
    expect(added.status).toBe(201);
  }
  // the same key cannot be registered by a second user
  const again = await t.admin().post(`/api/v1/users/${ids['reader']}/ssh-keys`, { publicKey: await readFile(`${keys['writer']}.pub`, 'utf8') });
  expect(again.status).toBe(409);
});

afterAll(async () => {
  await t?.close();
  await removeDir(work);
});

test('the host key is generated once in the data directory and kept across restarts', async () => {
  const key = await readFile(path.join(t.config.dataDir, SSH_HOST_KEY_FILE), 'utf8');
  expect(key).toContain('OPENSSH PRIVATE KEY');
  const server = t.app.get(SshServerService);
  await server.onApplicationShutdown();
  await server.onApplicationBootstrap();
  port = server.port()!;
  expect(await readFile(path.join(t.config.dataDir, SSH_HOST_KEY_FILE), 'utf8')).toBe(key);
});

test('clone URLs shown to users follow the SSH settings', async () => {
  const site = await t.client().get('/api/v1/site');
  expect(site.body.clone).toMatchObject({ uriTemplate: '{scheme}://{user}@{netloc}/{repo}', sshTemplate: 'ssh://{system_user}@{hostname}/{repo}', sshPort: 2200 });
  // (GROVE_SSH_ENABLED=false: gateway-ssh-off.int-spec.ts)
});

describe.each(['git', 'hg'] as const)('%s over SSH', (type) => {
  const name = `ssh-${type}`;
  const client = type === 'git' ? git : hg;

  beforeAll(async () => {
    expect((await t.admin().post('/api/v1/repos', { name, type, private: true })).status).toBe(201);
    for (const [who, permission] of [['writer', 'repository.write'], ['reader', 'repository.read']] as const) {
      const r = await t.admin().post(`/api/v1/repos/${name}/permissions`, { subjectType: 'user', subjectId: ids[who], permission });
      expect(r.status).toBe(201);
    }
  });

  test('clone and push with a registered key; read-only pushes refused with the repository unchanged', async () => {
    const wc = path.join(work, `${type}-writer`);
    expect((await client('writer', ['clone', '-q', sshUrl(name), wc])).code).toBe(0);
    const pushed = await commit(type, wc, 'a.txt', 2);
    const push = (who: string) => (type === 'git' ? git(who, ['push', '-q', 'origin', 'HEAD:refs/heads/master'], wc) : hg(who, ['push', '-q', sshUrl(name)], wc));
    const refused = await push('reader');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/read-only/);
    expect(await idsOnDisk(type, path.join(t.reposRoot, name))).toEqual([]);

    const ok = await push('writer');
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(await idsOnDisk(type, path.join(t.reposRoot, name))).toEqual([...pushed].sort());
    const entries = (await journal(t, name)).map((e) => `${e.username} ${e.action}`);
    expect(entries).toContain(`writer push:${pushed.join(',')}`);
    expect(entries).toContain('writer pull');

    const readerCopy = path.join(work, `${type}-reader`);
    expect((await client('reader', ['clone', '-q', sshUrl(name), readerCopy])).code).toBe(0);
    expect(await idsOnDisk(type, type === 'git' ? path.join(readerCopy, '.git') : readerCopy)).toEqual([...pushed].sort());
  });

  test('users without read access, unknown keys and malformed commands are refused', async () => {
    const denied = await client('stranger', ['clone', '-q', sshUrl(name), path.join(work, `${type}-stranger`)]);
    expect(denied.code).not.toBe(0);
    expect(denied.stderr).toContain(`Access to '${name}' denied`);
    const missing = await client('writer', ['clone', '-q', sshUrl(`${name}-nope`), path.join(work, `${type}-missing`)]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('denied');
    const unknown = await client('unregistered', ['clone', '-q', sshUrl(name), path.join(work, `${type}-unknown`)]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/Permission denied/);
  });
});

test('protocol v2 over SSH, shell refused, other commands refused', async () => {
  const v2 = await run('git', ['-c', 'protocol.version=2', 'ls-remote', sshUrl('ssh-git')], { env: { GIT_SSH_COMMAND: sshCommand('writer'), GIT_TRACE_PACKET: '1' } });
  expect(v2.code).toBe(0);
  expect(v2.stderr).toContain('version 2');
  const shell = await run('sh', ['-c', `${sshCommand('writer')} -p ${port} grove@127.0.0.1 'ls /' </dev/null`]);
  expect(shell.code).not.toBe(0);
  expect(shell.stderr).toContain('Grove serves only');
});

test('push-to-create over SSH (git), when the setting is on', async () => {
  const wc = await newWorkingCopy('git');
  const created = await commit('git', wc, 'n.txt');
  const push = () => git('writer', ['push', '-q', sshUrl('made-by-ssh'), 'HEAD:refs/heads/master'], wc);
  expect((await push()).code).not.toBe(0);
  expect((await t.admin().patch('/api/v1/admin/settings', { pushToCreate: true })).status).toBe(200);
  try {
    const r = await push();
    expect(r.stderr).toBe('');
    expect((await t.admin().get('/api/v1/repos/made-by-ssh')).body).toMatchObject({ type: 'git', owner: 'writer' });
    expect(await idsOnDisk('git', path.join(t.reposRoot, 'made-by-ssh'))).toEqual(created);
  } finally {
    await t.admin().patch('/api/v1/admin/settings', { pushToCreate: false });
  }
});
