// Serving processes wired the way the gateway will wire them: a small HTTP server (Basic auth,
// read/write decision, streams piped) and a small "SSH" server (a TCP socket standing in for the
// SSH channel), driven by the real git and hg clients. Also push bookkeeping.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer, request, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { HgHttpWorkerPool } from './hg/http-workers';
import { VcsService } from './service';
import { git, hg, makeTempDir, removeTempDir, runCli, writeWorkFile } from './testing/cli';
import { lines } from './testing/oracle';
import type { VcsChildProcess } from './process/run';

jest.setTimeout(120_000);

const USERS: Record<string, string> = { alice: 's3cret', bob: 'b0b' };
/** Users who may read but not push. */
const READ_ONLY = new Set(['bob']);

let root: string;
let work: string;
let vcs: VcsService;
let http: Server;
let httpPort: number;
let ssh: TcpServer;
let sshPort: number;
let fakeSsh: string;

function userOf(req: IncomingMessage): string | null {
  const m = /^Basic (.+)$/.exec(req.headers.authorization ?? '');
  if (!m) return null;
  const [user, pass] = Buffer.from(m[1]!, 'base64').toString().split(':');
  return user && USERS[user] === pass ? user : null;
}

function challenge(req: IncomingMessage, res: ServerResponse): void {
  req.resume();
  res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="test"' });
  res.end();
}

async function handleHg(req: IncomingMessage, res: ServerResponse, url: URL, user: string | null): Promise<void> {
  const cmd = url.searchParams.get('cmd') ?? '';
  const write = cmd === 'unbundle' || cmd === 'pushkey';
  if (write && !user) return challenge(req, res);
  const pool = await vcs.hgHttpWorkers();
  const lease = await pool.acquire();
  const upstream = request(
    {
      host: lease.host,
      port: lease.port,
      method: req.method,
      path: req.url,
      headers: lease.headers(req.headers, { repoName: url.pathname.slice(1), remoteUser: user, allowPush: !!user && !READ_ONLY.has(user) }),
    },
    (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
      up.on('end', () => lease.release());
    },
  );
  upstream.on('error', () => {
    lease.release();
    res.destroy();
  });
  req.pipe(upstream);
}

async function handleGit(req: IncomingMessage, res: ServerResponse, url: URL, user: string | null): Promise<void> {
  const m = /^\/(.+?)(\/info\/refs|\/git-upload-pack|\/git-receive-pack)$/.exec(url.pathname);
  if (!m) {
    res.writeHead(404).end();
    return;
  }
  const write = m[2] === '/git-receive-pack' || url.searchParams.get('service') === 'git-receive-pack';
  if (write && (!user || READ_ONLY.has(user))) return challenge(req, res);
  const backend = await vcs.gitHttpBackend({
    repoName: m[1]!,
    pathInfo: m[2]!,
    method: req.method!,
    queryString: url.search.slice(1),
    headers: req.headers,
    remoteUser: user,
    remoteAddr: req.socket.remoteAddress,
  });
  req.pipe(backend.stdin as NodeJS.WritableStream);
  res.on('close', () => backend.kill());
  const response = await backend.response;
  for (const [k, v] of response.headers) res.appendHeader(k, v);
  res.writeHead(response.status);
  response.body.pipe(res);
}

function startHttp(): Promise<void> {
  http = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const user = userOf(req);
    const handler = url.searchParams.has('cmd') ? handleHg : handleGit;
    handler(req, res, url, user).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  return new Promise((resolve) =>
    http.listen(0, '127.0.0.1', () => {
      httpPort = (http.address() as { port: number }).port;
      resolve();
    }),
  );
}

