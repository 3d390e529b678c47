import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  BrowseResponse,
  RepoGroupListItem,
  hasLevel,
  mayCreateRepoGroup,
  mayCreateRepositoryAt,
} from '@grove/shared';
import { DataSource, In } from 'typeorm';
import { DomainError, ErrorCode, notFound } from '../common/errors/domain-error';
import { PermissionsService, Subject } from '../permissions/permissions.service';
import { RepoGroup } from '../repo-groups/repo-group.entity';
import { User } from '../users/user.entity';
import { loadInOrder, toRepoListItems } from './repo-list-items';

/** The home page and repository group pages: children the viewer may read, newest data first. */
@Injectable()
export class RepoBrowseService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly permissions: PermissionsService,
  ) {}

  async browse(viewer: Subject, query: { group?: string; filter?: string; page: number; size: number }): Promise<BrowseResponse> {
    const m = this.dataSource.manager;
    const groupName = query.group?.replace(/^\/+|\/+$/g, '') || undefined;
    const group = groupName ? await m.findOne(RepoGroup, { where: { name: groupName } }) : null;
    if (groupName && !group) throw notFound(`Repository group ${groupName} not found`);

    const scope = { inGroup: group ? group.id : null };
    const [repos, groups] = await Promise.all([
      this.permissions.visible(viewer, 'repositories', scope, 'read'),
      this.permissions.visible(viewer, 'repoGroups', scope, 'read'),
    ]);
    const permissions = group ? await this.permissions.compute(viewer, { repoGroups: [group.id] }) : groups.permissions;
    if (group && !hasLevel(permissions.repoGroups.get(group.id), 'read')) {
      throw permissions.isDefaultUser
        ? new DomainError(ErrorCode.Unauthenticated, 'You need to sign in to see this repository group')
        : new DomainError(ErrorCode.Forbidden, 'You do not have access to this repository group');
    }

    const needle = query.filter?.trim().toLowerCase();
    const matches = (name: string) => !needle || lastSegment(name).toLowerCase().includes(needle);
    const byName = (a: { name: string }, b: { name: string }) => {
      const x = a.name.toLowerCase();
      const y = b.name.toLowerCase();
      return x < y ? -1 : x > y ? 1 : 0;
    };
    const visibleGroupIds = groups.items.filter((g) => matches(g.name)).sort(byName).map((g) => g.id);
    const visibleGroups = visibleGroupIds.length ? await m.find(RepoGroup, { where: { id: In(visibleGroupIds) } }) : [];
    const position = new Map(visibleGroupIds.map((id, i) => [id, i]));
    visibleGroups.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
    const visibleRepos = repos.items.filter((r) => matches(r.name)).sort(byName);
    const pageRepos = visibleRepos.slice((query.page - 1) * query.size, query.page * query.size);

    const owners = await this.usernames(visibleGroups.map((g) => g.ownerId));

    return {
      group: group ? { id: group.id, name: group.name, description: group.description, parents: await this.parentsOf(group) } : null,
      groups: visibleGroups.map((g): RepoGroupListItem => ({
        id: g.id,
        name: g.name,
        shortName: lastSegment(g.name),
        description: g.description,
        owner: owners.get(g.ownerId) ?? '',
      })),
      repositories: {
        items: await toRepoListItems(m, await loadInOrder(m, pageRepos.map((r) => r.id))),
        total: visibleRepos.length,
        page: query.page,
        size: query.size,
      },
      canCreateRepository: !permissions.isDefaultUser && mayCreateRepositoryAt(permissions, group?.id ?? null),
      canCreateGroup: !permissions.isDefaultUser && mayCreateRepoGroup(permissions, group?.id ?? null, 'web'),
    };
  }

  private async usernames(ids: number[]): Promise<Map<number, string>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const users = await this.dataSource.manager.find(User, { where: { id: In(unique) }, select: { id: true, username: true } });
    return new Map(users.map((u) => [u.id, u.username]));
  }

  /** Ancestors from the top: `a`, `a/b` for group `a/b/c`. */
  private async parentsOf(group: RepoGroup) {
    const segments = group.name.split('/');
    const names = segments.slice(0, -1).map((_, i) => segments.slice(0, i + 1).join('/'));
    if (!names.length) return [];
    const rows = await this.dataSource.manager.find(RepoGroup, { where: names.map((name) => ({ name })), select: { id: true, name: true } });
    return rows.sort((a, b) => a.name.length - b.name.length).map((g) => ({ id: g.id, name: g.name, shortName: lastSegment(g.name) }));
  }
}

function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}
