// `grove api` against a real server started by the built `grove` binary (the `test` target builds first).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { parseCallArguments } from './commands/api.command';

const GROVE = path.join(__dirname, '../dist/main.js');
const API_KEY = 'c'.repeat(20) + '0123456789abcdefghij';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function grove(args: string[], env: Record<string, string>, options: { untilOutput?: RegExp } = {}): Promise<Run & { kill?: () => void }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [GROVE, ...args], { env: { PATH: process.env['PATH'] ?? '', ...env } });
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

/** The JSON printed after kallithea-api's "Server response" line. */
function responseOf(run: Run): unknown {
  const text = run.stdout.slice(run.stdout.indexOf('Server response\n') + 'Server response\n'.length).replace(/^ERROR:/, '');
  return JSON.parse(text);
}

describe('parseCallArguments (kallithea-api key:value)', () => {
  it('takes JSON literals where they parse and strings otherwise, splitting at the first colon', () => {
    expect(
      parseCallArguments(['repoid:42', 'private:true', 'clone_uri:null', 'args:{"a":[1,"x"]}', 'name:group/repo', 'description:a: b', 'code:007', 'quoted:"42"', 'empty:']),
    ).toEqual({ repoid: 42, private: true, clone_uri: null, args: { a: [1, 'x'] }, name: 'group/repo', description: 'a: b', code: '007', quoted: '42', empty: '' });
  });

  it('refuses an argument without a key', () => {
    expect(() => parseCallArguments(['novalue'])).toThrow(/Error parsing arguments/);
    expect(() => parseCallArguments([':x'])).toThrow(/Error parsing arguments/);
  });

  it('keeps a __proto__ key as an ordinary argument', () => {
    const args = parseCallArguments(['__proto__:{"admin":true}']);
    expect(Object.keys(args)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['admin']).toBeUndefined();
  });
});

