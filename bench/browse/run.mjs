#!/usr/bin/env node
// Browse REST benchmarks over real HTTP against the built server (apps/api/dist): the API calls
// behind the changelog page (100 changesets with graph), a changeset with a large diff, a
// directory listing with the last changeset per entry, and a file view — on the shared fixtures
// and on the 20 000-commit git and hg repositories of bench/vcs/generate.mjs (fixed seed).
//
//   pnpm nx run api:build && node bench/vcs/generate.mjs && node bench/browse/run.mjs
//   RUNS=41 REPOS=bench-git,bench-hg DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/browse/run.mjs
//
// Prints a Markdown table (p50/p95 of client-side wall time) and writes bench/results/browse-<db>.json.
import { existsSync } from 'node:fs';
import { cp, mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../lib/random.mjs';
import { tempInstallation } from '../lib/installation.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const requireFromApi = createRequire(resolve(here, '..', '..', 'apps', 'api', 'package.json'));
const api = requireFromApi('./dist/index.js');
const { Client } = requireFromApi('pg');

const RUNS = Number(process.env.RUNS ?? 41);
const WARMUP = 3;
const VCS_DATA = resolve(here, '..', '.data', 'repos');
const REPOS = (process.env.REPOS ?? 'fixture-git,fixture-hg,bench-git,bench-hg').split(',');
const ADMIN_KEY = 'c'.repeat(24) + '0123456789abcdef';
const SEED = 20240611;


/** Nearest-rank percentile. */
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};

async function get(baseUrl, path) {
  const started = performance.now();
  const res = await fetch(baseUrl + path, { headers: { authorization: `Bearer ${ADMIN_KEY}` } });
  const text = await res.text();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${text.slice(0, 200)}`);
  return { ms, bytes: Buffer.byteLength(text), body: text.startsWith('{') ? JSON.parse(text) : text };
}

/** `call(i)` is run WARMUP times, then RUNS times; i varies so paged calls can differ between runs. */
async function measure(repo, label, call) {
  const first = (await call(0)).ms;
  for (let i = 1; i < WARMUP; i++) await call(i);
  const times = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const r = await call(WARMUP + i);
    times.push(r.ms);
    bytes = r.bytes;
  }
  const row = { repo, label, kb: Math.round(bytes / 1024), first, p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times) };
  console.error(`  ${repo} ${label}: p50 ${row.p50.toFixed(1)} ms, p95 ${row.p95.toFixed(1)} ms`);
  return row;
}

async function main() {
  for (const name of REPOS) {
    if (!existsSync(join(VCS_DATA, name))) throw new Error(`${join(VCS_DATA, name)} is missing: run node bench/vcs/generate.mjs first`);
  }
  const { dataDir, database, config, remove } = await tempInstallation(api, Client, 'grove-bench-browse-');
  let app;
  try {
    await api.setupInstallation(config, { admin: { username: 'admin', password: 'bench-password-1', email: 'admin@example.com', apiKey: ADMIN_KEY } });
    const reposRoot = join(dataDir, 'repos');
    await mkdir(reposRoot, { recursive: true });
    for (const name of REPOS) await cp(join(VCS_DATA, name), join(reposRoot, name), { recursive: true });
    app = await api.createGroveApp(config, api.createLogger('silent'));
    await app.listen({ host: '127.0.0.1', port: 0 });
    const baseUrl = `http://127.0.0.1:${app.getHttpServer().address().port}`;
    const scan = await fetch(`${baseUrl}/api/v1/admin/repo-scan`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' }, body: '{}' });
    console.error(`imported ${(await scan.json()).added.join(', ')} (${database.type})`);

    const rows = [];
    for (const name of REPOS) {
      const r = (rest) => `/api/v1/repos/${encodeURIComponent(name)}/${rest}`;
      const random = mulberry32(SEED);
      const first = (await get(baseUrl, r('changelog?size=100'))).body;
      const pages = Math.ceil(first.total / 100);
      rows.push(await measure(name, `changelog page 1 of 100 with graph (${first.total} changesets)`, () => get(baseUrl, r('changelog?size=100'))));
      rows.push(await measure(name, 'changelog random page of 100 with graph', () => get(baseUrl, r(`changelog?size=100&page=${1 + Math.floor(random() * pages)}`))));

      // the large diff: the generated 1,500-file changeset, or the fixture's biggest of its newest 300
      let big = null;
      for (let page = 1; page <= Math.ceil(first.total / 2000) && !big; page++) {
        big = (await get(baseUrl, r(`changelog?size=2000&page=${page}`))).body.changesets.find((c) => c.message.startsWith('large refactoring'));
      }
      if (!big) {
        let best = 0;
        const recent = (await get(baseUrl, r('changelog?size=300'))).body.changesets;
        for (const c of recent) {
          const n = (await get(baseUrl, r(`changesets/${c.rawId}`))).body.diff.affected.length;
          if (n > best) [best, big] = [n, c];
        }
      }
      const detail = (await get(baseUrl, r(`changesets/${big.rawId}`))).body;
      rows.push(await measure(name, `changeset with a large diff (${detail.diff.affected.length} files, cut off: ${detail.diff.truncated})`, () => get(baseUrl, r(`changesets/${big.rawId}`))));
      rows.push(await measure(name, 'same changeset, fulldiff=1', () => get(baseUrl, r(`changesets/${big.rawId}?fulldiff=1`))));

      rows.push(await measure(name, 'directory listing at tip with last changesets (root)', () => get(baseUrl, r('files'))));
      // the server remembers last changesets per changeset: a different revision each run shows the uncached cost
      const recentIds = first.changesets.map((c) => c.rawId);
      rows.push(await measure(name, 'directory listing with last changesets (root), another revision each run', (i) => get(baseUrl, r(`files?rev=${recentIds[i % recentIds.length]}`))));
      const sub = name.startsWith('bench') ? 'src/pkg3' : 'vcs/backends';
      rows.push(await measure(name, `directory listing with last changesets (${sub})`, () => get(baseUrl, r(`files?path=${sub}`))));
      rows.push(await measure(name, `directory listing with last changesets (${sub}), another revision each run`, (i) => get(baseUrl, r(`files?path=${sub}&rev=${recentIds[i % recentIds.length]}`))));
      const file = name.startsWith('bench') ? 'docs/history.txt' : 'vcs/nodes.py';
      rows.push(await measure(name, `file view (${file})`, () => get(baseUrl, r(`files?path=${file}`))));
    }

    const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ${database.type === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, load average ${loadavg()[0].toFixed(1)}`;
    console.log(`\n${machine}; ${RUNS} runs after ${WARMUP} warm-up calls (the first call reported apart); client-side wall time over HTTP\n`);
    console.log('| repository | call | response | first ms | p50 ms | p95 ms | max ms |');
    console.log('|---|---|---:|---:|---:|---:|---:|');
    for (const x of rows) console.log(`| ${x.repo} | ${x.label} | ${x.kb} KiB | ${x.first.toFixed(0)} | ${x.p50.toFixed(1)} | ${x.p95.toFixed(1)} | ${x.max.toFixed(0)} |`);
    await mkdir(resolve(here, '..', 'results'), { recursive: true });
    await writeFile(resolve(here, '..', 'results', `browse-${database.type}.json`), JSON.stringify({ machine, runs: RUNS, rows }, null, 2));
  } finally {
    await app?.close();
    await remove();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
