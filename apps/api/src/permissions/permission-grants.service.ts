import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  GlobalPermission,
  GlobalPermissionKind,
  PermissionEntry,
  RecursionMode,
  RepoGroupPermission,
  RepositoryPermission,
  UserGroupPermission,
  initialDefaultEntry,
  permissionKind,
  recursionTargets,
  repoGroupToRepositoryPermission,
} from '@grove/shared';
import { DataSource, EntityManager, In } from 'typeorm';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { RepoGroup } from '../repo-groups/repo-group.entity';
import { Repository } from '../repos/repository.entity';
import { UserGroup } from '../user-groups/user-group.entity';
import { DEFAULT_USERNAME, User } from '../users/user.entity';
import {
  Permission,
  UserGlobalPermission,
  UserGroupGlobalPermission,
  UserGroupRepoGroupPermission,
  UserGroupRepoPermission,
  UserGroupUserGroupPermission,
  UserRepoGroupPermission,
  UserRepoPermission,
  UserUserGroupPermission,
} from './permission.entities';

export type PermissionSubjectRef = { type: 'user'; id: number } | { type: 'user_group'; id: number };

type EntryTable = {
  user: new () => { userId: number; permissionId: number };
  group: new () => { userGroupId: number; permissionId: number };
  objectKey: string;
  groupObjectKey: string;
};

const TABLES: Record<'repository' | 'repoGroup' | 'userGroup', EntryTable> = {
  repository: { user: UserRepoPermission, group: UserGroupRepoPermission, objectKey: 'repositoryId', groupObjectKey: 'repositoryId' },
  repoGroup: { user: UserRepoGroupPermission, group: UserGroupRepoGroupPermission, objectKey: 'groupId', groupObjectKey: 'groupId' },
  userGroup: { user: UserUserGroupPermission, group: UserGroupUserGroupPermission, objectKey: 'userGroupId', groupObjectKey: 'targetUserGroupId' },
};

/**
 * Reads and writes stored permission entries (permissions.md §4): one entry per (subject,
 * object), granting replaces, revoking deletes. Callers check who may do it; this only keeps the
 * rows right. Writes take the transaction's manager so they commit with the change they belong to.
 */
@Injectable()
export class PermissionGrantsService {
  private ids?: Promise<Map<string, number>>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async permissionId(name: string): Promise<number> {
    this.ids ??= this.dataSource.manager.find(Permission).then((rows) => new Map(rows.map((r) => [r.name, r.id])));
    const id = (await this.ids).get(name);
    if (id === undefined) throw new DomainError(ErrorCode.Validation, `Unknown permission ${name}`);
    return id;
  }

  private async names(): Promise<Map<number, string>> {
    this.ids ??= this.dataSource.manager.find(Permission).then((rows) => new Map(rows.map((r) => [r.name, r.id])));
    return new Map([...(await this.ids)].map(([name, id]) => [id, name]));
  }

  async defaultUserId(manager: EntityManager = this.dataSource.manager): Promise<number> {
    return (await manager.findOneOrFail(User, { where: { username: DEFAULT_USERNAME }, select: { id: true } })).id;
  }

  // --- object entries -------------------------------------------------------------------------

  /**
   * Every entry on one object, users first, then user groups. `display` (the pages): the default
   * user at the top, the rest by name; `created` (the JSON-RPC `members` lists): in the order the
   * entries were created.
   */
  async entries(kind: keyof typeof TABLES, objectId: number, order: 'display' | 'created' = 'display'): Promise<PermissionEntry[]> {
    const t = TABLES[kind];
    const m = this.dataSource.manager;
    const names = await this.names();
    const [userRows, groupRows] = await Promise.all([
      m.find(t.user, { where: { [t.objectKey]: objectId } as never }),
      m.find(t.group, { where: { [t.groupObjectKey]: objectId } as never }),
    ]);
    const users = userRows.length ? await m.find(User, { where: { id: In(userRows.map((r) => r.userId)) }, select: { id: true, username: true } }) : [];
    const groups = groupRows.length ? await m.find(UserGroup, { where: { id: In(groupRows.map((r) => r.userGroupId)) }, select: { id: true, name: true, active: true } }) : [];
    const userName = new Map(users.map((u) => [u.id, u.username]));
    const group = new Map(groups.map((g) => [g.id, g]));
    const userEntries: PermissionEntry[] = userRows.map((r) => ({
      subject: { type: 'user', id: r.userId, name: userName.get(r.userId) ?? '?', isDefault: userName.get(r.userId) === DEFAULT_USERNAME },
      permission: names.get(r.permissionId) ?? '',
    }));
    const groupEntries: PermissionEntry[] = groupRows.map((r): PermissionEntry => ({
      subject: { type: 'user_group', id: r.userGroupId, name: group.get(r.userGroupId)?.name ?? '?', active: group.get(r.userGroupId)?.active ?? false },
      permission: names.get(r.permissionId) ?? '',
    }));
    if (order === 'created') {
      const byRowId = <R>(rows: R[], entries: PermissionEntry[]) =>
        rows.map((row, i) => [(row as { id: number }).id, entries[i]!] as const).sort(([a], [b]) => a - b).map(([, entry]) => entry);
      return [...byRowId(userRows, userEntries), ...byRowId(groupRows, groupEntries)];
    }
    userEntries.sort((a, b) => (a.subject.type === 'user' && a.subject.isDefault ? -1 : b.subject.type === 'user' && b.subject.isDefault ? 1 : a.subject.name.localeCompare(b.subject.name)));
    groupEntries.sort((a, b) => a.subject.name.localeCompare(b.subject.name));
    return [...userEntries, ...groupEntries];
  }