function startSsh(): Promise<void> {
  ssh = createTcpServer({ allowHalfOpen: true }, (sock: Socket) => {
    let head = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      head = Buffer.concat([head, chunk]);
      const nl = head.indexOf(0x0a);
      if (nl < 0) return;
      sock.off('data', onData);
      sock.pause();
      const header = JSON.parse(head.subarray(0, nl).toString()) as { command: string; gitProtocol: string | null; user: string | null };
      const rest = head.subarray(nl + 1);
      void (async () => {
        let child: VcsChildProcess;
        const gitCmd = /^git-(upload|receive)-pack '\/?([^']+)'$/.exec(header.command);
        const hgCmd = /^hg -R (\S+) serve --stdio$/.exec(header.command);
        if (gitCmd) {
          child = await vcs.gitSsh(gitCmd[2]!, `git-${gitCmd[1] as 'upload' | 'receive'}-pack`, { gitProtocol: header.gitProtocol ?? undefined });
        } else if (hgCmd) {
          child = await vcs.hgSsh(hgCmd[1]!, { readOnly: header.user === 'reader' });
        } else {
          sock.end();
          return;
        }
        if (rest.length) child.stdin.write(rest);
        sock.pipe(child.stdin);
        child.stdout.pipe(sock);
        child.stderr.resume();
        sock.resume();
      })().catch(() => sock.destroy());
    };
    sock.on('data', onData);
  });
  return new Promise((resolve) =>
    ssh.listen(0, '127.0.0.1', () => {
      sshPort = (ssh.address() as { port: number }).port;
      resolve();
    }),
  );
}

const FAKE_SSH = `
const net = require('net');
const command = process.argv[process.argv.length - 1];
const sock = net.connect({ port: Number(process.env.FAKE_SSH_PORT), host: '127.0.0.1', allowHalfOpen: true }, () => {
  sock.write(JSON.stringify({ command, gitProtocol: process.env.GIT_PROTOCOL || null, user: process.env.FAKE_SSH_USER || null }) + '\\n');
  process.stdin.pipe(sock);
});
sock.pipe(process.stdout);
`;

beforeAll(async () => {
  root = await makeTempDir();
  work = await makeTempDir();
  vcs = new VcsService({ reposRoot: root });
  await Promise.all([startHttp(), startSsh()]);
  fakeSsh = join(work, 'fake-ssh.js');
  await writeFile(fakeSsh, FAKE_SSH);
});

afterAll(async () => {
  http?.closeAllConnections();
  http?.close();
  ssh?.close();
  await vcs?.close();
  await removeTempDir(root);
  await removeTempDir(work);
});

const base = (user?: string) => `http://${user ? `${user}:${USERS[user]}@` : ''}127.0.0.1:${httpPort}`;

