// `grove ssh-serve` and `grove ssh-update-authorized-keys` for sites that use the system sshd: the
// built `grove` binary, driven by the real git and hg clients through a stand-in for sshd that
// does what an authorized_keys `command=` entry does (sets SSH_ORIGINAL_COMMAND, runs grove).
import { execFile, execFileSync, spawn } from 'node:child_process';
import { chmodSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { AUTHORIZED_KEYS_HEADER, createGroveApp, createLogger, loadConfig, prepareDataDir, setupInstallation } from '@grove/api';
import { sshClientIp } from './commands/ssh.command';

const GROVE = path.join(__dirname, '../dist/main.js');
const API_KEY = 'd'.repeat(20) + '0123456789abcdefghij';

jest.setTimeout(180_000);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function grove(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [GROVE, ...args], { env: { PATH: process.env['PATH'] ?? '', HOME: work, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function client(cmd: string, args: string[], env: Record<string, string> = {}, cwd?: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      cmd,
      args,
      {
        cwd,
        env: {
          PATH: process.env['PATH'] ?? '',
          HOME: work,
          GIT_CONFIG_NOSYSTEM: '1',
          GIT_AUTHOR_NAME: 'T',
          GIT_AUTHOR_EMAIL: 't@example.com',
          GIT_COMMITTER_NAME: 'T',
          GIT_COMMITTER_EMAIL: 't@example.com',
          HGPLAIN: '1',
          HGUSER: 'T <t@example.com>',
          HGRCPATH: '',
          ...env,
        },
      },
      (error, stdout, stderr) => resolve({ code: error ? 1 : 0, stdout: String(stdout), stderr: String(stderr) }),
    );
  });
}

let work: string;
let dataDir: string;
let env: Record<string, string>;
let app: Awaited<ReturnType<typeof createGroveApp>>;
let baseUrl: string;

async function api(method: string, url: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(baseUrl + url, {
    method,
    headers: { authorization: `Bearer ${API_KEY}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'grove-cli-ssh-'));
  dataDir = path.join(work, 'data');
  env = { GROVE_DATA_DIR: dataDir, GROVE_LOG_LEVEL: 'warn' };
  // The web process (in this test process) manages users, keys and repositories; the command
  // line runs beside it on the same data directory, as it would under sshd.
  const config = await prepareDataDir(loadConfig({ ...env, GROVE_SSH_ENABLED: 'false', GROVE_LOG_LEVEL: 'silent' }));
  await setupInstallation(config, { admin: { username: 'root', password: 'secret-123', email: 'root@example.com', apiKey: API_KEY } });
  app = await createGroveApp(config, createLogger('silent'));
  await app.listen({ host: '127.0.0.1', port: 0 });
  baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
});

afterAll(async () => {
  await app?.close();
  await rm(work, { recursive: true, force: true });
});

async function userWithKey(name: string): Promise<{ id: number; keyId: number; key: string }> {
  const user = await api('POST', '/api/v1/users', { username: name, password: `pw-${name}-123`, email: `${name}@example.com` });
  expect(user.status).toBe(201);
  const key = path.join(work, `${name}_key`);
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', `${name}@laptop`, '-f', key]);
  const added = await api('POST', `/api/v1/users/${user.body.id}/ssh-keys`, { publicKey: await readFile(`${key}.pub`, 'utf8') });
  expect(added.status).toBe(201);
  return { id: user.body.id, keyId: added.body.id, key };
}

/** What sshd does for an authorized_keys entry `command="grove ssh-serve UID KID"`. */
async function fakeSshd(userId: number, keyId: number): Promise<string> {
  const script = path.join(work, `sshd-${userId}-${keyId}.sh`);
  await writeFile(
    script,
    [
      '#!/bin/sh',
      'for last; do :; done',
      `SSH_ORIGINAL_COMMAND="$last" SSH_CONNECTION="127.0.0.1 40000 127.0.0.1 22" GROVE_DATA_DIR='${dataDir}' GROVE_LOG_LEVEL=warn exec '${process.execPath}' '${GROVE}' ssh-serve ${userId} ${keyId}`,
      '',
    ].join('\n'),
  );
  chmodSync(script, 0o755);
  return script;
}

describe('grove ssh-update-authorized-keys', () => {
  it('writes one restricted entry per key and refuses to overwrite a file it did not write', async () => {
    const alice = await userWithKey('alice');
    const file = path.join(work, 'ssh', 'authorized_keys_grove');
    const first = await grove(['ssh-update-authorized-keys', '--file', file, '--grove-command', '/usr/local/bin/grove'], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const text = await readFile(file, 'utf8');
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe(AUTHORIZED_KEYS_HEADER);
    const pub = (await readFile(`${alice.key}.pub`, 'utf8')).trim();
    expect(lines).toContain(
      `command="/usr/local/bin/grove ssh-serve --data-dir ${dataDir} ${alice.id} ${alice.keyId}",no-port-forwarding,no-X11-forwarding,no-agent-forwarding,no-pty ${pub}`,
    );
    // rewriting its own file is fine, and follows deletions
    expect((await api('DELETE', `/api/v1/users/${alice.id}/ssh-keys/${alice.keyId}`)).status).toBe(204);
    expect((await grove(['ssh-update-authorized-keys', '--file', file, '--grove-command', '/usr/local/bin/grove'], env)).code).toBe(0);
    expect(await readFile(file, 'utf8')).not.toContain(pub);

    const foreign = path.join(work, 'ssh', 'authorized_keys');
    const mine = `${pub.split(' ').slice(0, 2).join(' ')} admin@desk\n`;
    await writeFile(foreign, mine);
    const refused = await grove(['ssh-update-authorized-keys', '--file', foreign], env);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/refusing to overwrite/);
    expect(await readFile(foreign, 'utf8')).toBe(mine);
  });
});

describe('grove ssh-serve', () => {
  it('serves git and hg with the key owner’s permissions and refuses what it should', async () => {
    const bob = await userWithKey('bob');
    const carol = await userWithKey('carol');
    for (const type of ['git', 'hg'] as const) {
      expect((await api('POST', '/api/v1/repos', { name: `cli-${type}`, type, private: true })).status).toBe(201);
      expect((await api('POST', `/api/v1/repos/cli-${type}/permissions`, { subjectType: 'user', subjectId: bob.id, permission: 'repository.write' })).status).toBe(201);
      expect((await api('POST', `/api/v1/repos/cli-${type}/permissions`, { subjectType: 'user', subjectId: carol.id, permission: 'repository.read' })).status).toBe(201);
    }
    const bobSsh = await fakeSshd(bob.id, bob.keyId);
    const carolSsh = await fakeSshd(carol.id, carol.keyId);
    const wrongKey = await fakeSshd(bob.id, carol.keyId);

    // git
    const gitEnv = (ssh: string) => ({ GIT_SSH_COMMAND: ssh, GIT_SSH_VARIANT: 'simple' });
    const gwc = path.join(work, 'git-wc');
    const cloned = await client('git', ['clone', '-q', 'ssh://grove@localhost/cli-git', gwc], gitEnv(bobSsh));
    expect(cloned.stderr).toMatch(/empty repository|^$/);
    expect(cloned.code).toBe(0);
    await writeFile(path.join(gwc, 'a.txt'), 'a\n');
    await client('git', ['add', 'a.txt'], {}, gwc);
    await client('git', ['commit', '-q', '-m', 'a'], {}, gwc);
    const refused = await client('git', ['push', '-q', 'origin', 'HEAD:refs/heads/master'], gitEnv(carolSsh), gwc);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/read-only/);
    const pushed = await client('git', ['push', '-q', 'origin', 'HEAD:refs/heads/master'], gitEnv(bobSsh), gwc);
    expect(pushed.stderr).toBe('');
    expect(pushed.code).toBe(0);
    const head = execFileSync('git', ['-C', gwc, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
    expect(execFileSync('git', ['-C', path.join(dataDir, 'repos', 'cli-git'), 'rev-parse', 'master'], { encoding: 'utf8' }).trim()).toBe(head);
    // a key id that is not this user's
    const mismatch = await client('git', ['ls-remote', 'ssh://grove@localhost/cli-git'], gitEnv(wrongKey));
    expect(mismatch.code).not.toBe(0);
    expect(mismatch.stderr).toMatch(/not \(or no longer\) registered/);

    // hg
    const hwc = path.join(work, 'hg-wc');
    expect((await client('hg', ['clone', '-q', '--config', `ui.ssh=${bobSsh}`, 'ssh://grove@localhost/cli-hg', hwc])).code).toBe(0);
    await writeFile(path.join(hwc, 'b.txt'), 'b\n');
    await client('hg', ['commit', '-q', '-A', '-m', 'b'], {}, hwc);
    const hgRefused = await client('hg', ['push', '-q', '--config', `ui.ssh=${carolSsh}`, 'ssh://grove@localhost/cli-hg'], {}, hwc);
    expect(hgRefused.code).not.toBe(0);
    expect(hgRefused.stderr).toMatch(/read-only/);
    const hgPushed = await client('hg', ['push', '-q', '--config', `ui.ssh=${bobSsh}`, 'ssh://grove@localhost/cli-hg'], {}, hwc);
    expect(hgPushed.code).toBe(0);
    const node = execFileSync('hg', ['-R', hwc, 'log', '-r', 'tip', '-T', '{node}'], { encoding: 'utf8', env: { ...process.env, HGRCPATH: '' } });
    expect(execFileSync('hg', ['-R', path.join(dataDir, 'repos', 'cli-hg'), 'log', '-r', 'tip', '-T', '{node}'], { encoding: 'utf8', env: { ...process.env, HGRCPATH: '' } })).toBe(node);

    // no command: no shell
    const shell = await grove(['ssh-serve', String(bob.id), String(bob.keyId)], env);
    expect(shell.code).toBe(1);
    expect(shell.stderr).toMatch(/does not provide shell access/);
  });
});

describe('sshClientIp', () => {
  it('reads the client address sshd reports', () => {
    expect(sshClientIp({ SSH_CONNECTION: '203.0.113.9 51234 10.0.0.1 22' })).toBe('203.0.113.9');
    expect(sshClientIp({ SSH_CLIENT: '2001:db8::1 51234 22' })).toBe('2001:db8::1');
    expect(sshClientIp({})).toBe('');
  });
});
