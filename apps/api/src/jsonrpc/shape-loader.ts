import { Injectable } from '@nestjs/common';
import { redactCredentials } from '@grove/vcs';
import { PermissionGrantsService } from '../permissions/permission-grants.service';
import { RepoGroup } from '../repo-groups/repo-group.entity';
import { RepoGroupsService } from '../repo-groups/repo-groups.service';
import { Repository } from '../repos/repository.entity';
import { ReposService } from '../repos/repos.service';
import { UserGroup } from '../user-groups/user-group.entity';
import { UserGroupsService } from '../user-groups/user-groups.service';
import { UserCredentialsService } from '../users/user-credentials.service';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import {
  KallitheaUser,
  toKallitheaMember,
  toKallitheaRepo,
  toKallitheaRepoGroup,
  toKallitheaUser,
  toKallitheaUserGroup,
} from './kallithea-shapes';

/** Loads what the result shapes need for many objects at once (a fixed number of queries per call). */
@Injectable()
export class ShapeLoader {
  constructor(
    private readonly users: UsersService,
    private readonly credentials: UserCredentialsService,
    private readonly userGroups: UserGroupsService,
    private readonly repoGroups: RepoGroupsService,
    private readonly repos: ReposService,
    private readonly grants: PermissionGrantsService,
  ) {}

  async usersOf(users: readonly User[]): Promise<KallitheaUser[]> {
    const extra = await this.credentials.extraEmailsOf(users.map((u) => u.id));
    return users.map((u) => toKallitheaUser(u, extra.get(u.id) ?? []));
  }

  async userOf(user: User): Promise<KallitheaUser> {
    return (await this.usersOf([user]))[0]!;
  }

  async userGroupsOf(groups: readonly UserGroup[]) {
    const [owners, members] = await Promise.all([this.users.byIds(groups.map((g) => g.ownerId)), this.userGroups.membersOf(groups.map((g) => g.id))]);
    const memberUsers = [...new Map([...members.values()].flat().map((u) => [u.id, u])).values()];
    const shaped = new Map((await this.usersOf(memberUsers)).map((u) => [u.user_id, u]));
    return groups.map((g) =>
      toKallitheaUserGroup(
        g,
        owners.get(g.ownerId)?.username ?? '',
        (members.get(g.id) ?? []).map((u) => shaped.get(u.id)!),
      ),
    );
  }

  async userGroupOf(group: UserGroup) {
    return (await this.userGroupsOf([group]))[0]!;
  }

  async repoGroupsOf(groups: readonly RepoGroup[]) {
    const [owners, repositories] = await Promise.all([this.users.byIds(groups.map((g) => g.ownerId)), this.repoGroups.repositoryNamesIn(groups.map((g) => g.id))]);
    return groups.map((g) => toKallitheaRepoGroup(g, owners.get(g.ownerId)?.username ?? '', repositories.get(g.id) ?? []));
  }

  async repoGroupOf(group: RepoGroup) {
    return (await this.repoGroupsOf([group]))[0]!;
  }

  /** Repo shapes; remote URLs never show a password (the API does not reveal secrets, like API keys). */
  async reposOf(repos: readonly Repository[]): Promise<Record<string, unknown>[]> {
    const facts = await this.repos.listFacts(repos);
    return repos.map((r) => toKallitheaRepo(r, facts.get(r.id)!, r.cloneUri ? redactCredentials(r.cloneUri) : null));
  }

  async repoOf(repo: Repository): Promise<Record<string, unknown>> {
    return (await this.reposOf([repo]))[0]!;
  }

  /** Members of a repository or repository group: users, then user groups, each in creation order. */
  async membersOf(kind: 'repository' | 'repoGroup', objectId: number) {
    return (await this.grants.entries(kind, objectId, 'created')).map(toKallitheaMember);
  }
}
