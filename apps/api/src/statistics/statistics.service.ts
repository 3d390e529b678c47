import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RepoStatistics, RepoStatisticsQuery } from '@grove/shared';
import { VcsService, type StatisticsBatch, type VcsRepository } from '@grove/vcs';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { PermissionsService } from '../permissions/permissions.service';
import { RepositoryStatistics } from '../repos/repository-statistics.entity';
import type { Repository } from '../repos/repository.entity';
import { ReposService } from '../repos/repos.service';

/** Changesets parsed per visit; Kallithea parses 25 and re-queues, one batch here costs well under a second. */
export const STATISTICS_BATCH = 1000;
const DETAIL_DAYS = 31;

/** What the `statistics` row stores (JSON in Kallithea's columns; a cache Grove may drop and recompute). */
interface Stored {
  /** author → day → [commits, added, changed, removed] */
  activity: Record<string, Record<string, [number, number, number, number]>>;
  /** day → commits */
  combined: Record<string, number>;
  languages: Record<string, number>;
}

/**
 * Commit statistics (web-ui.md §3.11): opt-in per repository, gathered incrementally as the
 * statistics page is viewed, reset by repository admins.
 */
@Injectable()
export class StatisticsService {
  /** one batch at a time per repository in this process */
  private readonly running = new Map<number, Promise<void>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repos: ReposService,
    private readonly permissions: PermissionsService,
    private readonly vcs: VcsService,
  ) {}

  async get(actor: Actor, ref: string, query: RepoStatisticsQuery = {}): Promise<RepoStatistics> {
    const repo = await this.repos.find(ref);
    await this.permissions.requireRepository(actor.user, repo, 'read');
    if (!repo.enableStatistics) return { enabled: false, processed: 0, total: 0, days: [], range: null, authors: [], languages: [] };
    const vcs = await this.vcs.open(repo.name);
    const total = await vcs.countChangesets();
    await this.advance(repo, vcs, total);
    const row = await this.dataSource.manager.findOne(RepositoryStatistics, { where: { repositoryId: repo.id } });
    return present(row ? decode(row) : empty(), row?.statOnRevision ?? 0, total, query);
  }

  /** Statistics tab of the repository settings: start again from the first changeset. */
  async reset(actor: Actor, ref: string): Promise<void> {
    const repo = await this.repos.find(ref);
    await this.permissions.requireRepository(actor.user, repo, 'admin');
    await this.dataSource.manager.delete(RepositoryStatistics, { repositoryId: repo.id });
  }

  private async advance(repo: Repository, vcs: VcsRepository, total: number): Promise<void> {
    const pending = this.running.get(repo.id);
    if (pending) return pending;
    const work = this.parseNextBatch(repo, vcs, total).finally(() => this.running.delete(repo.id));
    this.running.set(repo.id, work);
    return work;
  }

  private async parseNextBatch(repo: Repository, vcs: VcsRepository, total: number): Promise<void> {
    const m = this.dataSource.manager;
    const row = await m.findOne(RepositoryStatistics, { where: { repositoryId: repo.id } });
    const done = row?.statOnRevision ?? 0;
    if (done >= total) return;
    const batch = await vcs.statistics(done, STATISTICS_BATCH);
    if (batch.toRevision < 0) return;
    const stored = merge(row ? decode(row) : empty(), batch);
    const values = {
      statOnRevision: batch.toRevision + 1,
      commitActivity: JSON.stringify(stored.activity),
      commitActivityCombined: JSON.stringify(stored.combined),
      languages: JSON.stringify(stored.languages),
    };
    if (!row) {
      // Another process may have inserted the row meanwhile: the unique repository_id keeps one, the next visit goes on from it.
      await m.insert(RepositoryStatistics, { repositoryId: repo.id, ...values }).catch(() => undefined);
    } else {
      // Only if nobody advanced it in between (several API processes).
      await m.update(RepositoryStatistics, { id: row.id, statOnRevision: done }, values);
    }
  }
}

function empty(): Stored {
  return { activity: {}, combined: {}, languages: {} };
}

function decode(row: RepositoryStatistics): Stored {
  const parse = <T>(text: string | null, fallback: T): T => {
    try {
      return text ? (JSON.parse(text) as T) : fallback;
    } catch {
      return fallback;
    }
  };
  return { activity: parse(row.commitActivity, {}), combined: parse(row.commitActivityCombined, {}), languages: parse(row.languages, {}) };
}

function merge(stored: Stored, batch: StatisticsBatch): Stored {
  for (const a of batch.authors) {
    const days = (stored.activity[a.author] ??= {});
    const [commits, added, changed, removed] = days[a.day] ?? [0, 0, 0, 0];
    days[a.day] = [commits + a.commits, added + a.added, changed + a.changed, removed + a.removed];
    stored.combined[a.day] = (stored.combined[a.day] ?? 0) + a.commits;
  }
  // The tip's file types, measured on the first and the last batch.
  if (Object.keys(batch.languages).length) stored.languages = batch.languages;
  return stored;
}

function present(stored: Stored, processed: number, total: number, query: RepoStatisticsQuery): RepoStatistics {
  const days = Object.keys(stored.combined)
    .sort()
    .map((day) => ({ day, commits: stored.combined[day]! }));
  let range: RepoStatistics['range'] = null;
  if (days.length) {
    const to = query.to ?? days[days.length - 1]!.day;
    range = { from: query.from ?? shiftDay(to, -(DETAIL_DAYS - 1)), to };
  }
  const authors: RepoStatistics['authors'] = [];
  if (range) {
    for (const [author, perDay] of Object.entries(stored.activity)) {
      for (const [day, [commits, added, changed, removed]] of Object.entries(perDay)) {
        if (day >= range.from && day <= range.to) authors.push({ author, day, commits, added, changed, removed });
      }
    }
    authors.sort((a, b) => (a.day === b.day ? a.author.localeCompare(b.author) : a.day < b.day ? -1 : 1));
  }
  const languages = Object.entries(stored.languages)
    .map(([extension, files]) => ({ extension, files }))
    .sort((a, b) => b.files - a.files || a.extension.localeCompare(b.extension));
  return { enabled: true, processed: Math.min(processed, total), total, days, range, authors, languages };
}

function shiftDay(day: string, by: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + by);
  return date.toISOString().slice(0, 10);
}