describe('git over HTTP (git http-backend)', () => {
  test('negotiates protocol v2 when the client asks for it', async () => {
    await vcs.init('web/proto', 'git');
    const get = (headers: Record<string, string>) =>
      new Promise<string>((resolve, reject) => {
        request({ host: '127.0.0.1', port: httpPort, path: '/web/proto/info/refs?service=git-upload-pack', headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve(`${res.statusCode} ${res.headers['content-type']} ${Buffer.concat(chunks).toString()}`));
        })
          .on('error', reject)
          .end();
      });
    expect(await get({ 'Git-Protocol': 'version=2' })).toMatch(/^200 application\/x-git-upload-pack-advertisement .*version 2/s);
    expect(await get({})).toMatch(/^200 .*# service=git-upload-pack/s);
  });

  test('clones anonymously, pushes as an authenticated user and reports what the push changed', async () => {
    const repo = await vcs.init('web/app', 'git');
    const wc = join(work, 'git-http-wc');
    await git(work, 'clone', '-q', `${base()}/web/app`, wc);
    await writeWorkFile(wc, 'README', 'hello\n');
    await git(wc, 'add', 'README');
    await git(wc, 'commit', '-q', '-m', 'first');
    await expect(git(wc, 'push', '-q', `${base()}/web/app`, 'HEAD:master')).rejects.toThrow();
    await expect(git(wc, 'push', '-q', `${base('bob')}/web/app`, 'HEAD:master')).rejects.toThrow();

    const before = await vcs.pushSnapshot('web/app');
    await git(wc, 'push', '-q', `${base('alice')}/web/app`, 'HEAD:master');
    const first = await vcs.pushChanges('web/app', before);
    const head = (await git(wc, 'rev-parse', 'HEAD')).trim();
    expect(first.refs).toEqual([{ name: 'master', kind: 'branch', oldId: null, newId: head }]);
    expect(first.changesets.map((c) => [c.rawId, c.added])).toEqual([[head, ['README']]]);
    expect(await repo.resolveRevision('master')).toBe(head);

    await writeWorkFile(wc, 'more.txt', 'more\n');
    await git(wc, 'add', 'more.txt');
    await git(wc, 'commit', '-q', '-m', 'second');
    await writeWorkFile(wc, 'more.txt', 'even more\n');
    await git(wc, 'commit', '-q', '-am', 'third');
    await git(wc, 'tag', 'v1');
    const snap = await vcs.pushSnapshot('web/app');
    await git(wc, 'push', '-q', `${base('alice')}/web/app`, 'HEAD:master', 'v1', 'HEAD~1:refs/heads/side');
    const second = await vcs.pushChanges('web/app', snap);
    const expectedNew = lines(await git(wc, 'rev-list', '--reverse', 'HEAD', `^${head}`));
    expect(second.changesets.map((c) => c.rawId)).toEqual(expectedNew);
    expect(second.refs.map((r) => `${r.kind}:${r.name}`).sort()).toEqual(['branch:master', 'branch:side', 'tag:v1']);

    const cloned = join(work, 'git-http-clone2');
    await git(work, 'clone', '-q', `${base()}/web/app`, cloned);
    expect((await git(cloned, 'rev-parse', 'HEAD')).trim()).toBe((await git(wc, 'rev-parse', 'HEAD')).trim());
  });

  test('refuses paths that are not smart-HTTP endpoints', async () => {
    await expect(vcs.gitHttpBackend({ repoName: 'web/app', pathInfo: '/config', method: 'GET', headers: {} })).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(vcs.gitHttpBackend({ repoName: '../x', pathInfo: '/info/refs', method: 'GET', headers: {} })).rejects.toMatchObject({ code: 'InvalidName' });
    await expect(vcs.gitHttpBackend({ repoName: 'web/nothing', pathInfo: '/info/refs', method: 'GET', headers: {} })).rejects.toMatchObject({ code: 'NotFound' });
  });
});

