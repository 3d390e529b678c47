// Issue 4 benchmark: what a non-admin user may see, with 10k repositories, 1k users, 200 user groups
// and 500 repository groups. Seeds rows directly (fixed seed), boots the real server in-process and
// measures the home page data, a group page, and the paginated list of visible repositories.
//   pnpm nx run-many -t build --projects api && node bench/access/listing.mjs [--requests 200]
// DATABASE_URL=postgres://… runs it on a fresh PostgreSQL database on that server.
import { createRequire } from 'node:module';
import { mulberry32 } from '../lib/random.mjs';
import { tempInstallation } from '../lib/installation.mjs';

const require = createRequire(import.meta.url);
const api = require('@grove/api');
const pg = require('pg');

const requestsFlag = process.argv.indexOf('--requests');
const REQUESTS = requestsFlag > 0 ? Number(process.argv[requestsFlag + 1]) : 200;
if (!Number.isInteger(REQUESTS) || REQUESTS < 1) throw new Error('--requests needs a positive whole number');
const COUNTS = { repos: 10_000, users: 1_000, userGroups: 200, repoGroups: 500 };

const random = mulberry32(42);
const pick = (n) => Math.floor(random() * n);

async function main() {
  const { config, remove } = await tempInstallation(api, pg.Client, 'grove-bench-access-');
  await api.setupInstallation(config, { admin: { username: 'admin', password: 'bench-pass', email: 'admin@example.com' }, reuse: true });

  const ds = await api.openDataSource(config.database);
  const isPg = config.database.type === 'postgres';
  const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
  const insert = async (table, columns, rows) => {
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      let n = 0;
      const values = chunk.map((row) => `(${row.map(() => (isPg ? `$${++n}` : '?')).join(',')})`).join(',');
      await ds.query(`INSERT INTO ${table} (${columns.join(',')}) VALUES ${values}`, chunk.flat());
    }
  };
  const ids = async (sql) => (await ds.query(sql)).map((r) => Number(r.id));
  const perm = Object.fromEntries((await ds.query('SELECT permission_id AS id, permission_name AS name FROM permissions')).map((r) => [r.name, Number(r.id)]));
  const defaultUserId = (await ds.query("SELECT user_id AS id FROM users WHERE username = 'default'"))[0].id;
  const adminId = (await ds.query("SELECT user_id AS id FROM users WHERE username = 'admin'"))[0].id;

  const started = Date.now();
  await insert('users', ['username', 'password', 'active', 'admin', 'firstname', 'lastname', 'email', 'api_key', 'created_on'],
    Array.from({ length: COUNTS.users }, (_, i) => [`user${i}`, '', true, false, 'User', String(i), `user${i}@example.com`, `${String(i).padStart(8, '0')}${'b'.repeat(32)}`, now]));
  const userIds = await ids("SELECT user_id AS id FROM users WHERE username LIKE 'user%' ORDER BY user_id");
  const viewerId = userIds[0];
  await ds.query(`UPDATE users SET api_key = '${'v'.repeat(40)}' WHERE user_id = ${viewerId}`);

  await insert('users_groups', ['users_group_name', 'user_group_description', 'users_group_active', 'user_id', 'created_on'],
    Array.from({ length: COUNTS.userGroups }, (_, i) => [`team${i}`, '', true, adminId, now]));
  const userGroupIds = await ids('SELECT users_group_id AS id FROM users_groups ORDER BY users_group_id');
  const members = [];
  for (const g of userGroupIds) for (let k = 0; k < 10; k++) members.push([g, userIds[pick(userIds.length)]]);
  for (let k = 0; k < 5; k++) members.push([userGroupIds[k], viewerId]); // the viewer is in five groups
  await insert('users_groups_members', ['users_group_id', 'user_id'], [...new Map(members.map((m) => [m.join(':'), m])).values()]);

  // 100 top-level repository groups with 4 sub-groups each
  await insert('groups', ['group_name', 'group_parent_id', 'group_description', 'user_id', 'created_on'], Array.from({ length: 100 }, (_, i) => [`grp${i}`, null, '', adminId, now]));
  const topGroups = await ids('SELECT group_id AS id FROM groups ORDER BY group_id');
  const subRows = [];
  topGroups.forEach((id, i) => { for (let k = 0; k < 4; k++) subRows.push([`grp${i}/sub${k}`, id, '', adminId, now]); });
  await insert('groups', ['group_name', 'group_parent_id', 'group_description', 'user_id', 'created_on'], subRows);
  const groups = await ds.query('SELECT group_id AS id, group_name AS name FROM groups ORDER BY group_id');
  await insert('user_repo_group_to_perm', ['user_id', 'group_id', 'permission_id'], groups.map((g) => [defaultUserId, g.id, perm[g.id % 10 === 0 ? 'group.none' : 'group.read']]));

  // 2,000 top-level repositories, 8,000 spread over the groups; 20 % private
  const repoRows = [];
  for (let i = 0; i < COUNTS.repos; i++) {
    const group = i < 2000 ? null : groups[i % groups.length];
    repoRows.push([group ? `${group.name}/repo${i}` : `repo${i}`, i % 2 ? 'git' : 'hg', userIds[pick(userIds.length)], i % 5 === 0, `Repository ${i}`, now, now, group ? group.id : null, 'repo_state_created', 'rev:tip']);
  }
  await insert('repositories', ['repo_name', 'repo_type', 'user_id', 'private', 'description', 'created_on', 'updated_on', 'group_id', 'repo_state', 'landing_revision'], repoRows);
  const repos = await ds.query('SELECT repo_id AS id, private FROM repositories ORDER BY repo_id');
  await insert('repo_to_perm', ['user_id', 'permission_id', 'repository_id'], repos.map((r) => [defaultUserId, perm[r.private ? 'repository.none' : 'repository.read'], r.id]));
  const userEntries = new Map();
  for (let k = 0; k < 20_000; k++) {
    const r = repos[pick(repos.length)].id;
    const u = userIds[pick(userIds.length)];
    userEntries.set(`${u}:${r}`, [u, perm[['repository.read', 'repository.write', 'repository.admin'][pick(3)]], r]);
  }
  await insert('repo_to_perm', ['user_id', 'permission_id', 'repository_id'], [...userEntries.values()]);
  const groupEntries = new Map();
  for (let k = 0; k < 5_000; k++) {
    const r = repos[pick(repos.length)].id;
    const g = userGroupIds[pick(userGroupIds.length)];
    groupEntries.set(`${g}:${r}`, [g, perm[['repository.read', 'repository.write'][pick(2)]], r]);
  }
  await insert('users_group_repo_to_perm', ['users_group_id', 'permission_id', 'repository_id'], [...groupEntries.values()]);
  await ds.destroy();
  const seeded = (Date.now() - started) / 1000;

  const app = await api.createGroveApp(config, api.createLogger('silent'));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const baseUrl = `http://127.0.0.1:${app.getHttpServer().address().port}`;
  const headers = { authorization: `Bearer ${'v'.repeat(40)}` };
  const measure = async (label, url) => {
    for (let i = 0; i < 10; i++) await fetch(baseUrl + url, { headers }).then((r) => r.text());
    const times = [];
    let body;
    for (let i = 0; i < REQUESTS; i++) {
      const t0 = performance.now();
      const res = await fetch(baseUrl + url, { headers });
      body = await res.json();
      times.push(performance.now() - t0);
      if (!res.ok) throw new Error(`${url}: ${res.status} ${JSON.stringify(body)}`);
    }
    times.sort((a, b) => a - b);
    const q = (p) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))].toFixed(1);
    const total = body.repositories?.total ?? body.total;
    console.log(`| ${label} | ${total} visible | ${q(50)} ms | ${q(95)} ms |`);
  };
  console.log(`\nDatabase: ${config.database.type}; seeded ${COUNTS.repos} repositories, ${COUNTS.users} users, ${COUNTS.userGroups} user groups, ${groups.length} repository groups in ${seeded.toFixed(1)} s; ${REQUESTS} sequential requests each, non-admin viewer in 5 user groups.\n`);
  console.log('| request | result | p50 | p95 |\n| --- | --- | --- | --- |');
  await measure('home page data `GET /api/v1/browse`', '/api/v1/browse');
  await measure('group page data `GET /api/v1/browse?group=grp7`', '/api/v1/browse?group=grp7');
  await measure('visible repositories, page of 100 `GET /api/v1/repos?access=read&size=100`', '/api/v1/repos?access=read&size=100');
  await app.close();
  await remove();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
