import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DatabaseConfig } from '../../../src/config/config';

/**
 * Where integration tests put their data: SQLite in the test's temp dir, or — when DATABASE_URL
 * is set (CI's PostgreSQL run) — a fresh database per app on that server, dropped afterwards.
 */
export function testDatabase(dataDir: string): DatabaseConfig {
  const base = process.env['DATABASE_URL'];
  if (!base) return { type: 'sqlite', path: `${dataDir}/grove.sqlite` };
  const url = new URL(base);
  url.pathname = `/grove_test_${randomBytes(6).toString('hex')}`;
  return { type: 'postgres', url: url.toString() };
}

export async function dropTestDatabase(database: DatabaseConfig): Promise<void> {
  if (database.type !== 'postgres') return;
  const url = new URL(database.url);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