describe('hg over HTTP (long-running workers)', () => {
  test('clones, pushes with REMOTE_USER from the gateway, refuses read-only pushes, and reports bookmarks and phases', async () => {
    const repo = await vcs.init('web/hgapp', 'hg');
    // A hook in the served repository records who pushed, as hg saw it.
    const seen = join(work, 'hg-pusher');
    await writeFile(join(repo.path, '.hg', 'hgrc'), `[hooks]\nchangegroup.test = echo "$HG_URL" >> ${seen}\n`);
    const draft = await repo.commit({ branch: 'default', parentId: null, author: { name: 'Web', email: 'w@x' }, message: 'web commit', actions: [{ op: 'add', path: 'a.txt', content: 'a\n' }] });
    expect(draft.phase).toBe('draft');

    const wc = join(work, 'hg-http-wc');
    await hg(work, 'clone', '-q', `${base()}/web/hgapp`, wc);
    expect((await hg(wc, 'log', '-r', 'tip', '-T', '{node}')).trim()).toBe(draft.rawId);
    await writeWorkFile(wc, 'b.txt', 'b\n');
    await hg(wc, 'commit', '-A', '-q', '-m', 'from client');
    await hg(wc, 'bookmark', 'feature-x');
    await expect(hg(wc, 'push', '-q', `${base('bob')}/web/hgapp`)).rejects.toThrow();
    expect(await repo.countChangesets()).toBe(1);

    const before = await vcs.pushSnapshot('web/hgapp');
    expect(before).toMatchObject({ type: 'hg', changelogLength: 1 });
    await hg(wc, 'push', '-q', '-B', 'feature-x', `${base('alice')}/web/hgapp`);
    const changes = await vcs.pushChanges('web/hgapp', before);
    const pushed = (await hg(wc, 'log', '-r', 'tip', '-T', '{node}')).trim();
    expect(changes.changesets.map((c) => c.rawId)).toEqual([pushed]);
    expect(changes.refs).toEqual([{ name: 'feature-x', kind: 'bookmark', oldId: null, newId: pushed }]);
    // the server's draft changeset became public when the client pushed on top of it
    expect(changes.phases).toEqual([{ rawId: draft.rawId, from: 'draft', to: 'public' }]);
    expect((await readFile(seen, 'utf8')).trim()).toMatch(/^remote:http:.*:alice$/);
  });

  test('workers refuse requests without the per-start secret and strip client Grove-* headers', async () => {
    await vcs.init('web/secret', 'hg');
    const pool = await vcs.hgHttpWorkers();
    const lease = await pool.acquire();
    try {
      const get = (headers: OutgoingHttpHeaders) =>
        new Promise<number>((resolve, reject) => {
          request({ host: lease.host, port: lease.port, path: '/web/secret?cmd=capabilities', headers }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          })
            .on('error', reject)
            .end();
        });
      expect(await get({ 'Grove-Repo-Path': 'web/secret' })).toBe(403);
      expect(await get({ 'Grove-Worker-Secret': 'guess', 'Grove-Repo-Path': 'web/secret' })).toBe(403);
      const forged = lease.headers({ 'grove-worker-secret': 'guess', 'grove-remote-user': 'admin' }, { repoName: 'web/secret', remoteUser: null, allowPush: false });
      expect(forged['grove-remote-user']).toBeUndefined();
      expect(forged['Grove-Remote-User']).toBe('');
      expect(await get(forged)).toBe(200);
      expect(() => lease.headers({}, { repoName: 'web/../../etc', remoteUser: null, allowPush: false })).toThrow(expect.objectContaining({ code: 'InvalidName' }));
    } finally {
      lease.release();
    }
  });

  test('recycles a worker after N requests without failing the request in flight', async () => {
    const service = new VcsService({ reposRoot: root, hgHttpWorkers: { maxRequests: 2 } });
    try {
      await service.init('web/recycle', 'hg');
      const pool: HgHttpWorkerPool = await service.hgHttpWorkers();
      const first = await pool.acquire();
      const second = await pool.acquire(); // the second request retires the worker
      expect(second.port).toBe(first.port);
      const third = await pool.acquire(); // served by the replacement
      expect(third.port).not.toBe(first.port);
      expect(pool.stats().recycled).toBe(1);
      const status = (lease: typeof first) =>
        new Promise<number>((resolve, reject) => {
          request({ host: lease.host, port: lease.port, path: '/web/recycle?cmd=capabilities', headers: lease.headers({}, { repoName: 'web/recycle', remoteUser: null, allowPush: false }) as Record<string, string> }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          })
            .on('error', reject)
            .end();
        });
      // the retired worker still answers its in-flight requests
      expect(await status(first)).toBe(200);
      expect(await status(third)).toBe(200);
      const oldPid = pool.stats().workers.find((w) => w.port === first.port)?.pid;
      first.release();
      second.release();
      third.release();
      expect(pool.stats().workers.some((w) => w.port === first.port)).toBe(false);
      expect(oldPid).toBeDefined();
      for (let i = 0; i < 50 && existsSync(`/proc/${oldPid}`); i++) await new Promise((r) => setTimeout(r, 100));
      expect(existsSync(`/proc/${oldPid}`)).toBe(false);
    } finally {
      await service.close();
    }
  });
});

