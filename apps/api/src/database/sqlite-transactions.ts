import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * TypeORM's sqlite driver runs every query on one connection through one shared query runner, so
 * two concurrent `transaction()` calls interleave BEGIN / SAVEPOINT / COMMIT and break each other
 * (one commits the other's half-done work, the other fails with TransactionNotStartedError). On
 * SQLite, transactions of the data source therefore run one at a time; a transaction opened while
 * one is running in the same async flow joins it as a savepoint, as before. PostgreSQL is left alone.
 */
export function serializeSqliteTransactions(dataSource: DataSource): void {
  if (dataSource.options.type !== 'sqlite') return;
  const manager = dataSource.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  const inside = new AsyncLocalStorage<boolean>();
  let tail: Promise<unknown> = Promise.resolve();
  manager.transaction = ((...args: unknown[]) => {
    if (inside.getStore()) return transaction(...args);
    const run = tail.then(() => inside.run(true, () => transaction(...args)));
    tail = run.catch(() => undefined);
    return run;
  }) as EntityManager['transaction'];
}
