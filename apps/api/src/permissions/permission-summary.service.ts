import { Injectable } from '@nestjs/common';
import { PermissionLevel, PermissionSummary } from '@grove/shared';
import type { User } from '../users/user.entity';
import { PermissionsService } from './permissions.service';

/** "Show permissions": a user's effective permissions on everything (admin and My Account pages). */
@Injectable()
export class PermissionSummaryService {
  constructor(private readonly permissions: PermissionsService) {}

  /**
   * Every object with U's permission on it. `repositoriesAtLeast: 'admin'` keeps only the
   * repositories U administers — what menus and pickers need, small even on sites with 10k repositories.
   */
  async summary(user: Pick<User, 'id' | 'admin' | 'username'>, options: { repositoriesAtLeast?: PermissionLevel } = {}): Promise<PermissionSummary> {
    const [repos, groups, userGroups] = await Promise.all([
      this.permissions.visible(user, 'repositories', 'all', options.repositoriesAtLeast ?? 'none'),
      this.permissions.visible(user, 'repoGroups', 'all', 'none'),
      this.permissions.visible(user, 'userGroups', 'all', 'none'),
    ]);
    const rows = (found: typeof repos, map: ReadonlyMap<number, string>) =>
      found.items
        .map((o) => ({ id: o.id, name: o.name, permission: map.get(o.id) ?? '' }))
        .filter((r) => r.permission !== '')
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return {
      global: [...repos.permissions.global].sort(),
      repositories: rows(repos, repos.permissions.repositories),
      repoGroups: rows(groups, groups.permissions.repoGroups),
      userGroups: rows(userGroups, userGroups.permissions.userGroups),
    };
  }
}
