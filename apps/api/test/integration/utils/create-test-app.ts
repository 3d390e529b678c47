import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createGroveApp } from '../../../src/bootstrap';
import { GroveConfig, loadConfig, prepareDataDir } from '../../../src/config/config';
import { setupInstallation } from '../../../src/setup/setup-installation';
import { createLogger } from '../../../src/common/logging/logger';
import { dropTestDatabase, testDatabase } from './test-database';
import { HttpClient } from './http-client';

export const ADMIN = { username: 'admin', password: 'admin-password-1', email: 'admin@example.com', apiKey: 'a'.repeat(8) + '0123456789abcdef0123456789abcdef' };

export interface TestApp {
  app: NestFastifyApplication;
  config: GroveConfig;
  baseUrl: string;
  /** the repositories root on disk */
  reposRoot: string;
  /** a client with its own cookie jar */
  client(): HttpClient;
  /** a client authenticated as the super-admin by API key */
  admin(): HttpClient;
  /** creates a user (via the API) and returns its id and a client authenticated by its API key */
  user(username: string, extra?: Record<string, unknown>): Promise<{ id: number; client: HttpClient; apiKey: string }>;
  close(): Promise<void>;
}

/**
 * Boots the real server on a fresh installation (SQLite, or PostgreSQL when DATABASE_URL is
 * set) listening on a free loopback port. `env` overrides configuration variables.
 */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'grove-it-'));
  const database = testDatabase(dataDir);
  const base = loadConfig({ GROVE_DATA_DIR: dataDir, GROVE_LOG_LEVEL: 'silent', GROVE_PORT: '0', GROVE_SSH_PORT: '0', ...env });
  const config = await prepareDataDir({ ...base, database });
  await setupInstallation(config, { admin: ADMIN, reuse: true });
  const app = await createGroveApp(config, createLogger(config.logLevel));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  return {
    app,
    config,
    baseUrl,
    reposRoot: path.join(dataDir, 'repos'),
    client: () => new HttpClient(baseUrl),
    admin: () => new HttpClient(baseUrl, ADMIN.apiKey),
    async user(username: string, extra: Record<string, unknown> = {}) {
      const admin = new HttpClient(baseUrl, ADMIN.apiKey);
      const created = await admin.post('/api/v1/users', { username, password: `pw-${username}-1`, email: `${username}@example.com`, ...extra });
      if (created.status !== 201) throw new Error(`creating ${username}: ${created.status} ${created.text}`);
      const keys = await admin.get(`/api/v1/users/${created.body.id}/api-keys`);
      const apiKey = keys.body.apiKeys[0].apiKey as string;
      return { id: created.body.id as number, apiKey, client: new HttpClient(baseUrl, apiKey) };
    },
    async close() {
      await app.close();
      await dropTestDatabase(database);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
