// Test helpers: run the real git/hg command lines for expected values, build repositories with them.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/**
 * Where the shared fixtures live: `$GROVE_SHARED_DIR/fixtures`, else `shared/fixtures` next to the
 * project root or one of its ancestors (`../shared` in a normal checkout), else the development
 * machines' `/work/shared` (a fresh clone in /tmp has no `../shared`).
 */
export const FIXTURES_DIR = findFixtures();

function findFixtures(): string {
  const candidates: string[] = [];
  if (process.env['GROVE_SHARED_DIR']) candidates.push(join(process.env['GROVE_SHARED_DIR'], 'fixtures'));
  for (let dir = resolve(__dirname, '../../../..'); ; dir = dirname(dir)) {
    candidates.push(join(dir, '..', 'shared', 'fixtures'));
    if (dirname(dir) === dir) break;
  }
  candidates.push('/work/shared/fixtures');
  const found = candidates.find((c) => existsSync(join(c, 'vcs_test_git.tar.gz')));
  if (!found) throw new Error(`shared fixtures not found (set GROVE_SHARED_DIR); looked in ${candidates.join(', ')}`);
  return found;
}

/** Environment for the CLIs in tests: configuration through variables only, never the developer's own files. */
export async function cliEnv(extra: Record<string, string> = {}): Promise<Record<string, string>> {
  return {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: tmpdir(),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_COUNT: '2',
    GIT_CONFIG_KEY_0: 'init.defaultBranch',
    GIT_CONFIG_VALUE_0: 'master',
    GIT_CONFIG_KEY_1: 'safe.directory',
    GIT_CONFIG_VALUE_1: '*',
    GIT_AUTHOR_NAME: 'Test User',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Test User',
    GIT_COMMITTER_EMAIL: 'test@example.com',
    GIT_TERMINAL_PROMPT: '0',
    HGPLAIN: '1',
    HGENCODING: 'UTF-8',
    HGRCPATH: '',
    HGUSER: 'Test User <test@example.com>',
    LC_ALL: 'C',
    TZ: 'UTC',
    ...extra,
  };
}

/** Runs a command and returns stdout as a Buffer (rejects with stderr on failure). */
export async function runCli(
  cmd: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; input?: string | Buffer } = {},
): Promise<Buffer> {
  const env = await cliEnv(options.env);
  return new Promise((resolvePromise, reject) => {
    const child = execFile(cmd, args, { cwd: options.cwd, env, encoding: 'buffer', maxBuffer: 512 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} ${args.join(' ')} failed: ${stderr.toString()}`));
      else resolvePromise(stdout);
    });
    if (options.input !== undefined) child.stdin?.end(options.input);
    else child.stdin?.end();
  });
}

/** `git …` in a directory, stdout as text. */
export async function git(cwd: string, ...args: string[]): Promise<string> {
  return (await runCli('git', args, { cwd })).toString('utf8');
}

/** `hg …` in a directory, stdout as text. */
export async function hg(cwd: string, ...args: string[]): Promise<string> {
  return (await runCli('hg', args, { cwd })).toString('utf8');
}

/** A fresh temporary directory; remove it with {@link removeTempDir}. */
export async function makeTempDir(prefix = 'grove-vcs-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Removes a temporary directory. */
export async function removeTempDir(dir: string | undefined): Promise<void> {
  if (dir) await rm(dir, { recursive: true, force: true });
}

/** Unpacks a shared fixture repository (`vcs_test_git` / `vcs_test_hg`) into `root/name`. */
export async function unpackFixture(type: 'git' | 'hg', root: string, name: string): Promise<string> {
  const target = join(root, ...name.split('/'));
  await mkdir(target, { recursive: true });
  await runCli('tar', ['xzf', join(FIXTURES_DIR, `vcs_test_${type}.tar.gz`), '--no-same-owner', '-C', target]);
  return target;
}

/** Writes a file (creating directories) inside a working copy. */
export async function writeWorkFile(root: string, path: string | Buffer, content: string | Buffer): Promise<void> {
  const full = Buffer.isBuffer(path) ? Buffer.concat([Buffer.from(root + '/'), path]) : join(root, path);
  await mkdir(dirname(full.toString('latin1')), { recursive: true }).catch(() => undefined);
  await writeFile(full, content);
}
