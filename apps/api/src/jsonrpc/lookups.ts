import { Injectable } from '@nestjs/common';
import { PermissionLevel, hasLevel, isPermissionName } from '@grove/shared';
import { PermissionsService } from '../permissions/permissions.service';
import { RepoGroup } from '../repo-groups/repo-group.entity';
import { RepoGroupsService } from '../repo-groups/repo-groups.service';
import { Repository } from '../repos/repository.entity';
import { ReposService } from '../repos/repos.service';
import { UserGroup } from '../user-groups/user-group.entity';
import { UserGroupsService } from '../user-groups/user-groups.service';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import type { CallContext } from './jsonrpc-method';
import { JsonRpcError, messages } from './jsonrpc-errors';

/**
 * The object lookups every method starts with (§3: a number or a digit string is an id, anything
 * else a name) and the "hide" refusals (§3: an object the caller may not use is reported exactly
 * like a missing one). Levels come from the permission service; nothing is decided here.
 */
@Injectable()
export class Lookups {
  constructor(
    private readonly users: UsersService,
    private readonly repos: ReposService,
    private readonly repoGroups: RepoGroupsService,
    private readonly userGroups: UserGroupsService,
    private readonly permissions: PermissionsService,
  ) {}

  async user(ref: number | string): Promise<User> {
    const user = await this.users.findByIdOrName(ref);
    if (!user) throw new JsonRpcError(messages.userNotFound(ref));
    return user;
  }

  async repo(ref: number | string): Promise<Repository> {
    const repo = await this.repos.findByIdOrName(ref);
    if (!repo) throw new JsonRpcError(messages.repoNotFound(ref));
    return repo;
  }

  async repoGroup(ref: number | string): Promise<RepoGroup> {
    const group = await this.repoGroups.findByIdOrName(ref);
    if (!group) throw new JsonRpcError(messages.repoGroupNotFound(ref));
    return group;
  }

  async userGroup(ref: number | string): Promise<UserGroup> {
    const group = await this.userGroups.findByIdOrName(ref);
    if (!group) throw new JsonRpcError(messages.userGroupNotFound(ref));
    return group;
  }

  /** A permission name (§5); with `prefix`, one of that family (the repo-group methods; Grove's SHOULD for repositories). */
  permission(name: string, prefix?: 'group.' | 'repository.'): string {
    if (!isPermissionName(name)) throw new JsonRpcError(messages.permissionNotFound(name));
    if (prefix && !name.startsWith(prefix)) throw new JsonRpcError(messages.permissionPrefix(name, prefix));
    return name;
  }

  /** Hide: unless the caller has `level` on the repository, it "does not exist" (`ref` as sent). */
  async requireRepo(context: CallContext, repo: Repository, ref: unknown, level: PermissionLevel): Promise<void> {
    if (!(await this.permissions.hasRepositoryLevel(context.actor.user, repo.id, level))) throw new JsonRpcError(messages.repoNotFound(ref));
  }

  async requireRepoGroup(context: CallContext, group: RepoGroup, ref: unknown, level: PermissionLevel): Promise<void> {
    if (!(await this.permissions.hasRepoGroupLevel(context.actor.user, group.id, level))) throw new JsonRpcError(messages.repoGroupNotFound(ref));
  }

  async requireUserGroup(context: CallContext, group: UserGroup, ref: unknown, level: PermissionLevel): Promise<void> {
    const permissions = await this.permissions.compute(context.actor.user, { userGroups: [group.id] });
    if (!hasLevel(permissions.userGroups.get(group.id), level)) throw new JsonRpcError(messages.userGroupNotFound(ref));
  }

  /** Explicit refusal of the changeset methods (§7.7): `Access denied to repo <name>`. */
  async requireRepoReadable(context: CallContext, repo: Repository): Promise<void> {
    if (!(await this.permissions.hasRepositoryLevel(context.actor.user, repo.id, 'read'))) throw new JsonRpcError(messages.accessDeniedToRepo(repo.name));
  }
}
