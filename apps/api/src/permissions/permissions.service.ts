import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  EffectivePermissions,
  EntityId,
  ObjectBatch,
  ObjectFacts,
  PermissionLevel,
  RepositoryFacts,
  UserGroupObjectEntry,
  UserObjectEntry,
  ObjectPermission,
  computeEffectivePermissions,
  hasLevel,
} from '@grove/shared';
import { DataSource } from 'typeorm';
import { accessDenied } from './access-denied';
import { UserGroupMember } from '../user-groups/user-group-member.entity';
import { UserGroup } from '../user-groups/user-group.entity';
import { DEFAULT_USERNAME, User } from '../users/user.entity';
import { Permission } from './permission.entities';

/** Which objects of a family to compute: all of them, these ids, or the children of one group (null = top level). */
export type ObjectScope = 'all' | readonly EntityId[] | { inGroup: EntityId | null };

export interface PermissionScope {
  repositories?: ObjectScope;
  repoGroups?: ObjectScope;
  userGroups?: ObjectScope;
}

/** The acting user as far as permissions go. */
export type Subject = Pick<User, 'id' | 'admin' | 'username'>;

const CHUNK = 900;

interface FamilyTables {
  table: string;
  id: string;
  name: string;
  /** the column holding the containing group, for `{ inGroup }` scopes */
  parent: string;
  owner?: string;
  private?: string;
  userTable: string;
  userObject: string;
  groupTable: string;
  groupObject: string;
  groupMember: string;
}

/** Where each object family keeps its objects and the entries of users and user groups (data-model.md §3.5). */
const FAMILIES: Record<'repositories' | 'repoGroups' | 'userGroups', FamilyTables> = {
  repositories: {
    table: 'repositories',
    id: 'repo_id',
    name: 'repo_name',
    parent: 'group_id',
    owner: 'user_id',
    private: 'private',
    userTable: 'repo_to_perm',
    userObject: 'repository_id',
    groupTable: 'users_group_repo_to_perm',
    groupObject: 'repository_id',
    groupMember: 'users_group_id',
  },
  repoGroups: {
    table: 'groups',
    id: 'group_id',
    name: 'group_name',
    parent: 'group_parent_id',
    userTable: 'user_repo_group_to_perm',
    userObject: 'group_id',
    groupTable: 'users_group_repo_group_to_perm',
    groupObject: 'group_id',
    groupMember: 'users_group_id',
  },
  userGroups: {
    table: 'users_groups',
    id: 'users_group_id',
    name: 'users_group_name',
    parent: 'users_group_id',
    userTable: 'user_user_group_to_perm',
    userObject: 'user_group_id',
    groupTable: 'user_group_user_group_to_perm',
    groupObject: 'target_user_group_id',
    groupMember: 'user_group_id',
  },
};

function chunk<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out.length ? out : [[]];
}

/**
 * Loads permission rows in batches and asks the calculator of `libs/shared`. A call costs a
 * constant number of queries whatever the number of objects (chunked only beyond ~900 ids).
 * Every surface — REST, SPA data, JSON-RPC, the VCS gateway, SSH — asks here.
 */
@Injectable()
export class PermissionsService {
  private permissionNames?: Promise<Map<number, string>>;
  private defaultUser?: Promise<number>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** U's effective permissions on the objects in `scope`, plus U's global permissions. */
  async compute(subject: Subject, scope: PermissionScope = {}): Promise<EffectivePermissions> {
    return (await this.load(subject, scope)).permissions;
  }

  /**
   * The objects of one family in `scope` on which U has at least `level`, with their names — for
   * listings, in one pass over the rows (no second query for names).
   */
  async visible(
    subject: Subject,
    family: keyof typeof FAMILIES,
    scope: ObjectScope,
    level: PermissionLevel,
  ): Promise<{ permissions: EffectivePermissions; items: { id: number; name: string }[] }> {
    const { permissions, names } = await this.load(subject, { [family]: scope });
    const map: ReadonlyMap<number, string> = permissions[family];
    const items: { id: number; name: string }[] = [];
    for (const [id, name] of names) if (hasLevel(map.get(id) as ObjectPermission | undefined, level)) items.push({ id, name });
    return { permissions, items };
  }

