// The VCS gateway against the raw servers, with the real clients, interleaved on one machine:
//   git: Grove (`git http-backend` CGI behind the gateway) vs `git http-backend` behind nginx +
//        fcgiwrap (the usual deployment; Debian packages, started in the foreground from a config
//        generated into the temp dir; skipped when not installed) and behind a minimal node CGI
//        server — the ratio is Grove's overhead: authentication, permission checks, journal and
//        bookkeeping;
//   hg:  Grove (proxy to the long-running worker) vs a plain `hg serve`.
// Also: ls-remote / identify latency, peak RSS of the Grove process during a ≥ 500 MB git push,
// and 32 concurrent clones.
//
// Usage (after `pnpm nx run cli:build` and `COMMITS=10000 node bench/vcs/generate.mjs`, which makes the 10k-commit
// bench/.data/repos/bench-{git,hg} with a fixed seed):
//   node bench/gateway/run.mjs            RUNS=5 BIG_MB=520 CONCURRENT=32 by default
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';

const RUNS = Number(process.env.RUNS ?? 5);
/** ONLY=latency,clone,push,rss,concurrent picks parts (default: all) */
const ONLY = new Set((process.env.ONLY ?? 'latency,clone,push,rss,concurrent').split(','));
const BIG_MB = Number(process.env.BIG_MB ?? 520);
const CONCURRENT = Number(process.env.CONCURRENT ?? 32);
const root = path.resolve(import.meta.dirname, '..');
const source = path.join(root, '.data', 'repos');
const cli = path.resolve(root, '../apps/cli/dist/main.js');
for (const name of ['bench-git', 'bench-hg']) {
  if (!existsSync(path.join(source, name))) throw new Error(`${source}/${name} is missing: run node bench/vcs/generate.mjs first`);
}

const work = mkdtempSync(path.join(tmpdir(), 'grove-bench-gw-'));
const dataDir = path.join(work, 'data');
const rawRoot = path.join(work, 'raw');
const clientEnv = {
  PATH: process.env.PATH,
  HOME: work,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_TERMINAL_PROMPT: '0',
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'bench@example.com',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'bench@example.com',
  HGPLAIN: '1',
  HGRCPATH: '',
  HGUSER: 'Bench <bench@example.com>',
};
const sh = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { env: clientEnv, maxBuffer: 1 << 30, ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.toString();
};
const run = (cmd, args, opts = {}) =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, args, { env: clientEnv, stdio: ['ignore', 'ignore', 'pipe'], ...opts });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`${cmd} ${args.join(' ')} → ${code}: ${err}`))));
  });

// --- Grove ---------------------------------------------------------------------------------
const PORT = 5598;
const env = { ...process.env, GROVE_DATA_DIR: dataDir, GROVE_PORT: String(PORT), GROVE_SSH_ENABLED: 'false', GROVE_LOG_LEVEL: 'warn', DATABASE_URL: '' };
sh(process.execPath, [cli, 'setup', '--user', 'admin', '--password', 'bench-pass', '--email', 'a@example.com'], { env });
for (const name of ['bench-git', 'bench-hg']) cpSync(path.join(source, name), path.join(dataDir, 'repos', name), { recursive: true });
sh(process.execPath, [cli, 'repo-scan'], { env });
const grove = spawn(process.execPath, [cli, 'serve'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve) => {
  let out = '';
  grove.stdout.on('data', (d) => {
    out += d;
    if (out.includes('Grove is running')) resolve();
  });
});
const G = `http://admin:bench-pass@127.0.0.1:${PORT}`;

