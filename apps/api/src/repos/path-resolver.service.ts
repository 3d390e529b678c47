import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ResolvedPath } from '@grove/shared';
import { DataSource, In } from 'typeorm';
import type { Actor } from '../common/actor';
import { PermissionsService } from '../permissions/permissions.service';
import { RepoGroup } from '../repo-groups/repo-group.entity';
import { Repository } from './repository.entity';

/**
 * What a content URL path names (web-ui.md §0): a leading `_<id>` segment is the repository with
 * that id; otherwise the shortest path prefix that is an existing repository wins, and the rest
 * is the page within it; a path that is no repository may be a repository group.
 */
@Injectable()
export class PathResolverService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly permissions: PermissionsService,
  ) {}

  async resolve(actor: Actor, path: string): Promise<ResolvedPath> {
    const segments = path.split('/').filter(Boolean);
    if (!segments.length) return { type: 'none' };
    const m = this.dataSource.manager;
    let repo: Repository | null = null;
    let rest: string[] = [];
    const byId = /^_(\d{1,9})$/.exec(segments[0]!);
    if (byId) repo = await m.findOne(Repository, { where: { id: Number(byId[1]) } });
    if (repo) {
      rest = segments.slice(1);
    } else {
      const prefixes = segments.map((_, i) => segments.slice(0, i + 1).join('/'));
      const found = await m.find(Repository, { where: { name: In(prefixes) } });
      repo = found.sort((a, b) => a.name.length - b.name.length)[0] ?? null;
      if (repo) rest = segments.slice(repo.name.split('/').length);
    }
    if (repo) {
      const permissions = await this.permissions.requireRepository(actor.user, repo, 'read');
      return { type: 'repository', id: repo.id, name: repo.name, rest: rest.join('/'), permission: permissions.repositories.get(repo.id) ?? 'repository.none' };
    }
    const group = await m.findOne(RepoGroup, { where: { name: segments.join('/') } });
    if (!group) return { type: 'none' };
    await this.permissions.requireRepoGroup(actor.user, group, 'read');
    return { type: 'group', id: group.id, name: group.name };
  }
}
