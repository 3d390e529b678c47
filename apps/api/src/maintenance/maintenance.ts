import { NestFactory } from '@nestjs/core';
import type { Logger } from 'pino';
import { DeletedEntry, VcsService, listDeletedEntries } from '@grove/vcs';
import { RepoScanResult } from '@grove/shared';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { createLogger } from '../common/logging/logger';
import type { GroveConfig } from '../config/config';
import { ScanProgress, RepoScanService } from '../repos/repo-scan.service';
import { User } from '../users/user.entity';

/** Runs `work` inside the application (services, database, VCS) without an HTTP server. */
export async function withApplication<T>(
  config: GroveConfig,
  work: (app: Awaited<ReturnType<typeof NestFactory.createApplicationContext>>) => Promise<T>,
  logger: Logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel),
): Promise<T> {
  // No SSH listener for one-off commands.
  const quiet: GroveConfig = { ...config, ssh: { ...config.ssh, enabled: false } };
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(quiet, logger), { logger: false, abortOnError: false });
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

/**
 * `grove repo-scan`: imports repositories found on disk. Imported repositories belong to
 * `owner` (default: the first super-admin).
 */
export async function scanRepositories(config: GroveConfig, options: { removeObsolete?: boolean; owner?: string; onProgress?: ScanProgress }): Promise<RepoScanResult> {
  return withApplication(config, async (app) => {
    const users = app.get(DataSource).getRepository(User);
    const owner = options.owner
      ? await users.findOne({ where: { username: options.owner, admin: true } })
      : await users.findOne({ where: { admin: true, active: true }, order: { id: 'ASC' } });
    if (!owner) throw new Error(options.owner ? `${options.owner} is not a super-admin` : 'There is no active super-admin to own the imported repositories');
    return app.get(RepoScanService).scan({ user: owner, ip: '127.0.0.1' }, options);
  });
}

/** Archived (`rm__…`) repositories and groups under the repositories root. */
export async function listDeleted(config: GroveConfig): Promise<DeletedEntry[]> {
  return withApplication(config, async (app) => listDeletedEntries(app.get(VcsService).reposRoot));
}

/** Removes archived entries for good. */
export async function purgeDeleted(config: GroveConfig, entries: DeletedEntry[], onProgress: (done: number, entry: DeletedEntry) => void): Promise<void> {
  await withApplication(config, async (app) => {
    const vcs = app.get(VcsService);
    let done = 0;
    for (const entry of entries) {
      await vcs.purge(entry.name);
      onProgress(++done, entry);
    }
  });
}
