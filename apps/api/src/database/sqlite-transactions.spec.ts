import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as sqlite3 from 'sqlite3';
import { DataSource } from 'typeorm';
import { serializeSqliteTransactions } from './sqlite-transactions';

/** A real SQLite file, as the server uses it (WAL, one connection, TypeORM's shared query runner). */
async function open(dir: string, serialized: boolean): Promise<DataSource> {
  const ds = new DataSource({ type: 'sqlite', database: path.join(dir, 'test.sqlite'), enableWAL: true, driver: { verbose: () => sqlite3 } });
  if (serialized) serializeSqliteTransactions(ds);
  await ds.initialize();
  await ds.query('CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, worker INTEGER NOT NULL)');
  return ds;
}

/** Twenty concurrent transactions, each inserting three rows with awaits in between; every fourth fails at the end. */
async function race(ds: DataSource): Promise<{ failures: unknown[]; rows: number; perWorker: Map<number, number> }> {
  const failures: unknown[] = [];
  await Promise.all(
    Array.from({ length: 20 }, (_, worker) =>
      ds
        .transaction(async (m) => {
          for (let i = 0; i < 3; i++) {
            await m.query('INSERT INTO t (worker) VALUES (?)', [worker]);
            await new Promise((resolve) => setTimeout(resolve, 1));
          }
          if (worker % 4 === 0) throw new Error(`worker ${worker} gives up`);
        })
        .catch((error: Error) => {
          if (!/gives up/.test(error.message)) failures.push(error);
        }),
    ),
  );
  const rows = (await ds.query('SELECT worker, COUNT(*) AS n FROM t GROUP BY worker')) as { worker: number; n: number }[];
  return { failures, rows: rows.reduce((sum, r) => sum + Number(r.n), 0), perWorker: new Map(rows.map((r) => [Number(r.worker), Number(r.n)])) };
}

describe('concurrent transactions on SQLite', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'grove-sqlite-tx-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('commit or roll back each as a whole once serialized', async () => {
    const ds = await open(dir, true);
    try {
      const { failures, rows, perWorker } = await race(ds);
      expect(failures).toEqual([]);
      expect(rows).toBe(15 * 3);
      for (let worker = 0; worker < 20; worker++) expect(perWorker.get(worker) ?? 0).toBe(worker % 4 === 0 ? 0 : 3);
      // a transaction inside a transaction joins it instead of waiting for itself
      await ds.transaction(async () => ds.transaction(async (inner) => inner.query('INSERT INTO t (worker) VALUES (99)')));
      expect(Number((await ds.query('SELECT COUNT(*) AS n FROM t WHERE worker = 99'))[0].n)).toBe(1);
    } finally {
      await ds.destroy();
    }
  });

  it("interleave and corrupt each other without it (TypeORM's shared query runner)", async () => {
    const ds = await open(dir, false);
    try {
      const { failures, perWorker } = await race(ds);
      const wrong = [...Array(20).keys()].filter((worker) => (perWorker.get(worker) ?? 0) !== (worker % 4 === 0 ? 0 : 3));
      // the hazard the wrapper exists for: errors, or rolled-back work that stayed, or committed work that vanished
      expect(failures.length + wrong.length).toBeGreaterThan(0);
    } finally {
      await ds.destroy();
    }
  });
});
