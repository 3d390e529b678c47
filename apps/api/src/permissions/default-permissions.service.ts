import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DefaultPermissions, GlobalPermission, UpdateDefaultPermissions, permissionKind, repositoriesForApplyToAll } from '@grove/shared';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { RepoGroup } from '../repo-groups/repo-group.entity';
import { Repository } from '../repos/repository.entity';
import { UserGroup } from '../user-groups/user-group.entity';
import { DEFAULT_USERNAME, User } from '../users/user.entity';
import { PermissionGrantsService } from './permission-grants.service';

const FIELDS: Record<Exclude<keyof DefaultPermissions, 'anonymousAccess'>, { kind: string; fallback: GlobalPermission }> = {
  defaultRepoPermission: { kind: 'repository', fallback: 'repository.read' },
  defaultRepoGroupPermission: { kind: 'group', fallback: 'group.read' },
  defaultUserGroupPermission: { kind: 'usergroup', fallback: 'usergroup.read' },
  register: { kind: 'hg.register', fallback: 'hg.register.none' },
  externActivate: { kind: 'hg.extern_activate', fallback: 'hg.extern_activate.manual' },
  createRepository: { kind: 'hg.create', fallback: 'hg.create.none' },
  createOnWriteRepoGroup: { kind: 'hg.create.write_on_repogroup', fallback: 'hg.create.write_on_repogroup.false' },
  createUserGroup: { kind: 'hg.usergroup.create', fallback: 'hg.usergroup.create.false' },
  fork: { kind: 'hg.fork', fallback: 'hg.fork.none' },
};

/** The default-permissions form: the default user's global entries and the anonymous-access switch (super-admin only). */
@Injectable()
export class DefaultPermissionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly grants: PermissionGrantsService,
  ) {}

  async get(): Promise<DefaultPermissions> {
    const defaultUser = await this.dataSource.manager.findOneOrFail(User, { where: { username: DEFAULT_USERNAME } });
    const entries = await this.grants.globalEntries({ type: 'user', id: defaultUser.id });
    const valueOf = (kind: string, fallback: GlobalPermission) => entries.find((e) => permissionKind(e) === kind) ?? fallback;
    const result = { anonymousAccess: defaultUser.active } as Record<string, unknown>;
    for (const [field, { kind, fallback }] of Object.entries(FIELDS)) result[field] = valueOf(kind, fallback);
    return result as DefaultPermissions;
  }

  /** Saves the form; "apply to all existing" overwrites every object's default entry (private repositories excepted, §4.4). */
  async update(_actor: Actor, input: UpdateDefaultPermissions): Promise<DefaultPermissions> {
    await this.dataSource.transaction(async (m) => {
      const defaultUser = await m.findOneOrFail(User, { where: { username: DEFAULT_USERNAME } });
      const subject = { type: 'user', id: defaultUser.id } as const;
      if (input.anonymousAccess !== undefined) await m.update(User, { id: defaultUser.id }, { active: input.anonymousAccess });
      for (const field of Object.keys(FIELDS) as (keyof typeof FIELDS)[]) {
        const value = input[field];
        if (value !== undefined) await this.grants.setGlobal(m, subject, value as GlobalPermission);
      }
      const current = await this.grants.globalEntries(subject, m);
      const level = (kind: string, fallback: string) => current.find((e) => permissionKind(e) === kind) ?? fallback;
      if (input.applyToAllRepositories) {
        const repos = await m.find(Repository, { select: { id: true, private: true } });
        const ids = repositoriesForApplyToAll(repos.map((r) => ({ id: r.id, isPrivate: r.private })));
        await this.grants.set(m, 'repository', ids, subject, level('repository', 'repository.read'));
      }
      if (input.applyToAllRepoGroups) {
        const ids = (await m.find(RepoGroup, { select: { id: true } })).map((g) => g.id);
        await this.grants.set(m, 'repoGroup', ids, subject, level('group', 'group.read'));
      }
      if (input.applyToAllUserGroups) {
        const ids = (await m.find(UserGroup, { select: { id: true } })).map((g) => g.id);
        await this.grants.set(m, 'userGroup', ids, subject, level('usergroup', 'usergroup.read'));
      }
    });
    return this.get();
  }
}
