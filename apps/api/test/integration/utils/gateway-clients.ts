import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { UserLog } from '../../../src/journal/user-log.entity';
import { PushJournalService } from '../../../src/vcs-gateway/push-journal.service';
import type { TestApp } from './create-test-app';
import { clientEnv } from './vcs-clients';

export { clientEnv };

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a client; never throws on a non-zero exit (tests look at code and stderr). */
export function run(cmd: string, args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd: options.cwd, env: { ...clientEnv, ...options.env }, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? ((error as { code: number }).code) : 1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** Like `run` but throws with the client's stderr on failure. */
export async function ok(cmd: string, args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<string> {
  const r = await run(cmd, args, options);
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
  return r.stdout;
}

export async function tempDir(prefix = 'grove-gw-'): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** `http://user:password@host:port/name` */
export function urlOf(t: TestApp, name: string, credentials?: { username: string; password: string }): string {
  const u = new URL(`${t.baseUrl}/${name}`);
  if (credentials) {
    u.username = encodeURIComponent(credentials.username);
    u.password = encodeURIComponent(credentials.password);
  }
  return u.toString();
}

/** A working copy with `count` new commits on top of what it has (git: branch master). */
export async function commit(type: 'git' | 'hg', wc: string, file: string, count = 1, label = 'change'): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    await writeFile(path.join(wc, file), `${label} ${i} ${Math.random()}\n`);
    if (type === 'git') {
      await ok('git', ['add', file], { cwd: wc });
      await ok('git', ['commit', '-q', '-m', `${label} ${i}`], { cwd: wc });
      ids.push((await ok('git', ['rev-parse', 'HEAD'], { cwd: wc })).trim());
    } else {
      await ok('hg', ['commit', '-q', '-A', '-m', `${label} ${i}`], { cwd: wc });
      ids.push((await ok('hg', ['log', '-r', '.', '-T', '{node}'], { cwd: wc })).trim());
    }
  }
  return ids;
}

/** A fresh working copy (not cloned) for `type`. */
export async function newWorkingCopy(type: 'git' | 'hg'): Promise<string> {
  const wc = await tempDir(`grove-wc-${type}-`);
  if (type === 'git') await ok('git', ['init', '-q', '-b', 'master', wc]);
  else await ok('hg', ['init', wc]);
  return wc;
}

export function push(type: 'git' | 'hg', wc: string, url: string, env: Record<string, string> = {}): Promise<RunResult> {
  return type === 'git' ? run('git', ['push', '-q', url, 'HEAD:refs/heads/master'], { cwd: wc, env }) : run('hg', ['push', '-q', url], { cwd: wc, env });
}

export function clone(type: 'git' | 'hg', url: string, dest: string, env: Record<string, string> = {}): Promise<RunResult> {
  return type === 'git' ? run('git', ['clone', '-q', url, dest], { env }) : run('hg', ['clone', '-q', url, dest], { env });
}

/** Every changeset id of a repository on the server's disk, per the real clients. */
export async function idsOnDisk(type: 'git' | 'hg', dir: string): Promise<string[]> {
  if (type === 'git') {
    const r = await run('git', ['-C', dir, 'rev-list', '--all']);
    return r.code === 0 ? r.stdout.split('\n').filter(Boolean).sort() : [];
  }
  const r = await run('hg', ['-R', dir, 'log', '-T', '{node}\\n']);
  return r.code === 0 ? r.stdout.split('\n').filter(Boolean).sort() : [];
}

/** `git fsck` / `hg verify` of a repository on the server's disk. */
export function verify(type: 'git' | 'hg', dir: string): Promise<RunResult> {
  return type === 'git' ? run('git', ['-C', dir, 'fsck', '--strict']) : run('hg', ['-R', dir, 'verify', '-q']);
}

/** The journal of a repository once the bookkeeping of every push so far is done. */
export async function journal(t: TestApp, repositoryName: string): Promise<UserLog[]> {
  await t.app.get(PushJournalService).settled();
  return t.app.get(DataSource).getRepository(UserLog).find({ where: { repositoryName }, order: { id: 'ASC' } });
}

/** Starts a client in its own process group; `kill()` kills it with its helpers (git-remote-http, pack-objects). */
export function start(cmd: string, args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const child = spawn(cmd, args, { cwd: options.cwd, env: { ...clientEnv, ...options.env }, stdio: ['ignore', 'ignore', 'ignore'], detached: true });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    exited,
    kill: () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    },
  };
}