// --- raw servers ---------------------------------------------------------------------------
for (const name of ['bench-git', 'bench-hg']) cpSync(path.join(source, name), path.join(rawRoot, name), { recursive: true });
const rawGit = createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  const envCgi = {
    ...clientEnv,
    GIT_PROJECT_ROOT: rawRoot,
    GIT_HTTP_EXPORT_ALL: '1',
    REMOTE_USER: 'bench',
    PATH_INFO: decodeURIComponent(url.pathname),
    REQUEST_METHOD: req.method,
    QUERY_STRING: url.search.slice(1),
    GATEWAY_INTERFACE: 'CGI/1.1',
  };
  for (const [k, v] of Object.entries(req.headers)) {
    if (k === 'content-type') envCgi.CONTENT_TYPE = v;
    else if (k === 'content-length') envCgi.CONTENT_LENGTH = v;
    else envCgi[`HTTP_${k.toUpperCase().replace(/-/g, '_')}`] = String(v);
  }
  const child = spawn('git', ['http-backend'], { env: envCgi });
  req.pipe(child.stdin);
  child.stdin.on('error', () => {});
  let head = Buffer.alloc(0);
  const onData = (chunk) => {
    head = Buffer.concat([head, chunk]);
    const end = head.indexOf('\r\n\r\n');
    if (end < 0) return;
    child.stdout.off('data', onData);
    let status = 200;
    for (const line of head.subarray(0, end).toString().split('\r\n')) {
      const i = line.indexOf(':');
      const k = line.slice(0, i);
      const v = line.slice(i + 1).trim();
      if (k.toLowerCase() === 'status') status = parseInt(v, 10);
      else res.setHeader(k, v);
    }
    res.writeHead(status);
    res.write(head.subarray(end + 4));
    child.stdout.pipe(res);
  };
  child.stdout.on('data', onData);
});
await new Promise((r) => rawGit.listen(5597, '127.0.0.1', r));
const R = 'http://127.0.0.1:5597';

