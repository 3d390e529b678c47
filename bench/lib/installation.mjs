// A throwaway Grove installation for one benchmark run: a temp data directory with SQLite, or a
// fresh PostgreSQL database on the server DATABASE_URL names; `remove()` drops both.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** `api` is the built `@grove/api`, `Client` node-postgres's (both resolved by the caller from apps/api). */
export async function tempInstallation(api, Client, prefix) {
  const dataDir = await mkdtemp(join(tmpdir(), prefix));
  let database = { type: 'sqlite', path: join(dataDir, 'grove.sqlite') };
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/grove_bench_${randomBytes(5).toString('hex')}`;
    database = { type: 'postgres', url: url.toString() };
  }
  const config = await api.prepareDataDir({ ...api.loadConfig({ GROVE_DATA_DIR: dataDir, GROVE_LOG_LEVEL: 'silent', GROVE_PORT: '0' }), database });
  return {
    dataDir,
    database,
    config,
    async remove() {
      if (database.type === 'postgres') {
        const admin = new URL(database.url);
        admin.pathname = '/postgres';
        const client = new Client({ connectionString: admin.toString() });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS "${new URL(database.url).pathname.slice(1)}" WITH (FORCE)`);
        await client.end();
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
