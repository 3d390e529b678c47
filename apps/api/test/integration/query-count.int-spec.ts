import { DataSource } from 'typeorm';
import { createTestApp, TestApp } from './utils/create-test-app';
import { HttpClient } from './utils/http-client';
import { Seeder } from './utils/seed';

/** Counts SQL statements sent by the app while `work` runs (every statement passes the data source's logger). */
async function countQueries(db: DataSource, work: () => Promise<unknown>): Promise<number> {
  const logger = db.logger;
  const original = logger.logQuery.bind(logger);
  let count = 0;
  logger.logQuery = (...args: Parameters<typeof original>) => {
    count++;
    return original(...args);
  };
  try {
    await work();
  } finally {
    logger.logQuery = original;
  }
  return count;
}

describe('listings cost a constant number of queries (never one per row)', () => {
  let t: TestApp;
  let seed: Seeder;
  let db: DataSource;
  let viewer: { id: number; client: HttpClient };

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    seed = new Seeder(db);
    viewer = await t.user('viewer');
    await seed.group('g');
  });
  afterAll(() => t.close());

  async function addRepos(from: number, to: number) {
    for (let i = from; i < to; i++) {
      await seed.repo(`r${i}`, { owner: i % 2 ? 'admin' : 'viewer', private: i % 3 === 0 });
      await seed.repo(`g/r${i}`);
      if (i % 3 === 0) await seed.grantRepo('viewer', `r${i}`, 'repository.read');
    }
  }

  it.each([
    ['home page data', '/api/v1/browse'],
    ['group page data', '/api/v1/browse?group=g'],
    ['visible repositories', '/api/v1/repos?access=read&size=500'],
    ['administered repositories', '/api/v1/repos?size=500'],
    ['permission summary', '/api/v1/me/permissions'],
  ])('%s', async (_name, url) => {
    try {
      await addRepos(0, 3);
      await viewer.client.get(url); // warm the per-process caches (permission names)
      const small = await countQueries(db, () => viewer.client.get(url));
      await addRepos(3, 40);
      const large = await countQueries(db, () => viewer.client.get(url));
      expect(large).toBe(small);
      expect(small).toBeGreaterThan(0);
    } finally {
      await db.query('DELETE FROM repositories');
    }
  });
});