// nginx + fcgiwrap → git http-backend, as the git manual's nginx recipe does.
const nginxBin = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((f) => existsSync(f));
const fcgiwrapBin = ['/usr/sbin/fcgiwrap', '/usr/bin/fcgiwrap'].find((f) => existsSync(f));
let nginx = null;
let fcgiwrap = null;
let N = null;
if (nginxBin && fcgiwrapBin) {
  const dir = path.join(work, 'nginx');
  const socket = path.join(dir, 'fcgiwrap.sock');
  spawnSync('mkdir', ['-p', path.join(dir, 'tmp')]);
  const backend = path.join(sh('git', ['--exec-path']).trim(), 'git-http-backend');
  // one request per fcgiwrap process at a time: four, like a small site
  // its own process group: its preforked children outlive a SIGTERM to the parent alone
  fcgiwrap = spawn(fcgiwrapBin, ['-c', '4', '-s', `unix:${socket}`], { env: clientEnv, stdio: 'ignore', detached: true });
  const NGINX_PORT = 5595;
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    [
      process.getuid?.() === 0 ? 'user root;' : '',
      'daemon off;',
      'worker_processes 1;',
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log warn;`,
      'events { worker_connections 1024; }',
      'http {',
      '  access_log off;',
      `  client_body_temp_path ${dir}/tmp/body; fastcgi_temp_path ${dir}/tmp/fastcgi; proxy_temp_path ${dir}/tmp/proxy;`,
      `  uwsgi_temp_path ${dir}/tmp/uwsgi; scgi_temp_path ${dir}/tmp/scgi;`,
      '  client_max_body_size 0;',
      '  server {',
      `    listen 127.0.0.1:${NGINX_PORT};`,
      '    location / {',
      // not /etc/nginx/fastcgi_params: its empty REMOTE_USER would hide ours (pushes need one)
      '      fastcgi_param REQUEST_METHOD $request_method;',
      '      fastcgi_param QUERY_STRING $query_string;',
      '      fastcgi_param CONTENT_TYPE $content_type;',
      '      fastcgi_param CONTENT_LENGTH $content_length;',
      '      fastcgi_param SERVER_PROTOCOL $server_protocol;',
      '      fastcgi_param GATEWAY_INTERFACE CGI/1.1;',
      '      fastcgi_param REMOTE_ADDR $remote_addr;',
      `      fastcgi_param SCRIPT_FILENAME ${backend};`,
      `      fastcgi_param GIT_PROJECT_ROOT ${rawRoot};`,
      '      fastcgi_param GIT_HTTP_EXPORT_ALL 1;',
      '      fastcgi_param REMOTE_USER bench;',
      '      fastcgi_param PATH_INFO $uri;',
      '      fastcgi_request_buffering off;',
      '      fastcgi_buffering off;',
      `      fastcgi_pass unix:${socket};`,
      '    }',
      '  }',
      '}',
      '',
    ].join('\n'),
  );
  nginx = spawn(nginxBin, ['-p', dir, '-e', path.join(dir, 'error.log'), '-c', path.join(dir, 'nginx.conf')], { env: clientEnv, stdio: ['ignore', 'ignore', 'inherit'] });
  N = `http://127.0.0.1:${NGINX_PORT}`;
} else {
  console.log('nginx or fcgiwrap not installed: no nginx baseline');
}
/** Stops nginx and fcgiwrap (also when the benchmark fails: they would keep running otherwise). */
function stopBaselines() {
  if (nginx && nginx.exitCode === null) nginx.kill('SIGQUIT');
  try {
    if (fcgiwrap) process.kill(-fcgiwrap.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  fcgiwrap = null;
}
const hgServe = spawn('hg', ['serve', '-R', path.join(rawRoot, 'bench-hg'), '-a', '127.0.0.1', '-p', '5596', '--config', 'web.push_ssl=false', '--config', 'web.allow-push=*', '-A', '/dev/null'], {
  env: clientEnv,
  stdio: 'ignore',
});
await new Promise((r) => setTimeout(r, 2000));
const H = 'http://127.0.0.1:5596';
process.on('exit', () => {
  stopBaselines();
  for (const child of [grove, hgServe]) if (child.exitCode === null) child.kill('SIGTERM');
});

// --- helpers -------------------------------------------------------------------------------
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = [];
/**
 * Interleaved: grove, raw, [nginx,] grove, raw, [nginx,] … after one warm-up each. `nginxOp` (git
 * only) is the nginx + fcgiwrap baseline when installed.
 */
async function compare(label, groveOp, rawOp, runs = RUNS, nginxOp = undefined) {
  const withNginx = nginxOp && N;
  await groveOp(-1);
  await rawOp(-1);
  if (withNginx) await nginxOp(-1);
  const g = [];
  const r = [];
  const n = [];
  for (let i = 0; i < runs; i++) {
    g.push(await groveOp(i));
    r.push(await rawOp(i));
    if (withNginx) n.push(await nginxOp(i));
  }
  const row = { label, grove: median(g), raw: median(r), ratio: median(g) / median(r), added: median(g) - median(r) };
  if (withNginx) Object.assign(row, { nginx: median(n), nginxRatio: median(g) / median(n), nginxAdded: median(g) - median(n) });
  results.push(row);
  const sign = (x) => `${x >= 0 ? '+' : ''}${x.toFixed(0)}`;
  console.log(
    `${label.padEnd(36)} grove ${row.grove.toFixed(0).padStart(6)} ms   raw ${row.raw.toFixed(0).padStart(6)} ms ${row.ratio.toFixed(2)}× (${sign(row.added)} ms)` +
      (withNginx ? `   nginx ${row.nginx.toFixed(0).padStart(6)} ms ${row.nginxRatio.toFixed(2)}× (${sign(row.nginxAdded)} ms)` : ''),
  );
}
const fresh = () => mkdtempSync(path.join(work, 'c-'));
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
console.log(`load average at start: ${load()}`);

// --- clone / ls-remote / identify ----------------------------------------------------------
if (ONLY.has('latency'))
  await compare('git ls-remote', () => run('git', ['ls-remote', `${G}/bench-git`]), () => run('git', ['ls-remote', `${R}/bench-git`]), RUNS * 4, () =>
    run('git', ['ls-remote', `${N}/bench-git`]),
  );
if (ONLY.has('latency')) await compare('hg identify', () => run('hg', ['identify', `${G}/bench-hg`]), () => run('hg', ['identify', `${H}/`]), RUNS * 4);
if (ONLY.has('clone')) await compare(
  'git clone --bare (10k commits)',
  async () => {
    const d = fresh();
    const ms = await run('git', ['clone', '-q', '--bare', `${G}/bench-git`, d]);
    rmSync(d, { recursive: true, force: true });
    return ms;
  },
  async () => {
    const d = fresh();
    const ms = await run('git', ['clone', '-q', '--bare', `${R}/bench-git`, d]);
    rmSync(d, { recursive: true, force: true });
    return ms;
  },
  RUNS,
  async () => {
    const d = fresh();
    const ms = await run('git', ['clone', '-q', '--bare', `${N}/bench-git`, d]);
    rmSync(d, { recursive: true, force: true });
    return ms;
  },
);
if (ONLY.has('clone')) await compare(
  'hg clone -U (10k changesets)',
  async () => {
    const d = fresh();
    const ms = await run('hg', ['clone', '-q', '-U', `${G}/bench-hg`, d]);
    rmSync(d, { recursive: true, force: true });
    return ms;
  },
  async () => {
    const d = fresh();
    const ms = await run('hg', ['clone', '-q', '-U', `${H}/`, d]);
    rmSync(d, { recursive: true, force: true });
    return ms;
  },
);

// --- push 100 commits ----------------------------------------------------------------------
const gitWc = fresh();
// (async: the raw git server runs in this process, a synchronous client would deadlock it)
await run('git', ['clone', '-q', `${R}/bench-git`, gitWc]);
const hgWc = fresh();
sh('hg', ['clone', '-q', `${H}/`, hgWc]);
let serial = 0;
function gitCommits(n) {
  // 100 new commits on a new branch from master (fast-import: no working-tree work in the timing)
  const branch = `bench-${serial++}`;
  let stream = '';
  for (let i = 0; i < n; i++) {
    const data = `${branch} ${i} ${randomBytes(8).toString('hex')}\n`;
    stream += `commit refs/heads/${branch}\ncommitter Bench <b@example.com> ${1700000000 + i} +0000\ndata 4\nmsg\n`;
    if (i === 0) stream += `from refs/heads/master^0\n`;
    stream += `M 100644 inline bench/${branch}.txt\ndata ${Buffer.byteLength(data)}\n${data}\n`;
  }
  sh('git', ['fast-import', '--quiet'], { cwd: gitWc, input: stream });
  return branch;
}
function hgCommits(n) {
  // 100 new changesets on a new head from default, in one `hg import` (no per-commit start-up)
  const tag = `bench-${serial++}`;
  const dir = mkdtempSync(path.join(work, 'p-'));
  const files = [];
  for (let i = 0; i < n; i++) {
    const name = `${tag}/${i}.txt`;
    const file = path.join(dir, `${String(i).padStart(3, '0')}.patch`);
    writeFileSync(
      file,
      `# HG changeset patch\n# User Bench <b@example.com>\n# Date ${1700000000 + i} 0\n${tag} ${i}\n\ndiff --git a/${name} b/${name}\nnew file mode 100644\n--- /dev/null\n+++ b/${name}\n@@ -0,0 +1,1 @@\n+${randomBytes(8).toString('hex')}\n`,
    );
    files.push(file);
  }
  sh('hg', ['update', '-q', '-C', 'default'], { cwd: hgWc });
  sh('hg', ['import', '-q', '--bypass', ...files], { cwd: hgWc });
  rmSync(dir, { recursive: true, force: true });
  return sh('hg', ['log', '-r', 'tip', '-T', '{node}'], { cwd: hgWc });
}
if (ONLY.has('push')) await compare(
  'git push 100 commits',
  () => run('git', ['push', '-q', `${G}/bench-git`, `${gitCommits(100)}`], { cwd: gitWc }),
  () => run('git', ['push', '-q', `${R}/bench-git`, `${gitCommits(100)}`], { cwd: gitWc }),
  RUNS,
  () => run('git', ['push', '-q', `${N}/bench-git`, `${gitCommits(100)}`], { cwd: gitWc }),
);
if (ONLY.has('push')) await compare(
  'hg push 100 changesets',
  () => run('hg', ['push', '-q', '-f', '-r', hgCommits(100), `${G}/bench-hg`], { cwd: hgWc }),
  () => run('hg', ['push', '-q', '-f', '-r', hgCommits(100), `${H}/`], { cwd: hgWc }),
);

// --- peak RSS of the Grove process during a big push ---------------------------------------
const rssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
if (ONLY.has('rss')) {
  const big = fresh();
  sh('git', ['init', '-q', '-b', 'master', big]);
  spawnSync('sh', ['-c', `head -c ${BIG_MB}M /dev/urandom > big.bin`], { cwd: big });
  sh('git', ['add', 'big.bin'], { cwd: big });
  sh('git', ['commit', '-q', '-m', 'big'], { cwd: big });
  sh('git', ['push', '-q', `${G}/bench-git`, 'master:refs/heads/dummy-warmup'], { cwd: gitWc });
  const before = rssMb(grove.pid);
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(grove.pid))), 20);
  const ms = await run('git', ['-c', 'http.postBuffer=1048576', 'push', '-q', `${G}/bench-git`, 'master:refs/heads/big'], { cwd: big });
  clearInterval(timer);
  const line = `git push of a ${BIG_MB} MB file: ${(ms / 1000).toFixed(1)} s; Grove RSS before ${before.toFixed(0)} MB, peak ${peak.toFixed(0)} MB (+${(peak - before).toFixed(0)} MB)`;
  console.log(line);
  results.push({ label: 'big push', before, peak, ms });
  rmSync(big, { recursive: true, force: true });
}