describe('importing from an HTTP remote', () => {
  test.each([
    ['git', 'web/app'],
    ['hg', 'web/hgapp'],
  ] as const)('%s: clones and pulls with credentials in the URL without storing them', async (type, source) => {
    const url = `${base('alice')}/${source}`;
    const imported = await vcs.clone(`imported/${type}`, type, url);
    const expected = await (await vcs.open(source)).countChangesets();
    expect(await imported.countChangesets()).toBe(expected);
    const config = type === 'git' ? join(imported.path, 'config') : join(imported.path, '.hg', 'hgrc');
    const text = existsSync(config) ? await readFile(config, 'utf8') : '';
    expect(text).not.toContain(USERS['alice']);
    await vcs.pull(`imported/${type}`, url);
    expect(await imported.countChangesets()).toBe(expected);
    await expect(vcs.clone(`imported/${type}-missing`, type, `${base('alice')}/web/does-not-exist`)).rejects.toMatchObject({ code: expect.stringMatching(/NotFound|VcsFailure/) });
    expect(existsSync(join(root, 'imported', `${type}-missing`))).toBe(false);
  });
});

describe('over SSH (serving processes piped to a channel)', () => {
  const sshEnv = (user?: string) => ({
    FAKE_SSH_PORT: String(sshPort),
    GIT_SSH_COMMAND: `node ${fakeSsh}`,
    GIT_SSH_VARIANT: 'ssh',
    ...(user ? { FAKE_SSH_USER: user } : {}),
  });

  test('git: clones with protocol v2 and pushes through upload-pack / receive-pack', async () => {
    const repo = await vcs.init('ssh/g', 'git');
    const wc = join(work, 'git-ssh-wc');
    await runCli('git', ['-c', 'protocol.version=2', 'clone', '-q', 'ssh://fakehost/ssh/g', wc], { env: sshEnv() });
    await writeWorkFile(wc, 'x.txt', 'x\n');
    await git(wc, 'add', 'x.txt');
    await git(wc, 'commit', '-q', '-m', 'over ssh');
    await runCli('git', ['push', '-q', 'origin', 'HEAD:master'], { cwd: wc, env: sshEnv() });
    expect(await repo.resolveRevision('master')).toBe((await git(wc, 'rev-parse', 'HEAD')).trim());
    const again = join(work, 'git-ssh-wc2');
    await runCli('git', ['-c', 'protocol.version=2', 'clone', '-q', 'ssh://fakehost/ssh/g', again], { env: sshEnv() });
    expect(await readFile(join(again, 'x.txt'), 'utf8')).toBe('x\n');
  });

  test('hg: serve --stdio clones and pushes, and refuses pushes for read-only users', async () => {
    const repo = await vcs.init('ssh/h', 'hg');
    const wc = join(work, 'hg-ssh-wc');
    const ssh = ['--ssh', `node ${fakeSsh}`];
    await runCli('hg', ['clone', '-q', ...ssh, 'ssh://fakehost/ssh/h', wc], { env: sshEnv() });
    await writeWorkFile(wc, 'y.txt', 'y\n');
    await hg(wc, 'commit', '-A', '-q', '-m', 'over ssh');
    await expect(runCli('hg', ['push', '-q', ...ssh, 'ssh://fakehost/ssh/h'], { cwd: wc, env: sshEnv('reader') })).rejects.toThrow(/read-only|abort/);
    await expect(runCli('hg', ['bookmark', 'bm'], { cwd: wc })).resolves.toBeDefined();
    await expect(runCli('hg', ['push', '-q', '-B', 'bm', ...ssh, 'ssh://fakehost/ssh/h'], { cwd: wc, env: sshEnv('reader') })).rejects.toThrow();
    expect(await repo.countChangesets()).toBe(0);
    expect((await repo.refs()).bookmarks).toEqual([]);
    await runCli('hg', ['push', '-q', ...ssh, 'ssh://fakehost/ssh/h'], { cwd: wc, env: sshEnv('writer') });
    expect(await repo.countChangesets()).toBe(1);
  });
});
