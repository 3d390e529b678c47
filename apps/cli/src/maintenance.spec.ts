// `grove repo-scan` and `grove repo-purge-deleted` against a real installation, run as users do.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseAge } from './commands/repo-purge-deleted.command';

const GROVE = path.join(__dirname, '../dist/main.js');

function grove(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [GROVE, ...args], { env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('grove maintenance commands', () => {
  let dataDir: string;
  let env: Record<string, string>;
  let repos: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'grove-maint-'));
    // SQLite keeps this suite independent of the database run; the scan logic itself is covered on both databases by the API tests.
    env = { GROVE_DATA_DIR: dataDir, GROVE_LOG_LEVEL: 'warn' };
    repos = path.join(dataDir, 'repos');
    const setup = await grove(['setup', '--user', 'root', '--password', 'secret-123', '--email', 'root@example.com'], env);
    expect(setup.code).toBe(0);
  }, 60_000);
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('repo-scan imports what it finds, with progress, and forgets vanished repositories on request', async () => {
    mkdirSync(path.join(repos, 'team'), { recursive: true });
    execFileSync('git', ['init', '-q', '--bare', path.join(repos, 'team', 'api')]);
    execFileSync('hg', ['init', path.join(repos, 'team', 'docs')]);
    execFileSync('git', ['init', '-q', '--bare', path.join(repos, 'solo')]);
    const first = await grove(['repo-scan'], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Scanning the repositories root');
    expect(first.stdout).toMatch(/Repositories 3\/3/);
    expect(first.stdout).toContain('Groups created (1):\n  team');
    expect(first.stdout).toContain('Repositories added (3):\n  solo\n  team/api\n  team/docs');

    const second = await grove(['repo-scan'], env);
    expect(second.stdout).toContain('Repositories added (0)');

    await rm(path.join(repos, 'solo'), { recursive: true });
    const removed = await grove(['repo-scan', '--remove-obsolete'], env);
    expect(removed.stdout).toContain('Repositories removed (1):\n  solo');
  }, 60_000);

  it('repo-purge-deleted removes only old archives, and asks unless --no-ask', async () => {
    const recent = new Date();
    const stamp = (d: Date) => d.getFullYear() + String(d.getMonth() + 1).padStart(2, '0') + String(d.getDate()).padStart(2, '0') + '_000000_000000';
    execFileSync('git', ['init', '-q', '--bare', path.join(repos, 'team', 'rm__20200101_000000_000000__old')]);
    execFileSync('git', ['init', '-q', '--bare', path.join(repos, `rm__${stamp(recent)}__fresh`)]);
    mkdirSync(path.join(repos, 'rm__20190505_101010_000000_GROUP_oldgroup'));

    const refused = await grove(['repo-purge-deleted', '--older-than', '30d'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Refusing to purge without confirmation/);
    expect(existsSync(path.join(repos, 'team', 'rm__20200101_000000_000000__old'))).toBe(true);

    const purged = await grove(['repo-purge-deleted', '--older-than', '30d', '--no-ask'], env);
    expect(purged.code).toBe(0);
    expect(purged.stdout).toContain('2 archived entries deleted more than 30d ago');
    expect(purged.stdout).toMatch(/\[2\/2\] purged/);
    expect(existsSync(path.join(repos, 'team', 'rm__20200101_000000_000000__old'))).toBe(false);
    expect(existsSync(path.join(repos, 'rm__20190505_101010_000000_GROUP_oldgroup'))).toBe(false);
    expect(existsSync(path.join(repos, `rm__${stamp(recent)}__fresh`))).toBe(true);
    expect(existsSync(path.join(repos, 'team', 'api'))).toBe(true);

    const bad = await grove(['repo-purge-deleted', '--older-than', 'a while', '--no-ask'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--older-than must look like 30d/);
  }, 60_000);

  it('parses ages', () => {
    expect(parseAge('30d')).toBe(30 * 86_400_000);
    expect(parseAge('12h')).toBe(12 * 3_600_000);
    expect(() => parseAge('30')).toThrow();
  });
});