// --- concurrent clones ---------------------------------------------------------------------
for (const [vcs, url] of ONLY.has('concurrent')
  ? [
      ['git', `${G}/bench-git`],
      ['hg', `${G}/bench-hg`],
    ]
  : []) {
  const started = performance.now();
  const outcomes = await Promise.allSettled(
    Array.from({ length: CONCURRENT }, async () => {
      const d = fresh();
      try {
        return await run(vcs, vcs === 'git' ? ['clone', '-q', '--bare', url, d] : ['clone', '-q', '-U', url, d]);
      } finally {
        rmSync(d, { recursive: true, force: true });
      }
    }),
  );
  const failed = outcomes.filter((o) => o.status === 'rejected');
  const ok = outcomes.filter((o) => o.status === 'fulfilled').map((o) => o.value);
  const line = `${CONCURRENT} concurrent ${vcs} clones through Grove: ${failed.length} errors, wall ${((performance.now() - started) / 1000).toFixed(1)} s, median per clone ${(median(ok) / 1000).toFixed(1)} s`;
  console.log(line);
  if (failed.length) console.log(String(failed[0].reason).slice(0, 500));
  results.push({ label: `${CONCURRENT} concurrent ${vcs} clones`, errors: failed.length, wallMs: performance.now() - started });
}

console.log(`load average at end: ${load()}`);
mkdirResults();
function mkdirResults() {
  const dir = path.join(root, 'results');
  spawnSync('mkdir', ['-p', dir]);
  writeFileSync(path.join(dir, 'gateway.json'), JSON.stringify({ date: new Date().toISOString(), runs: RUNS, loadavg: loadavg(), results }, null, 2));
}
grove.kill('SIGTERM');
hgServe.kill('SIGTERM');
stopBaselines();
if (nginx) await new Promise((r) => (nginx.exitCode !== null ? r() : nginx.once('exit', r)));
rawGit.close();
await new Promise((r) => grove.once('exit', r));
rmSync(work, { recursive: true, force: true });
