import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';

const CLI = path.resolve(__dirname, '../../apps/cli/dist/main.js');

export interface GroveServer {
  baseUrl: string;
  /** the server's data directory (repositories under `repos/`), for seeding with the real clients */
  dataDir: string;
  admin: { username: string; password: string; apiKey: string };
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`grove ${args[0]} failed (${code}):\n${out}`))));
  });
}

/**
 * Starts the built `grove` (setup, then serve) on a temp data directory and a free port:
 * SQLite, or a fresh PostgreSQL database when DATABASE_URL is set.
 */
export async function startGrove(): Promise<GroveServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'grove-e2e-'));
  const port = await freePort();
  let databaseUrl: URL | undefined;
  if (process.env['DATABASE_URL']) {
    databaseUrl = new URL(process.env['DATABASE_URL']);
    databaseUrl.pathname = `/grove_e2e_${randomBytes(5).toString('hex')}`;
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GROVE_DATA_DIR: dataDir,
    GROVE_PORT: String(port),
    GROVE_HOST: '127.0.0.1',
    GROVE_LOG_LEVEL: 'warn',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl.toString() } : { DATABASE_URL: '' }),
  };
  const admin = { username: 'admin', password: 'e2e-admin-password', apiKey: randomBytes(20).toString('hex') };
  await run(['setup', '--user', admin.username, '--password', admin.password, '--email', 'admin@example.com', '--api-key', admin.apiKey], env);

  const server: ChildProcess = spawn(process.execPath, [CLI, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`grove serve did not start:\n${output}`)), 30_000);
    const onData = (d: Buffer) => {
      output += d.toString();
      if (output.includes('Grove is running at')) {
        clearTimeout(timer);
        resolve();
      }
    };
    server.stdout!.on('data', onData);
    server.stderr!.on('data', onData);
    server.on('exit', (code) => reject(new Error(`grove serve exited (${code}):\n${output}`)));
  });

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    dataDir,
    admin,
    async stop() {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
      if (databaseUrl) {
        const maintenance = new URL(databaseUrl);
        maintenance.pathname = '/postgres';
        const client = new Client({ connectionString: maintenance.toString() });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS "${databaseUrl.pathname.slice(1)}" WITH (FORCE)`);
        await client.end();
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
