import * as pg from 'pg';
import * as sqlite3 from 'sqlite3';
import { DataSource, DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { serializeSqliteTransactions } from './sqlite-transactions';

// Timestamps are stored as naive UTC in both databases. node-postgres would otherwise write and
// read `timestamp` values in the server process's local time zone.
pg.defaults.parseInputDatesAsUTC = true;
pg.types.setTypeParser(pg.types.builtins.TIMESTAMP, (value: string) => new Date(value.replace(' ', 'T') + 'Z'));

/** TypeORM options for the configured database; schema changes only through migrations. */
export function buildDataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  const common = { entities: ENTITIES, migrations: MIGRATIONS, synchronize: false, migrationsRun: false, logging: false } as const;
  if (database.type === 'postgres') {
    return { type: 'postgres', url: database.url, extra: { max: 10 }, ...common };
  }
  // WAL lets readers proceed while a request writes; the busy timeout queues concurrent writers.
  // TypeORM calls sqlite3.verbose(), whose long stack traces cost a captured stack per statement:
  // hand it a module whose verbose() is the plain one.
  return { type: 'sqlite', database: database.path, enableWAL: true, busyTimeout: 10000, driver: { verbose: () => sqlite3 }, ...common };
}

/** Opens a data source (not migrated); callers decide whether to run migrations. */
export async function openDataSource(database: DatabaseConfig): Promise<DataSource> {
  const dataSource = createDataSource(buildDataSourceOptions(database));
  await dataSource.initialize();
  return dataSource;
}

/** A data source whose transactions are safe to run concurrently on SQLite too. */
export function createDataSource(options: DataSourceOptions): DataSource {
  const dataSource = new DataSource(options);
  serializeSqliteTransactions(dataSource);
  return dataSource;
}