describe('grove api', () => {
  let dataDir: string;
  let home: string;
  let env: Record<string, string>;
  let dbUrl: URL | undefined;
  let server: Run & { kill?: () => void };
  let host: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'grove-cli-api-'));
    home = await mkdtemp(path.join(tmpdir(), 'grove-cli-home-'));
    env = { GROVE_DATA_DIR: dataDir, GROVE_LOG_LEVEL: 'warn', HOME: home };
    if (process.env['DATABASE_URL']) {
      dbUrl = new URL(process.env['DATABASE_URL']);
      dbUrl.pathname = `/grove_cli_${randomBytes(5).toString('hex')}`;
      env['DATABASE_URL'] = dbUrl.toString();
    }
    const setup = await grove(['setup', '--user', 'boss', '--password', 'secret-123', '--email', 'boss@example.com', '--api-key', API_KEY], env);
    expect(setup.code).toBe(0);
    const port = await freePort();
    host = `http://127.0.0.1:${port}`;
    server = await grove(['serve', '--port', String(port)], env, { untilOutput: /Grove is running at/ });
    expect(server.kill).toBeDefined();
  }, 90_000);

  afterAll(async () => {
    server?.kill?.();
    if (dbUrl) {
      const admin = new URL(dbUrl);
      admin.pathname = '/postgres';
      const client = new Client({ connectionString: admin.toString() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${dbUrl.pathname.slice(1)}" WITH (FORCE)`);
      await client.end();
    }
    await rm(dataDir, { recursive: true, force: true });
    await rm(home, { recursive: true, force: true });
  });

  const api = (args: string[]) => grove(['api', ...args], { PATH: process.env['PATH'] ?? '', HOME: home });
  const withKey = (args: string[]) => api(['--apihost', host, '--apikey', API_KEY, ...args]);

  it('calls a method and pretty-prints the result (exit status 0)', async () => {
    const run = await withKey(['get_user']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Calling method get_user => ${host}\\nServer response\\n`));
    const user = responseOf(run) as Record<string, unknown>;
    expect(user).toMatchObject({ username: 'boss', email: 'boss@example.com', admin: true });
    // pretty: indented by four, keys sorted
    expect(run.stdout).toContain('\n    "active": true,\n    "admin": true,');
  });

  it('sends values as JSON literals where they parse: numbers, booleans, objects; strings otherwise', async () => {
    const created = await withKey(['create_repo', 'repo_name:cli-repo', 'repo_type:git', 'private:true', 'description:made by the CLI']);
    expect(created.code).toBe(0);
    expect(responseOf(created)).toEqual({ msg: 'Created new repository `cli-repo`', success: true, task: null });
    const repo = responseOf(await withKey(['get_repo', 'repoid:cli-repo'])) as Record<string, unknown>;
    expect(repo).toMatchObject({ repo_name: 'cli-repo', repo_type: 'git', private: true, description: 'made by the CLI' });
    const byId = await withKey(['--format', 'json', 'get_repo', `repoid:${String(repo['repo_id'])}`]);
    expect((JSON.parse(byId.stdout) as { repo_name: string }).repo_name).toBe('cli-repo');

    const echoed = await withKey(['--format', 'json', 'test', 'args:{"list":[1,2],"flag":false,"code":"007"}']);
    expect(echoed.code).toBe(0);
    expect(JSON.parse(echoed.stdout)).toEqual({ list: [1, 2], flag: false, code: '007' });
    expect(JSON.parse((await withKey(['--format', 'json', 'test', 'args:007'])).stdout)).toBe('007');
  });

  it('an error response prints ERROR: with the message and exits non-zero', async () => {
    const run = await withKey(['get_repo', 'repoid:nope']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Server response\nERROR:"repository `nope` does not exist"');
    const json = await withKey(['--format', 'json', 'get_user', 'bogus:1']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toBe('Unknown `bogus` arg in JSON DATA');
    const badKey = await api(['--apihost', host, '--apikey', 'f'.repeat(40), 'get_user']);
    expect(badKey.code).toBe(1);
    expect(badKey.stdout).toContain('ERROR:"Invalid API key"');
  });

  it('--save-config stores host and key in ~/.config/grove (owner-only), used when the flags are left out', async () => {
    const configFile = path.join(home, '.config', 'grove');
    const missing = await api(['get_user']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Could not find config file and missing --apikey or --apihost/);

    const saved = await api(['--apihost', host, '--apikey', API_KEY, '--save-config']);
    expect(saved.code).toBe(0);
    expect(saved.stdout).toBe(`Created new config in ${configFile}\n`);
    expect(JSON.parse(await readFile(configFile, 'utf8'))).toEqual({ apikey: API_KEY, apihost: host });
    expect((await stat(configFile)).mode & 0o777).toBe(0o600);

    const run = await api(['--format', 'json', 'get_user']);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { username: string }).username).toBe('boss');
    // flags win over the file
    expect((await api(['--apikey', 'f'.repeat(40), 'get_user'])).stdout).toContain('Invalid API key');

    const again = await api(['--apihost', host, '--apikey', API_KEY, '--save-config']);
    expect(again.stdout).toBe(`Updated config in ${configFile}\n`);
    expect((await api(['--save-config', '--apihost', host])).code).toBe(2);

    const other = path.join(home, 'other.json');
    await writeFile(other, '{not json');
    const broken = await api(['--config', other, 'get_user']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/not valid JSON/);
  });

  it('usage problems and unreachable servers exit non-zero with a message, not a stack trace', async () => {
    const noMethod = await withKey([]);
    expect(noMethod.code).toBe(2);
    expect(noMethod.stderr).toMatch(/Please specify method name/);
    const badArg = await withKey(['get_repo', 'repoid']);
    expect(badArg.code).toBe(2);
    expect(badArg.stderr).toMatch(/Error parsing arguments/);
    const port = await freePort();
    const unreachable = await api(['--apihost', `http://127.0.0.1:${port}`, '--apikey', API_KEY, 'get_user']);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(/Cannot reach http:\/\/127\.0\.0\.1:\d+\/_admin\/api/);
    expect(unreachable.stderr).not.toMatch(/at .*\.js/);
    expect(existsSync(path.join(dataDir, 'repos', 'cli-repo'))).toBe(true);
  });
});
