import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import type { APIRequestContext } from '@playwright/test';
import type { GroveServer } from './grove-server';

const exec = promisify(execFile);

/** The real clients with a private, predictable environment. */
const env = {
  PATH: process.env['PATH'] ?? '',
  HOME: tmpdir(),
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Erin Example',
  GIT_AUTHOR_EMAIL: 'erin@example.com',
  GIT_COMMITTER_NAME: 'Erin Example',
  GIT_COMMITTER_EMAIL: 'erin@example.com',
  HGPLAIN: '1',
  HGUSER: 'Erin Example <erin@example.com>',
  HGRCPATH: '',
  LC_ALL: 'C',
};
const run = async (cmd: 'git' | 'hg', args: string[], cwd: string) => (await exec(cmd, args, { cwd, env })).stdout.trim();

/** Creates a repository through the REST API as the admin (downloads enabled). */
export async function createRepository(request: APIRequestContext, grove: GroveServer, name: string, type: 'git' | 'hg'): Promise<void> {
  const response = await request.post(`${grove.baseUrl}/api/v1/repos`, {
    headers: { authorization: `Bearer ${grove.admin.apiKey}` },
    data: { name, type, description: `Browsing journey for ${type}`, enableDownloads: true },
  });
  if (!response.ok()) throw new Error(`creating ${name} failed: ${response.status()} ${await response.text()}`);
}

export const APP_V1 = 'def greet(name):\n    return "hello " + name\n\nprint(greet("grove"))\n';
export const APP_V2 = 'def greet(name):\n    return "Hello, " + name\n\nprint(greet("grove"))\n';

/**
 * Two changesets pushed with the real client into the repository's directory:
 * 1. README.md (with a script tag that must stay text) and src/app.py; 2. one line of app.py changed.
 * Returns the changeset ids, oldest first.
 */
export async function pushHistory(grove: GroveServer, name: string, type: 'git' | 'hg'): Promise<string[]> {
  const target = path.join(grove.dataDir, 'repos', name);
  const work = await mkdtemp(path.join(tmpdir(), `grove-e2e-work-${type}-`));
  const ids: string[] = [];
  try {
    if (type === 'git') await run('git', ['init', '-q', '-b', 'master', work], work);
    else await run('hg', ['init', work], work);
    await mkdir(path.join(work, 'src'));
    await writeFile(path.join(work, 'README.md'), '# Hello Grove\n\nA *journey* repository. <script>window.pwned = 1</script>\n');
    await writeFile(path.join(work, 'src', 'app.py'), APP_V1);
    const commit = async (message: string) => {
      if (type === 'git') {
        await run('git', ['add', '-A'], work);
        await run('git', ['commit', '-q', '-m', message], work);
        ids.push(await run('git', ['rev-parse', 'HEAD'], work));
      } else {
        await run('hg', ['commit', '-q', '-A', '-m', message], work);
        ids.push(await run('hg', ['log', '-r', '.', '-T', '{node}'], work));
      }
    };
    await commit('Initial import\n\nWith a README and the app.');
    await writeFile(path.join(work, 'src', 'app.py'), APP_V2);
    await commit('Friendlier greeting');
    if (type === 'git') await run('git', ['push', '-q', target, 'master'], work);
    else await run('hg', ['push', '-q', target], work);
    return ids;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
