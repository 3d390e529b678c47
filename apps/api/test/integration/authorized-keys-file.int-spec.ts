// GROVE_SSH_AUTHORIZED_KEYS_FILE: the server rewrites authorized_keys for the system sshd whenever
// an SSH key is added or deleted (by its owner or an admin) and whenever a user is deactivated,
// reactivated or deleted; a file Grove did not write is left alone.
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { AUTHORIZED_KEYS_HEADER } from '../../src/users/authorized-keys-file';
import { createTestApp, type TestApp } from './utils/create-test-app';
import { removeDir, tempDir } from './utils/gateway-clients';

let t: TestApp;
let dir: string;
let file: string;

async function keyPair(name: string): Promise<string> {
  const key = path.join(dir, name);
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', `${name}@test`, '-f', key]);
  return (await readFile(`${key}.pub`, 'utf8')).trim();
}

/** `userId keyId publicKey` of each entry, in file order. */
async function entries(): Promise<string[]> {
  const text = await readFile(file, 'utf8');
  expect(text.startsWith(`${AUTHORIZED_KEYS_HEADER}\n`)).toBe(true);
  return text
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => {
      const m = /^command="\/opt\/grove\/bin\/grove ssh-serve --data-dir \S+ (\d+) (\d+)",no-port-forwarding,no-X11-forwarding,no-agent-forwarding,no-pty (.+)$/.exec(line);
      if (!m) throw new Error(`unexpected line ${line}`);
      return `${m[1]} ${m[2]} ${m[3]}`;
    });
}

beforeAll(async () => {
  dir = await tempDir('grove-authkeys-');
  file = path.join(dir, 'ssh', 'authorized_keys_grove');
  t = await createTestApp({ GROVE_SSH_AUTHORIZED_KEYS_FILE: file, GROVE_SSH_AUTHORIZED_KEYS_COMMAND: '/opt/grove/bin/grove' });
});

afterAll(async () => {
  await t?.close();
  await removeDir(dir);
});

test('the file follows keys added and deleted, and users deactivated, reactivated and deleted', async () => {
  const ann = await t.user('ann');
  const bob = await t.user('bob');
  const [annKey, bobKey, bobKey2] = [await keyPair('ann'), await keyPair('bob'), await keyPair('bob2')];

  // by the owner (My Account) and by an admin
  const a = await ann.client.post('/api/v1/me/ssh-keys', { publicKey: annKey });
  expect(a.status).toBe(201);
  expect(await entries()).toEqual([`${ann.id} ${a.body.id} ${annKey}`]);
  const b = await t.admin().post(`/api/v1/users/${bob.id}/ssh-keys`, { publicKey: bobKey });
  const b2 = await bob.client.post('/api/v1/me/ssh-keys', { publicKey: bobKey2 });
  expect([b.status, b2.status]).toEqual([201, 201]);
  expect(await entries()).toEqual([`${ann.id} ${a.body.id} ${annKey}`, `${bob.id} ${b.body.id} ${bobKey}`, `${bob.id} ${b2.body.id} ${bobKey2}`]);

  expect((await bob.client.delete(`/api/v1/me/ssh-keys/${b.body.id}`)).status).toBe(204);
  expect(await entries()).toEqual([`${ann.id} ${a.body.id} ${annKey}`, `${bob.id} ${b2.body.id} ${bobKey2}`]);

  // an inactive user's keys leave the file and come back with the user
  expect((await t.admin().patch(`/api/v1/users/${ann.id}`, { active: false })).status).toBe(200);
  expect(await entries()).toEqual([`${bob.id} ${b2.body.id} ${bobKey2}`]);
  expect((await t.admin().patch(`/api/v1/users/${ann.id}`, { active: true })).status).toBe(200);
  expect(await entries()).toEqual([`${ann.id} ${a.body.id} ${annKey}`, `${bob.id} ${b2.body.id} ${bobKey2}`]);

  expect((await t.admin().delete(`/api/v1/users/${bob.id}`)).status).toBe(204);
  expect(await entries()).toEqual([`${ann.id} ${a.body.id} ${annKey}`]);

  expect((await t.admin().delete(`/api/v1/users/${ann.id}/ssh-keys/${a.body.id}`)).status).toBe(204);
  expect(await entries()).toEqual([]);
});

test('a file Grove did not write is never overwritten; the change itself still succeeds', async () => {
  const own = `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOwnKeyOfTheSiteAdmin0000000000000000000000 root@host\n`;
  await writeFile(file, own);
  const cy = await t.user('cy');
  const added = await cy.client.post('/api/v1/me/ssh-keys', { publicKey: await keyPair('cy') });
  expect(added.status).toBe(201);
  expect(await readFile(file, 'utf8')).toBe(own);
});