  /** The subject's entry on an object, or undefined. */
  async entryOf(kind: keyof typeof TABLES, objectId: number, subject: PermissionSubjectRef, manager = this.dataSource.manager): Promise<string | undefined> {
    const t = TABLES[kind];
    const row =
      subject.type === 'user'
        ? await manager.findOne(t.user, { where: { [t.objectKey]: objectId, userId: subject.id } as never })
        : await manager.findOne(t.group, { where: { [t.groupObjectKey]: objectId, userGroupId: subject.id } as never });
    return row ? (await this.names()).get(row.permissionId) : undefined;
  }

  /**
   * Grants, replacing any existing entry of the subject on the object. An existing entry is updated
   * in place (as Kallithea does), so it keeps its position in creation order.
   */
  async set(manager: EntityManager, kind: keyof typeof TABLES, objectIds: readonly number[], subject: PermissionSubjectRef, permission: string): Promise<void> {
    if (!objectIds.length) return;
    const t = TABLES[kind];
    const permissionId = await this.permissionId(permission);
    const entity = subject.type === 'user' ? t.user : t.group;
    const objectKey = subject.type === 'user' ? t.objectKey : t.groupObjectKey;
    const subjectKey = subject.type === 'user' ? 'userId' : 'userGroupId';
    const unique = [...new Set(objectIds)];
    for (let i = 0; i < unique.length; i += 500) {
      const chunk = unique.slice(i, i + 500);
      const where = { [objectKey]: In(chunk), [subjectKey]: subject.id } as never;
      const existing = (await manager.find(entity, { where })) as unknown as Record<string, number>[];
      if (existing.length) await manager.update(entity, where, { permissionId } as never);
      const present = new Set(existing.map((row) => row[objectKey]));
      const missing = chunk.filter((id) => !present.has(id));
      if (missing.length) await manager.insert(entity, missing.map((id) => ({ [objectKey]: id, [subjectKey]: subject.id, permissionId })) as never);
    }
  }

  /** Revokes the subject's entry on the objects (absent entries are fine). */
  async unset(manager: EntityManager, kind: keyof typeof TABLES, objectIds: readonly number[], subject: PermissionSubjectRef): Promise<void> {
    if (!objectIds.length) return;
    const t = TABLES[kind];
    for (let i = 0; i < objectIds.length; i += 500) {
      const chunk = objectIds.slice(i, i + 500);
      if (subject.type === 'user') await manager.delete(t.user, { [t.objectKey]: In(chunk), userId: subject.id } as never);
      else await manager.delete(t.group, { [t.groupObjectKey]: In(chunk), userGroupId: subject.id } as never);
    }
  }

  /** Copies every entry of one object onto another (copy-permissions), translating levels with `map`. */
  async copy(
    manager: EntityManager,
    from: { kind: keyof typeof TABLES; id: number },
    to: { kind: keyof typeof TABLES; id: number },
    map: (permission: string) => string,
    skip: (subject: PermissionSubjectRef) => boolean = () => false,
  ): Promise<void> {
    const f = TABLES[from.kind];
    const names = await this.names();
    const userRows = await manager.find(f.user, { where: { [f.objectKey]: from.id } as never });
    const groupRows = await manager.find(f.group, { where: { [f.groupObjectKey]: from.id } as never });
    for (const row of userRows) {
      const subject = { type: 'user', id: row.userId } as const;
      if (!skip(subject)) await this.set(manager, to.kind, [to.id], subject, map(names.get(row.permissionId)!));
    }
    for (const row of groupRows) {
      const subject = { type: 'user_group', id: row.userGroupId } as const;
      if (!skip(subject)) await this.set(manager, to.kind, [to.id], subject, map(names.get(row.permissionId)!));
    }
  }

