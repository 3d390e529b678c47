import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { VcsService, type PushChanges, type PushSnapshot } from '@grove/vcs';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { LOGGER } from '../common/logging/logger.token';
import { JournalService } from '../journal/journal.service';
import { Repository } from '../repos/repository.entity';
import { ReposService } from '../repos/repos.service';
import type { User } from '../users/user.entity';
import { RepositoryEventsService } from './repository-events.service';

export interface PushContext {
  repo: Repository;
  user: User;
  ip: string;
  channel: 'http' | 'ssh';
  created: boolean;
}

/**
 * Grove's bookkeeping around pushes and pulls: a per-repository push lock (so each push's changes
 * are attributed to it), refs/revisions before and after, the journal (`push:<ids>`, `pull`),
 * the tip cache, then the in-process "pushed" event.
 */
@Injectable()
export class PushJournalService {
  private readonly locks = new Map<number, Promise<unknown>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly vcs: VcsService,
    private readonly repos: ReposService,
    private readonly journal: JournalService,
    private readonly events: RepositoryEventsService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Runs `serve` (one push) with the repository's push lock held and records what changed.
   * `serve` calls `record` before it ends its response, so a client that sees the push complete
   * also sees the journal; if it never does, recording happens when `serve` returns. Bookkeeping
   * failures are logged: the push itself already happened.
   */
  async push<T>(ctx: PushContext, serve: (record: () => Promise<boolean>) => Promise<T>): Promise<T> {
    return this.exclusive(ctx.repo.id, async () => {
      const before = await this.vcs.pushSnapshot(ctx.repo.name);
      let recorded: Promise<boolean> | undefined;
      /** Records the push; resolves to whether anything changed. */
      const record = () =>
        (recorded ??= this.afterPush(ctx, before).then(
          (changes) => changes !== null,
          (err: unknown) => {
            this.logger.error({ err, repository: ctx.repo.name }, 'push bookkeeping failed');
            return true;
          },
        ));
      try {
        return await serve(record);
      } finally {
        await record();
      }
    });
  }

  /** Journals a pull (user = `default` for anonymous clients). */
  async pull(repo: Repository, user: User, ip: string): Promise<void> {
    await this.journal.record({ user, action: 'pull', repository: repo, ip });
  }

  private async afterPush(ctx: PushContext, before: PushSnapshot): Promise<PushChanges | null> {
    const changes = await this.vcs.pushChanges(ctx.repo.name, before);
    if (!changes.changesets.length && !changes.refs.length && !changes.phases.length && !ctx.created) return null;
    const { changesetCache, tipDate } = await this.repos.tipCache(ctx.repo.name);
    await this.dataSource.transaction(async (m) => {
      await m.update(Repository, { id: ctx.repo.id }, { changesetCache, ...(tipDate && { updatedOn: tipDate }) });
      if (changes.changesets.length || changes.refs.length) {
        await this.journal.record({ user: ctx.user, action: 'push', parameter: changes.changesets.map((c) => c.rawId).join(','), repository: ctx.repo, ip: ctx.ip }, m);
      }
    });
    await this.events.emitPushed({
      repository: { id: ctx.repo.id, name: ctx.repo.name, type: ctx.repo.type },
      user: { id: ctx.user.id, username: ctx.user.username },
      ip: ctx.ip,
      channel: ctx.channel,
      created: ctx.created,
      changes,
    });
    // Site hooks come last: Grove's journal and caches never wait on them failing.
    if (ctx.repo.type === 'git' && changes.refs.length) {
      const hook = await this.vcs.runGitCustomHook(ctx.repo.name, changes.refs);
      if (hook && hook.exitCode !== 0) this.logger.warn({ repository: ctx.repo.name, exitCode: hook.exitCode, output: hook.output }, 'post-receive-custom hook failed');
    }
    return changes;
  }

  private async exclusive<T>(key: number, fn: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(key) ?? Promise.resolve();
    const run = previous.then(fn, fn);
    const tail = run.catch(() => undefined);
    this.locks.set(key, tail);
    void tail.then(() => {
      if (this.locks.get(key) === tail) this.locks.delete(key);
    });
    return run;
  }
}