  private async load(subject: Subject, scope: PermissionScope): Promise<{ permissions: EffectivePermissions; names: Map<number, string> }> {
    const objectNames = new Map<number, string>();
    const [names, defaultUserId] = await Promise.all([this.names(), this.defaultUserId()]);
    const isDefault = subject.id === defaultUserId;
    const isSuperAdmin = subject.admin && !isDefault;
    const name = (permissionId: number | null) => (permissionId === null ? '' : (names.get(Number(permissionId)) ?? ''));
    const activeUserGroupIds = isSuperAdmin ? [] : await this.activeGroupsOf(subject.id);

    const [userGlobals, groupGlobals] = isSuperAdmin
      ? [[], []]
      : await Promise.all([
          this.sql<{ subject: number; permission: number }>('SELECT user_id AS subject, permission_id AS permission FROM user_to_perm WHERE user_id IN (?)', [[defaultUserId, subject.id]]),
          activeUserGroupIds.length
            ? this.sql<{ subject: number; permission: number }>('SELECT users_group_id AS subject, permission_id AS permission FROM users_group_to_perm WHERE users_group_id IN (?)', [activeUserGroupIds])
            : [],
        ]);

    /**
     * One family: its objects joined with their `default` entry (one query however many objects),
     * U's own entries and U's active groups' entries (small).
     */
    const family = async (f: FamilyTables, ids: ObjectScope) => {
      const byGroup = ids !== 'all' && !Array.isArray(ids) ? (ids as { inGroup: number | null }) : null;
      const chunks = ids === 'all' || byGroup ? [null] : chunk([...new Set(ids as readonly number[])]);
      const objects: { id: number; name: string; owner: number | null; private: boolean | number | null; dp: number | null }[] = [];
      const own: { object: number; permission: number }[] = [];
      const viaGroups: { object: number; subject: number; permission: number }[] = [];
      for (const part of chunks) {
        if (part?.length === 0) continue;
        const inObjects = (column: string) => (part ? ` AND ${column} IN (?)` : '');
        const params = (...first: unknown[]) => (part ? [...first, part] : first);
        const inGroup = byGroup ? (byGroup.inGroup === null ? ` AND o.${f.parent} IS NULL` : ` AND o.${f.parent} = ?`) : '';
        objects.push(
          ...(await this.packedRows(
            [`o.${f.id}`, `o.${f.name}`, f.owner ? `o.${f.owner}` : null, f.private ? `o.${f.private}` : null, 'd.permission_id'],
            `${f.table} o LEFT JOIN ${f.userTable} d ON d.${f.userObject} = o.${f.id} AND d.user_id = ?
             WHERE 1 = 1${inObjects(`o.${f.id}`)}${inGroup}`,
            byGroup && byGroup.inGroup !== null ? [defaultUserId, byGroup.inGroup] : params(defaultUserId),
          ).then((rows) => rows.map(([id, name, owner, isPrivate, dp]) => ({ id: Number(id), name: name!, owner: owner === null ? null : Number(owner), private: isPrivate === '1' || isPrivate === 'true', dp: dp === null ? null : Number(dp) })))),
        );
        if (isSuperAdmin) continue;
        if (!isDefault) {
          own.push(...(await this.sql<(typeof own)[number]>(`SELECT ${f.userObject} AS object, permission_id AS permission FROM ${f.userTable} WHERE user_id = ?${inObjects(f.userObject)}`, params(subject.id))));
        }
        if (activeUserGroupIds.length) {
          viaGroups.push(
            ...(await this.sql<(typeof viaGroups)[number]>(
              `SELECT ${f.groupObject} AS object, ${f.groupMember} AS subject, permission_id AS permission FROM ${f.groupTable} WHERE ${f.groupMember} IN (?)${inObjects(f.groupObject)}`,
              params(activeUserGroupIds),
            )),
          );
        }
      }
      for (const o of objects) objectNames.set(Number(o.id), o.name);
      const userEntries: UserObjectEntry[] = objects
        .filter((o) => o.dp !== null)
        .map((o) => ({ objectId: Number(o.id), userId: defaultUserId, permission: name(o.dp) }));
      for (const e of own) userEntries.push({ objectId: Number(e.object), userId: subject.id, permission: name(e.permission) });
      return {
        objects,
        userEntries,
        userGroupEntries: viaGroups.map((e): UserGroupObjectEntry => ({ objectId: Number(e.object), userGroupId: Number(e.subject), permission: name(e.permission) })),
      };
    };

    let repositories: ObjectBatch<RepositoryFacts> | undefined;
    if (scope.repositories) {
      const batch = await family(FAMILIES.repositories, scope.repositories);
      repositories = { ...batch, objects: batch.objects.map((o) => ({ id: Number(o.id), ownerId: Number(o.owner), isPrivate: Boolean(o.private) })) };
    }
    let repoGroups: ObjectBatch<ObjectFacts> | undefined;
    if (scope.repoGroups) {
      const batch = await family(FAMILIES.repoGroups, scope.repoGroups);
      repoGroups = { ...batch, objects: batch.objects.map((o) => ({ id: Number(o.id) })) };
    }
    let userGroups: ObjectBatch<ObjectFacts> | undefined;
    if (scope.userGroups) {
      const batch = await family(FAMILIES.userGroups, scope.userGroups);
      userGroups = { ...batch, objects: batch.objects.map((o) => ({ id: Number(o.id) })) };
    }

    const permissions = computeEffectivePermissions({
      subject: { userId: subject.id, isSuperAdmin: subject.admin },
      defaultUserId,
      activeUserGroupIds,
      globalEntries: {
        defaultUser: userGlobals.filter((r) => Number(r.subject) === defaultUserId).map((r) => name(r.permission)),
        userGroups: groupGlobals.map((r) => ({ userGroupId: Number(r.subject), permission: name(r.permission) })),
        user: isDefault ? [] : userGlobals.filter((r) => Number(r.subject) === subject.id).map((r) => name(r.permission)),
      },
      repositories,
      repoGroups,
      userGroups,
    });
    return { permissions, names: objectNames };
  }

