import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseSshPublicKey } from './user-credentials.service';

describe('parseSshPublicKey', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'grove-ssh-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function keygen(type: string): { line: string; fingerprint: string } {
    const file = path.join(dir, `${type}-${Math.random()}`);
    execFileSync('ssh-keygen', ['-q', '-t', type, '-N', '', '-C', 'alice@laptop', '-f', file]);
    const line = readFileSync(`${file}.pub`, 'utf8');
    // OpenSSH's own fingerprint is the expected value.
    const fingerprint = /SHA256:(\S+)/.exec(execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', `${file}.pub`], { encoding: 'utf8' }))![1]!;
    return { line, fingerprint };
  }

  it.each(['ed25519', 'rsa', 'ecdsa'])('fingerprints %s keys exactly like ssh-keygen', (type) => {
    const key = keygen(type);
    const parsed = parseSshPublicKey(key.line);
    expect(parsed.fingerprint).toBe(key.fingerprint);
    expect(parsed.comment).toBe('alice@laptop');
    expect(parsed.line).toBe(key.line.trim());
  });

  it('refuses garbage with a clear message', () => {
    expect(() => parseSshPublicKey('')).toThrow(/looks like/);
    expect(() => parseSshPublicKey('ssh-foo AAAA')).toThrow(/Unsupported key type/);
    expect(() => parseSshPublicKey('ssh-ed25519 !!!')).toThrow(/not valid base64/);
    const rsaBlob = keygen('rsa').line.split(' ')[1];
    expect(() => parseSshPublicKey(`ssh-ed25519 ${rsaBlob}`)).toThrow(/does not hold a ssh-ed25519 key/);
    expect(() => parseSshPublicKey(`${keygen('ed25519').line}\n${keygen('ed25519').line}`)).toThrow(/exactly one/);
  });
});
