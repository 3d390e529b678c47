import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** The real git and hg command-line clients: private config, fixed identity, never prompting. */
export const clientEnv: Record<string, string> = {
  PATH: process.env['PATH'] ?? '',
  HOME: tmpdir(),
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_TERMINAL_PROMPT: '0',
  GIT_ASKPASS: '/bin/false',
  SSH_ASKPASS: '/bin/false',
  GIT_AUTHOR_NAME: 'Test Author',
  GIT_AUTHOR_EMAIL: 'author@example.com',
  GIT_COMMITTER_NAME: 'Test Author',
  GIT_COMMITTER_EMAIL: 'author@example.com',
  HGPLAIN: '1',
  HGUSER: 'Test Author <author@example.com>',
  HGRCPATH: '',
  LC_ALL: 'C',
};

export async function git(args: string[], cwd?: string): Promise<string> {
  return (await exec('git', args, { cwd, env: clientEnv, maxBuffer: 64 * 1024 * 1024 })).stdout;
}

export async function hg(args: string[], cwd?: string): Promise<string> {
  return (await exec('hg', args, { cwd, env: clientEnv, maxBuffer: 64 * 1024 * 1024 })).stdout;
}

/** Makes `count` commits in a fresh working copy and pushes them to `target` (a path or URL). */
export async function pushCommits(type: 'git' | 'hg', target: string, count = 2, prefix = 'commit'): Promise<string[]> {
  const work = await mkdtemp(path.join(tmpdir(), `grove-work-${type}-`));
  const ids: string[] = [];
  if (type === 'git') {
    await git(['init', '-q', '-b', 'master', work]);
    for (let i = 1; i <= count; i++) {
      await writeFile(path.join(work, 'file.txt'), `${prefix} ${i}\n`);
      await git(['add', 'file.txt'], work);
      await git(['commit', '-q', '-m', `${prefix} ${i}`], work);
      ids.push((await git(['rev-parse', 'HEAD'], work)).trim());
    }
    await git(['push', '-q', target, 'master'], work);
  } else {
    await hg(['init', work]);
    for (let i = 1; i <= count; i++) {
      await writeFile(path.join(work, 'file.txt'), `${prefix} ${i}\n`);
      await hg(['commit', '-q', '-A', '-m', `${prefix} ${i}`], work);
      ids.push((await hg(['log', '-r', '.', '-T', '{node}'], work)).trim());
    }
    await hg(['push', '-q', target], work);
  }
  return ids;
}

/** The VCS of a directory according to the real clients, or null. */
export async function typeOf(dir: string): Promise<'git' | 'hg' | null> {
  if (await git(['-C', dir, 'rev-parse', '--is-bare-repository']).then((o) => o.trim() === 'true', () => false)) return 'git';
  if (await hg(['-R', dir, 'root']).then(() => true, () => false)) return 'hg';
  return null;
}