  /** Throws the right refusal (see `accessDenied`) unless U has `level` on repository R. */
  async requireRepository(subject: Subject, repo: { id: number; name: string }, level: PermissionLevel): Promise<EffectivePermissions> {
    const permissions = await this.compute(subject, { repositories: [repo.id] });
    const have = permissions.repositories.get(repo.id);
    if (!hasLevel(have, level)) {
      throw accessDenied({ anonymous: permissions.isDefaultUser, canRead: hasLevel(have, 'read'), what: `repository ${repo.name}`, needed: level });
    }
    return permissions;
  }

  async requireRepoGroup(subject: Subject, group: { id: number; name: string }, level: PermissionLevel): Promise<EffectivePermissions> {
    const permissions = await this.compute(subject, { repoGroups: [group.id] });
    const have = permissions.repoGroups.get(group.id);
    if (!hasLevel(have, level)) {
      throw accessDenied({ anonymous: permissions.isDefaultUser, canRead: hasLevel(have, 'read'), what: `repository group ${group.name}`, needed: level });
    }
    return permissions;
  }

  async requireUserGroup(subject: Subject, group: { id: number; name: string }, level: PermissionLevel): Promise<EffectivePermissions> {
    const permissions = await this.compute(subject, { userGroups: [group.id] });
    const have = permissions.userGroups.get(group.id);
    if (!hasLevel(have, level)) {
      throw accessDenied({ anonymous: permissions.isDefaultUser, canRead: hasLevel(have, 'read'), what: `user group ${group.name}`, needed: level });
    }
    return permissions;
  }

