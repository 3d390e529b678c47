// Runs the built `grove` binary as users do (the `test` target builds it first).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';

const GROVE = path.join(__dirname, '../dist/main.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function grove(args: string[], env: Record<string, string>, options: { untilOutput?: RegExp } = {}): Promise<Run & { kill?: () => void }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [GROVE, ...args], { env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (options.untilOutput?.test(stdout)) resolve({ code: null, stdout, stderr, kill: () => child.kill('SIGTERM') });
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** SQLite in the data dir, or a fresh PostgreSQL database when DATABASE_URL is set. */
function databaseEnv(): { env: Record<string, string>; url?: URL } {
  const base = process.env['DATABASE_URL'];
  if (!base) return { env: {} };
  const url = new URL(base);
  url.pathname = `/grove_cli_${randomBytes(5).toString('hex')}`;
  return { env: { DATABASE_URL: url.toString() }, url };
}

async function dropDatabase(url?: URL) {
  if (!url) return;
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${url.pathname.slice(1)}" WITH (FORCE)`);
  await client.end();
}

describe('grove command line', () => {
  let dataDir: string;
  let db: ReturnType<typeof databaseEnv>;
  let env: Record<string, string>;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'grove-cli-'));
    db = databaseEnv();
    env = { GROVE_DATA_DIR: dataDir, GROVE_LOG_LEVEL: 'warn', ...db.env };
  });
  afterEach(async () => {
    await dropDatabase(db.url);
    await rm(dataDir, { recursive: true, force: true });
  });

  const setupArgs = ['setup', '--user', 'boss', '--password', 'secret-123', '--email', 'boss@example.com'];

  it('setup creates a working installation and refuses to clobber it', async () => {
    const apiKey = 'k'.repeat(20) + '0123456789abcdefghij';
    const first = await grove([...setupArgs, '--api-key', apiKey], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`Admin API key:     ${apiKey}`);
    expect(existsSync(path.join(dataDir, 'repos'))).toBe(true);

    const again = await grove([...setupArgs, '--password', 'other-pass'], env);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already installed.*--force/);

    // the installation serves, and the admin from the first setup still signs in
    const port = await freePort();
    const server = await grove(['serve', '--port', String(port)], env, { untilOutput: /Grove is running at/ });
    try {
      expect(server.stdout).not.toMatch(/Log in as/); // no first-run account on an existing installation
      const health = (await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.json())) as { database: { status: string } };
      expect(health.database.status).toBe('up');
      const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'boss', password: 'secret-123' }),
      });
      expect(login.status).toBe(200);
      const me = (await fetch(`http://127.0.0.1:${port}/api/v1/me`, { headers: { authorization: `Bearer ${apiKey}` } }).then((r) => r.json())) as { user: { username: string } };
      expect(me.user.username).toBe('boss');
    } finally {
      server.kill?.();
    }

    const forced = await grove([...setupArgs.slice(0, 2), 'other-boss', '--password', 'secret-456', '--email', 'o@example.com', '--force'], env);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/Admin API key: +[0-9a-f]{40}/);
  }, 60_000);

  it('setup needs --reuse to install into an existing empty database', async () => {
    if (db.url) {
      const admin = new URL(db.url);
      admin.pathname = '/postgres';
      const client = new Client({ connectionString: admin.toString() });
      await client.connect();
      await client.query(`CREATE DATABASE "${db.url.pathname.slice(1)}"`);
      await client.end();
    } else {
      await writeFile(path.join(dataDir, 'grove.sqlite'), '');
    }
    const refused = await grove(setupArgs, env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/already exists.*--reuse/);
    const reused = await grove([...setupArgs, '--reuse'], env);
    expect(reused.code).toBe(0);
  }, 60_000);

  it('setup refuses a bad admin account before touching the database', async () => {
    const bad = await grove(['setup', '--user', 'default', '--password', 'secret-123', '--email', 'x@example.com'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Invalid admin username/);
    const missing = await grove(['setup', '--user', 'boss'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Missing --password, --email/);
  });

  it('serve creates the installation on first start and prints the admin login once', async () => {
    const port = await freePort();
    const server = await grove(['serve', '--port', String(port)], env, { untilOutput: /shown only this once/ });
    try {
      const password = /with the password: (\S+)/.exec(server.stdout)?.[1];
      expect(password).toBeDefined();
      expect(server.stdout).toContain(`Grove is running at http://127.0.0.1:${port}/`);
      const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password }),
      });
      expect(login.status).toBe(200);
    } finally {
      server.kill?.();
    }
  }, 60_000);

  it('rejects a bad configuration value and names the variable', async () => {
    const run = await grove(['serve'], { ...env, GROVE_PORT: 'eighty', GROVE_LOG_LEVEL: 'loud' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/GROVE_PORT: must be a port number \(got "eighty"\)/);
    expect(run.stderr).toMatch(/GROVE_LOG_LEVEL: must be one of/);
    const badDb = await grove(['serve'], { ...env, DATABASE_URL: 'mysql://x' });
    expect(badDb.stderr).toMatch(/DATABASE_URL: must be a postgres:\/\/ URL/);
  });

  it('config-create writes a documented .env with every setting and will not overwrite it', async () => {
    const file = path.join(dataDir, 'grove.env');
    const run = await grove(['config-create', file], env);
    expect(run.code).toBe(0);
    const text = await readFile(file, 'utf8');
    for (const name of ['GROVE_DATA_DIR', 'GROVE_HOST', 'GROVE_PORT', 'DATABASE_URL', 'REDIS_URL', 'GROVE_SESSION_SECRET', 'GROVE_TRUSTED_PROXIES']) {
      expect(text).toMatch(new RegExp(`^# ${name}=`, 'm'));
    }
    expect(text).toMatch(/^# GROVE_PORT=5000$/m);
    const again = await grove(['config-create', file], env);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
  });
});