  /**
   * Grant (`permission`) or revoke (null) on repo group G and, by `mode`, its sub-groups and the
   * repositories below (§9; `group.X` → `repository.X`). The default user's entry on private
   * repositories is never touched by recursion.
   */
  async applyToGroupTree(manager: EntityManager, groupId: number, subject: PermissionSubjectRef, permission: RepoGroupPermission | null, mode: RecursionMode) {
    const group = await manager.findOneOrFail(RepoGroup, { where: { id: groupId } });
    const [groups, repos] = await Promise.all([
      manager.createQueryBuilder(RepoGroup, 'g').select(['g.id', 'g.parentId', 'g.name']).where("g.name LIKE :prefix ESCAPE '\\'", { prefix: `${likeEscape(group.name)}/%` }).getMany(),
      manager.createQueryBuilder(Repository, 'r').select(['r.id', 'r.groupId', 'r.private', 'r.name']).where("r.name LIKE :prefix ESCAPE '\\'", { prefix: `${likeEscape(group.name)}/%` }).getMany(),
    ]);
    const isDefaultSubject = subject.type === 'user' && subject.id === (await this.defaultUserId(manager));
    const targets = recursionTargets(
      groupId,
      mode,
      [{ id: group.id, parentId: group.parentId }, ...groups.map((g) => ({ id: g.id, parentId: g.parentId }))],
      repos.map((r) => ({ id: r.id, groupId: r.groupId!, isPrivate: r.private })),
      { skipPrivateRepositories: isDefaultSubject },
    );
    if (permission) {
      await this.set(manager, 'repoGroup', targets.repoGroupIds, subject, permission);
      await this.set(manager, 'repository', targets.repositoryIds, subject, repoGroupToRepositoryPermission(permission));
    } else {
      if (isDefaultSubject) throw new DomainError(ErrorCode.Conflict, 'The default permission cannot be revoked; set it to none instead');
      await this.unset(manager, 'repoGroup', targets.repoGroupIds, subject);
      await this.unset(manager, 'repository', targets.repositoryIds, subject);
    }
  }

  // --- creation defaults ----------------------------------------------------------------------

  /** The `default` entry a new object gets (§4.2): the default user's global level of that kind. */
  async initialDefault(family: 'repository', options: { isPrivate: boolean }, manager?: EntityManager): Promise<RepositoryPermission>;
  async initialDefault(family: 'group', options?: object, manager?: EntityManager): Promise<RepoGroupPermission>;
  async initialDefault(family: 'usergroup', options?: object, manager?: EntityManager): Promise<UserGroupPermission>;
  async initialDefault(family: 'repository' | 'group' | 'usergroup', options: { isPrivate?: boolean } = {}, manager = this.dataSource.manager): Promise<string> {
    const globals = await this.globalEntries({ type: 'user', id: await this.defaultUserId(manager) }, manager);
    return initialDefaultEntry(family, globals, { isPrivate: options.isPrivate ?? false });
  }

  // --- global entries -------------------------------------------------------------------------

  /** The subject's own stored global permission names (not merged with anything). */
  async globalEntries(subject: PermissionSubjectRef, manager = this.dataSource.manager): Promise<GlobalPermission[]> {
    const names = await this.names();
    const rows =
      subject.type === 'user'
        ? await manager.find(UserGlobalPermission, { where: { userId: subject.id } })
        : await manager.find(UserGroupGlobalPermission, { where: { userGroupId: subject.id } });
    return rows.map((r) => names.get(r.permissionId) as GlobalPermission).filter(Boolean);
  }

  /** Stores `permission` as the subject's value of its kind (one entry per kind). */
  async setGlobal(manager: EntityManager, subject: PermissionSubjectRef, permission: GlobalPermission): Promise<void> {
    const kind: GlobalPermissionKind = permissionKind(permission);
    const names = await this.names();
    const sameKind = [...names].filter(([, name]) => name !== 'hg.admin' && permissionKind(name as GlobalPermission) === kind).map(([id]) => id);
    const permissionId = await this.permissionId(permission);
    if (subject.type === 'user') {
      await manager.delete(UserGlobalPermission, { userId: subject.id, permissionId: In(sameKind) });
      await manager.insert(UserGlobalPermission, { userId: subject.id, permissionId });
    } else {
      await manager.delete(UserGroupGlobalPermission, { userGroupId: subject.id, permissionId: In(sameKind) });
      await manager.insert(UserGroupGlobalPermission, { userGroupId: subject.id, permissionId });
    }
  }
}

/** Escapes LIKE wildcards in a literal prefix; queries must say `ESCAPE '\\'` (SQLite has no default escape). */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => '\\' + c);
}
