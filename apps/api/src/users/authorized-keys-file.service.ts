import * as path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { LOGGER } from '../common/logging/logger.token';
import type { GroveConfig } from '../config/config';
import { GROVE_CONFIG } from '../config/config.token';
import { writeAuthorizedKeys } from './authorized-keys-file';

/**
 * Keeps `GROVE_SSH_AUTHORIZED_KEYS_FILE` current for sites that use the system sshd: rewritten
 * after every SSH key added or deleted and every user deactivated, reactivated or deleted.
 * Rewrites run one at a time; changes made during one are covered by one more. A failure (e.g. a
 * file Grove did not write) is logged and never fails the change that triggered it.
 */
@Injectable()
export class AuthorizedKeysFileService {
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(GROVE_CONFIG) private readonly config: GroveConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Rewrites the file (when configured) once the current rewrite, if any, is done. */
  refresh(): Promise<void> {
    const file = this.config.ssh.authorizedKeysFile;
    if (!file) return Promise.resolve();
    if (this.queued) return this.queued;
    const after = this.running ?? Promise.resolve();
    const next = after.then(() => {
      this.queued = null;
      return this.write(file);
    });
    this.queued = next;
    this.running = next;
    void next.then(() => {
      if (this.running === next) this.running = null;
    });
    return next;
  }

  private async write(file: string): Promise<void> {
    try {
      const count = await writeAuthorizedKeys(this.dataSource.manager, {
        file,
        // `grove serve` runs as this node and script, like `grove ssh-update-authorized-keys`
        command: this.config.ssh.authorizedKeysCommand ?? `${process.execPath} ${path.resolve(process.argv[1] ?? 'grove')}`,
        dataDirArgument: ` --data-dir ${this.config.dataDir}`,
      });
      this.logger.info({ file, keys: count }, 'authorized_keys rewritten');
    } catch (err) {
      this.logger.error({ err, file }, 'authorized_keys not rewritten');
    }
  }
}