  /** "May U have `level` on repository R?" — one small batch. */
  async hasRepositoryLevel(subject: Subject, repositoryId: EntityId, level: PermissionLevel): Promise<boolean> {
    const permissions = await this.compute(subject, { repositories: [repositoryId] });
    return hasLevel(permissions.repositories.get(repositoryId), level);
  }

  async hasRepoGroupLevel(subject: Subject, groupId: EntityId, level: PermissionLevel): Promise<boolean> {
    const permissions = await this.compute(subject, { repoGroups: [groupId] });
    return hasLevel(permissions.repoGroups.get(groupId), level);
  }

  /** Ids of the active user groups `userId` belongs to. */
  private async activeGroupsOf(userId: number): Promise<number[]> {
    const rows = await this.dataSource.manager
      .createQueryBuilder(UserGroupMember, 'm')
      .innerJoin(UserGroup, 'g', 'g.id = m.userGroupId AND g.active = :active', { active: true })
      .select('m.userGroupId', 'id')
      .where('m.userId = :userId', { userId })
      .getRawMany<{ id: number }>();
    return rows.map((r) => Number(r.id));
  }

  /**
   * Plain SQL for the hot path (no entity hydration or query building: these reach tens of
   * thousands of rows). `?` placeholders; an array parameter expands to a list (`IN (?)`).
   */
  private sql<T>(query: string, params: unknown[]): Promise<T[]> {
    const postgres = this.dataSource.options.type === 'postgres';
    const values: unknown[] = [];
    let index = 0;
    const text = query.replace(/\?/g, () => {
      const param = params[index++];
      const list = Array.isArray(param) ? param : [param];
      return list
        .map((value) => {
          values.push(value);
          return postgres ? `$${values.length}` : '?';
        })
        .join(', ');
    });
    return this.dataSource.query(text, values) as Promise<T[]>;
  }

  /**
   * Rows of `columns` (null = always null) packed into ONE string by the database and split here.
   * The sqlite3 driver spends microseconds per row and column building result objects; for the
   * ten thousands of rows of a big site's permission data one packed row is about twice as fast.
   * Values never contain the separators: they are ids, booleans and validated names (no control
   * characters).
   */
  private async packedRows(columns: (string | null)[], from: string, params: unknown[]): Promise<(string | null)[][]> {
    const postgres = this.dataSource.options.type === 'postgres';
    const NULL = postgres ? "chr(29)" : 'char(29)';
    const text = (column: string | null) => (column === null ? NULL : postgres ? `COALESCE(CAST(${column} AS text), ${NULL})` : `IFNULL(CAST(${column} AS TEXT), ${NULL})`);
    const row = columns.map(text).join(postgres ? ' || chr(31) || ' : ' || char(31) || ');
    const aggregate = postgres ? `string_agg(${row}, chr(30))` : `group_concat(${row}, char(30))`;
    const [result] = await this.sql<{ packed: string | null }>(`SELECT ${aggregate} AS packed FROM ${from}`, params);
    if (!result?.packed) return [];
    return result.packed.split('\x1e').map((line) => line.split('\x1f').map((value) => (value === '\x1d' ? null : value)));
  }

  /** The default user's id: the row exists from setup on and is never deleted. */
  private defaultUserId(): Promise<number> {
    this.defaultUser ??= this.dataSource.manager
      .findOneOrFail(User, { where: { username: DEFAULT_USERNAME }, select: { id: true } })
      .then((u) => u.id)
      .catch((error: unknown) => {
        this.defaultUser = undefined;
        throw error;
      });
    return this.defaultUser;
  }

  /** Permission ids never change after install: read the 28 names once. */
  private names(): Promise<Map<number, string>> {
    this.permissionNames ??= this.dataSource.manager
      .find(Permission)
      .then((rows) => new Map(rows.map((r) => [r.id, r.name])))
      .catch((error: unknown) => {
        this.permissionNames = undefined;
        throw error;
      });
    return this.permissionNames;
  }
}
