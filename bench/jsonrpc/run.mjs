#!/usr/bin/env node
// JSON-RPC benchmarks over real HTTP against the built server (apps/api/dist):
//  - get_repos on an installation with 10 000 repositories (admin, and a regular user whose
//    listing goes through the permission calculator), rows written with SQL in a fixed pattern;
//  - get_changesets of 100 on the 20 000-commit git and hg repositories of bench/vcs/generate.mjs
//    (libs/vcs benchmark data, fixed seed), imported with rescan_repos.
//
//   pnpm nx run api:build && node bench/vcs/generate.mjs && node bench/jsonrpc/run.mjs
//   RUNS=21 DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/jsonrpc/run.mjs
//
// Prints a Markdown table and writes bench/results/jsonrpc.json.
import { existsSync } from 'node:fs';
import { cp, mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../lib/random.mjs';
import { tempInstallation } from '../lib/installation.mjs';

const here = dirname(fileURLToPath(import.meta.url));
// The benchmark measures the built server, exactly what `grove serve` runs (build it first).
const requireFromApi = createRequire(resolve(here, '..', '..', 'apps', 'api', 'package.json'));
const api = requireFromApi('./dist/index.js');
const { Client } = requireFromApi('pg');

const RUNS = Number(process.env.RUNS ?? 11);
const WARMUP = 2;
const REPOSITORIES = Number(process.env.REPOSITORIES ?? 10_000);
const GROUPS = 100;
const VCS_DATA = resolve(here, '..', '.data', 'repos');
const ADMIN_KEY = 'b'.repeat(24) + '0123456789abcdef';


const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function rpc(baseUrl, apiKey, method, args) {
  const started = performance.now();
  const res = await fetch(`${baseUrl}/_admin/api`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 1, api_key: apiKey, method, args }) });
  const text = await res.text();
  const ms = performance.now() - started;
  const body = JSON.parse(text);
  if (body.error) throw new Error(`${method}: ${body.error}`);
  return { ms, bytes: Buffer.byteLength(text), result: body.result };
}

/** Writes the repositories, their groups and permission entries with SQL, in chunks. */
async function seed(config) {
  const ds = await api.openDataSource(config.database);
  try {
    const meta = (table) => ds.entityMetadatas.find((m) => m.tableName === table).target;
    const insert = async (table, rows, chunk = 200) => {
      const ids = [];
      for (let i = 0; i < rows.length; i += chunk) {
        const result = await ds.createQueryBuilder().insert().into(meta(table)).values(rows.slice(i, i + chunk)).execute();
        ids.push(...result.identifiers.map((x) => x.id));
      }
      return ids;
    };
    const userId = async (name) => (await ds.query(`SELECT user_id FROM users WHERE username = '${name}'`))[0].user_id;
    const permissionIds = new Map((await ds.query('SELECT permission_id, permission_name FROM permissions')).map((r) => [r.permission_name, r.permission_id]));
    const adminId = await userId('admin');
    const defaultId = await userId('default');
    const now = new Date();
    const random = mulberry32(20240611);

    const [readerId] = await insert('users', [
      { username: 'reader', password: '', active: true, admin: false, firstname: 'Re', lastname: 'Ader', email: 'reader@example.com', apiKey: 'r'.repeat(24) + '0123456789abcdef', externType: 'internal', createdOn: now },
    ]);
    const [teamId] = await insert('users_groups', [{ name: 'bench-team', description: '', active: true, ownerId: adminId, createdOn: now }]);
    await insert('users_groups_members', [{ userGroupId: teamId, userId: readerId }]);

    const groupIds = await insert(
      'groups',
      Array.from({ length: GROUPS }, (_, g) => ({ name: `area-${String(g).padStart(3, '0')}`, parentId: null, description: '', ownerId: adminId, createdOn: now })),
    );
    await insert('user_repo_group_to_perm', groupIds.map((groupId) => ({ userId: defaultId, groupId, permissionId: permissionIds.get('group.read') })));

    const repos = Array.from({ length: REPOSITORIES }, (_, i) => {
      const g = i % GROUPS;
      const revision = Math.floor(random() * 5000);
      const rawId = randomHex(random);
      return {
        name: `area-${String(g).padStart(3, '0')}/repo-${String(i).padStart(5, '0')}`,
        type: i % 3 === 0 ? 'hg' : 'git',
        ownerId: adminId,
        private: i % 10 === 0,
        description: `Repository ${i} of the benchmark`,
        groupId: groupIds[g],
        state: 'repo_state_created',
        landingRevision: 'rev:tip',
        enableStatistics: false,
        enableDownloads: i % 2 === 0,
        createdOn: now,
        updatedOn: now,
        changesetCache: JSON.stringify({ raw_id: rawId, short_id: rawId.slice(0, 12), revision, message: `change ${revision}`, date: new Date(Date.UTC(2020, 0, 1) + revision * 3_600_000).toISOString(), author: 'Bench Author <bench@example.com>' }),
        forkId: null,
        cloneUri: null,
      };
    });
    const repoIds = await insert('repositories', repos, 100);
    // every repository has its default entry (private ones: none); the reader gets explicit and group entries on some
    await insert('repo_to_perm', repoIds.map((repositoryId, i) => ({ userId: defaultId, repositoryId, permissionId: permissionIds.get(repos[i].private ? 'repository.none' : 'repository.read') })));
    await insert('repo_to_perm', repoIds.filter((_, i) => i % 50 === 0).map((repositoryId) => ({ userId: readerId, repositoryId, permissionId: permissionIds.get('repository.write') })));
    await insert('users_group_repo_to_perm', repoIds.filter((_, i) => i % 20 === 5).map((repositoryId) => ({ userGroupId: teamId, repositoryId, permissionId: permissionIds.get('repository.read') })));
    return { readerKey: 'r'.repeat(24) + '0123456789abcdef' };
  } finally {
    await ds.destroy();
  }
}

