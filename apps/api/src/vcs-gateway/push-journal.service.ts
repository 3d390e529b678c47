import { BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { VcsService, type PushChanges, type PushSnapshot } from '@grove/vcs';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { LOGGER } from '../common/logging/logger.token';
import { CustomHooksService } from '../custom-hooks/custom-hooks.service';
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
  /** journal a `pull` when the session changed nothing (an hg SSH session may do either) */
  pullIfUnchanged?: boolean;
}

/**
 * Grove's bookkeeping around pushes and pulls. A per-repository push lock is held from the
 * snapshot before a push to the snapshot after it (each cheap: one `for-each-ref`, or hg's store
 * files), so every push's changes are attributed to it; the rest — listing the new changesets,
 * the journal (`push:<ids>`, `pull`), the tip cache, the in-process "pushed" event and the
 * custom hooks — runs after the client has its answer (`settled()` waits for it).
 */
@Injectable()
export class PushJournalService implements BeforeApplicationShutdown {
  private readonly locks = new Map<number, Promise<unknown>>();
  private readonly pending = new Set<Promise<void>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly vcs: VcsService,
    private readonly repos: ReposService,
    private readonly journal: JournalService,
    private readonly events: RepositoryEventsService,
    private readonly customHooks: CustomHooksService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Runs `serve` (one push) under the repository's push lock, then records what changed. */
  async push<T>(ctx: PushContext, serve: () => Promise<T>): Promise<T> {
    let snapshots: [PushSnapshot, PushSnapshot] | undefined;
    let booked!: () => void;
    // Counted from the start, so `settled()` also waits for pushes still being served.
    this.track(new Promise<void>((resolve) => (booked = resolve)));
    try {
      return await this.exclusive(ctx.repo.id, async () => {
        const before = await this.vcs.pushSnapshot(ctx.repo.name);
        try {
          return await serve();
        } finally {
          snapshots = [before, await this.vcs.pushSnapshot(ctx.repo.name)];
        }
      });
    } finally {
      const work = snapshots ? this.afterPush(ctx, ...snapshots) : Promise.resolve(null);
      void work.then(booked, booked);
      this.track(work);
    }
  }

  /** A graceful shutdown finishes the bookkeeping of pushes already served (before the database closes). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.settled();
  }

  /** Resolves once every push recorded so far is fully booked (journal, caches, event, hooks). */
  async settled(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  private track(work: Promise<unknown>): void {
    const p: Promise<void> = work.then(
      () => undefined,
      (err: unknown) => this.logger.error({ err }, 'push bookkeeping failed'),
    );
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p));
  }

  /** Journals a pull (user = `default` for anonymous clients). */
  async pull(repo: Repository, user: User, ip: string): Promise<void> {
    await this.journal.record({ user, action: 'pull', repository: repo, ip });
  }

  private async afterPush(ctx: PushContext, before: PushSnapshot, after: PushSnapshot): Promise<PushChanges | null> {
    const changes = await this.vcs.pushChanges(ctx.repo.name, before, after);
    if (!changes.changesets.length && !changes.refs.length && !changes.phases.length && !ctx.created) {
      if (ctx.pullIfUnchanged) await this.pull(ctx.repo, ctx.user, ctx.ip);
      return null;
    }
    const { changesetCache, tipDate } = await this.repos.tipCache(ctx.repo.name);
    // Two single statements rather than a transaction: this runs beside other requests, and on
    // SQLite TypeORM's transactions share one connection and must not interleave.
    await this.dataSource.manager.update(Repository, { id: ctx.repo.id }, { changesetCache, ...(tipDate && { updatedOn: tipDate }) });
    if (changes.changesets.length || changes.refs.length) {
      await this.journal.record({ user: ctx.user, action: 'push', parameter: changes.changesets.map((c) => c.rawId).join(','), repository: ctx.repo, ip: ctx.ip });
    }
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
    // Then the custom hooks of the settings (both VCS types), like Kallithea's hg `[hooks]`.
    await this.customHooks.runAfterPush({
      repository: { name: ctx.repo.name, type: ctx.repo.type },
      username: ctx.user.username,
      ip: ctx.ip,
      channel: ctx.channel,
      changes,
    });
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
