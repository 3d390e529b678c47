import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hasLevel, type JournalResponse } from '@grove/shared';
import { Brackets, DataSource, In } from 'typeorm';
import type { Actor } from '../../common/actor';
import { UserLog } from '../../journal/user-log.entity';
import { PermissionsService } from '../../permissions/permissions.service';
import { Repository } from '../../repos/repository.entity';
import { UserFollowing } from '../../users/user-following.entity';
import { DEFAULT_USERNAME, User } from '../../users/user.entity';
import { AvatarsService } from '../avatars.service';
import { parseJournalFilter } from './journal-filter';

/** Reads the journal (`user_logs`): a user's followed repositories and users, the public journal, the admin journal. */
@Injectable()
export class JournalQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly permissions: PermissionsService,
    private readonly avatars: AvatarsService,
  ) {}

  /**
   * Entries of the repositories and users `follower` follows, limited to repositories `reader` may
   * read (the viewer, or the default user for the public journal); no e-mail addresses for
   * anonymous viewers.
   */
  async followed(viewer: Actor, follower: User, query: { page: number; size: number; filter?: string }, reader: User = viewer.user): Promise<JournalResponse> {
    const m = this.dataSource.manager;
    const follows = await m.find(UserFollowing, { where: { userId: follower.id } });
    const repoIds = follows.flatMap((f) => (f.followsRepositoryId === null ? [] : [f.followsRepositoryId]));
    const userIds = follows.flatMap((f) => (f.followsUserId === null ? [] : [f.followsUserId]));
    const permissions = await this.permissions.compute(reader, { repositories: 'all' });
    const readable = (await m.find(Repository, { select: { id: true } })).map((r) => r.id).filter((id) => hasLevel(permissions.repositories.get(id), 'read'));
    const readableFollowed = repoIds.filter((id) => readable.includes(id));
    if (!readableFollowed.length && !userIds.length) return { items: [], total: 0, page: query.page, size: query.size };
    // anonymous visitors see no e-mail addresses
    return this.page(query, viewer.user.isDefaultUser, (qb) => {
      qb.andWhere(
        new Brackets((w) => {
          if (readableFollowed.length) w.orWhere('l.repository_id IN (:...followedRepos)', { followedRepos: readableFollowed });
          if (userIds.length) {
            w.orWhere(
              new Brackets((u) => {
                u.where('l.user_id IN (:...followedUsers)', { followedUsers: userIds });
                if (readable.length) u.andWhere(new Brackets((r) => r.where('l.repository_id IS NULL').orWhere('l.repository_id IN (:...readable)', { readable })));
                else u.andWhere('l.repository_id IS NULL');
              }),
            );
          }
        }),
      );
    });
  }

  /** The public journal: what the default user follows, as the default user sees it. */
  async publicJournal(viewer: Actor, query: { page: number; size: number; filter?: string }): Promise<JournalResponse> {
    const defaultUser = await this.dataSource.manager.findOneOrFail(User, { where: { username: DEFAULT_USERNAME } });
    return this.followed(viewer, defaultUser, query, defaultUser);
  }

  /** Every entry (super-admins). */
  async all(query: { page: number; size: number; filter?: string }): Promise<JournalResponse> {
    return this.page(query, false, () => undefined);
  }

  private async page(
    query: { page: number; size: number; filter?: string },
    hideEmails: boolean,
    scope: (qb: ReturnType<DataSource['manager']['createQueryBuilder']>) => void,
  ): Promise<JournalResponse> {
    const qb = this.dataSource.manager.createQueryBuilder(UserLog, 'l').where('1 = 1');
    scope(qb);
    const filter = query.filter?.trim() ? parseJournalFilter(query.filter) : null;
    if (filter) qb.andWhere(filter.sql, filter.params);
    const [rows, total] = await qb
      .orderBy('l.action_date', 'DESC')
      .addOrderBy('l.id', 'DESC')
      .skip((query.page - 1) * query.size)
      .take(query.size)
      .getManyAndCount();
    const m = this.dataSource.manager;
    const userIds = [...new Set(rows.flatMap((r) => (r.userId === null ? [] : [r.userId])))];
    const repoIds = [...new Set(rows.flatMap((r) => (r.repositoryId === null ? [] : [r.repositoryId])))];
    const [users, repos, avatar] = await Promise.all([
      userIds.length ? m.find(User, { where: { id: In(userIds) } }) : [],
      repoIds.length ? m.find(Repository, { where: { id: In(repoIds) }, select: { id: true, name: true } }) : [],
      this.avatars.resolver(),
    ]);
    const userOf = new Map(users.map((u) => [u.id, u]));
    const repoOf = new Map(repos.map((r) => [r.id, r]));
    return {
      items: rows.map((r) => {
        const colon = r.action.indexOf(':');
        const u = r.userId === null ? undefined : userOf.get(r.userId);
        const repo = r.repositoryId === null ? undefined : repoOf.get(r.repositoryId);
        return {
          id: r.id,
          user: u ? { id: u.id, username: u.username, email: hideEmails ? '' : (u.email ?? ''), avatarUrl: avatar(u.email) } : null,
          username: r.username,
          action: colon < 0 ? r.action : r.action.slice(0, colon),
          parameter: colon < 0 ? null : r.action.slice(colon + 1),
          repository: repo ? { id: repo.id, name: repo.name } : null,
          repositoryName: r.repositoryName,
          ip: r.userIp,
          date: r.actionDate.toISOString(),
        };
      }),
      total,
      page: query.page,
      size: query.size,
    };
  }
}