function randomHex(random) {
  let out = '';
  for (let i = 0; i < 40; i++) out += Math.floor(random() * 16).toString(16);
  return out;
}

async function measure(label, fn) {
  // the first call pays for cold caches (git's revision index, hg's command server, the database's pages)
  const first = (await fn()).ms;
  for (let i = 1; i < WARMUP; i++) await fn();
  const times = [];
  let bytes = 0;
  let items = 0;
  for (let i = 0; i < RUNS; i++) {
    const { ms, bytes: b, result } = await fn();
    times.push(ms);
    bytes = b;
    items = Array.isArray(result) ? result.length : 1;
  }
  const row = { label, items, kb: Math.round(bytes / 1024), first, median: median(times), min: Math.min(...times), max: Math.max(...times) };
  console.error(`  ${label}: median ${row.median.toFixed(1)} ms`);
  return row;
}

async function main() {
  for (const type of ['git', 'hg']) {
    if (!existsSync(join(VCS_DATA, `bench-${type}`))) throw new Error(`${join(VCS_DATA, `bench-${type}`)} is missing: run node bench/vcs/generate.mjs first (branch vcs)`);
  }
  const { dataDir, database, config, remove } = await tempInstallation(api, Client, 'grove-bench-rpc-');
  let app;
  try {
    console.error(`Setting up ${REPOSITORIES} repositories (${database.type})…`);
    await api.setupInstallation(config, { admin: { username: 'admin', password: 'bench-password-1', email: 'admin@example.com', apiKey: ADMIN_KEY } });
    let t = performance.now();
    const { readerKey } = await seed(config);
    const seedSeconds = (performance.now() - t) / 1000;
    const reposRoot = join(dataDir, 'repos');
    await mkdir(reposRoot, { recursive: true });
    for (const type of ['git', 'hg']) await cp(join(VCS_DATA, `bench-${type}`), join(reposRoot, `bench-${type}`), { recursive: true });

    app = await api.createGroveApp(config, api.createLogger('silent'));
    await app.listen({ host: '127.0.0.1', port: 0 });
    const baseUrl = `http://127.0.0.1:${app.getHttpServer().address().port}`;
    t = performance.now();
    const scan = await rpc(baseUrl, ADMIN_KEY, 'rescan_repos', {});
    console.error(`  rescan_repos imported ${scan.result.added.join(', ')} in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const rows = [];
    rows.push(await measure(`get_repos, admin (${REPOSITORIES + 2} repositories)`, () => rpc(baseUrl, ADMIN_KEY, 'get_repos', {})));
    rows.push(await measure('get_repos, regular user (permission-filtered)', () => rpc(baseUrl, readerKey, 'get_repos', {})));
    for (const type of ['git', 'hg']) {
      const repoid = `bench-${type}`;
      const total = (await rpc(baseUrl, ADMIN_KEY, 'get_changesets', { repoid, max_revisions: 1 })).result[0].revision + 1;
      rows.push(await measure(`get_changesets ${type} (${total} commits), newest 100`, () => rpc(baseUrl, ADMIN_KEY, 'get_changesets', { repoid, max_revisions: 100 })));
      rows.push(await measure(`get_changesets ${type}, start 10000 end 10099`, () => rpc(baseUrl, ADMIN_KEY, 'get_changesets', { repoid, start: 10000, end: 10099 })));
      rows.push(
        await measure(`get_changesets ${type}, newest 100 with_file_list`, () => rpc(baseUrl, ADMIN_KEY, 'get_changesets', { repoid, max_revisions: 100, with_file_list: true })),
      );
    }

    const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ${database.type === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`;
    console.log(`\n${machine}; ${RUNS} runs after ${WARMUP} warm-up calls (the first one reported apart), client-side wall time over HTTP; seeding ${REPOSITORIES} repositories took ${seedSeconds.toFixed(1)} s\n`);
    console.log('| call | items | response | first call ms | median ms | min ms | max ms |');
    console.log('|---|---:|---:|---:|---:|---:|---:|');
    for (const r of rows) console.log(`| ${r.label} | ${r.items} | ${r.kb} KiB | ${r.first.toFixed(1)} | ${r.median.toFixed(1)} | ${r.min.toFixed(1)} | ${r.max.toFixed(1)} |`);
    await mkdir(resolve(here, '..', 'results'), { recursive: true });
    await writeFile(resolve(here, '..', 'results', `jsonrpc-${database.type}.json`), JSON.stringify({ machine, runs: RUNS, repositories: REPOSITORIES, rows }, null, 2));
  } finally {
    await app?.close();
    await remove();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
