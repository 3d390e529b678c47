import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Channel,
  CreateUserGroup,
  Page,
  PermissionEntry,
  SubjectGlobalPermissions,
  UpdateUserGroup,
  UserGroupDto,
  UserGroupMember as MemberDto,
  UserGroupPermission,
  createUserGroupSchema,
  updateUserGroupSchema,
  hasLevel,
  mayCreateUserGroup,
} from '@grove/shared';
import { DataSource, In } from 'typeorm';
import type { Actor } from '../common/actor';
import { isUniqueViolation } from '../common/errors/db-errors';
import { DomainError, ErrorCode, forbidden, notFound } from '../common/errors/domain-error';
import { JournalService } from '../journal/journal.service';
import { PermissionGrantsService, PermissionSubjectRef } from '../permissions/permission-grants.service';
import { PermissionsService } from '../permissions/permissions.service';
import { UserGroupRepoPermission } from '../permissions/permission.entities';
import { Repository as RepositoryEntity } from '../repos/repository.entity';
import { setSubjectGlobals, toSubjectGlobals } from '../permissions/subject-globals';
import { User } from '../users/user.entity';
import { UserGroupMember } from './user-group-member.entity';
import { UserGroup } from './user-group.entity';

/** User groups: membership, activation, who may use/administer them, their global permissions. */
@Injectable()
export class UserGroupsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly permissions: PermissionsService,
    private readonly grants: PermissionGrantsService,
    private readonly journal: JournalService,
  ) {}

  async find(ref: string | number): Promise<UserGroup> {
    const m = this.dataSource.manager;
    const group =
      typeof ref === 'number' || /^\d+$/.test(ref)
        ? ((await m.findOne(UserGroup, { where: { id: Number(ref) } })) ?? (typeof ref === 'string' ? await m.findOne(UserGroup, { where: { name: ref } }) : null))
        : await m.findOne(UserGroup, { where: { name: ref } });
    if (!group) throw notFound(`User group ${ref} not found`);
    return group;
  }

  /** A user group by id (a number or a string of digits) or else by exact name (JSON-RPC lookup rule); null when there is none. */
  async findByIdOrName(ref: number | string): Promise<UserGroup | null> {
    const m = this.dataSource.manager;
    if (typeof ref === 'number') return Number.isSafeInteger(ref) ? m.findOne(UserGroup, { where: { id: ref } }) : null;
    if (/^\d+$/.test(ref)) return /^\d{1,15}$/.test(ref) ? m.findOne(UserGroup, { where: { id: Number(ref) } }) : null;
    return m.findOne(UserGroup, { where: { name: ref } });
  }

  /** Every group the actor may read (super-admins: all), by name. */
  async readable(actor: Actor): Promise<UserGroup[]> {
    const all = await this.dataSource.manager.find(UserGroup, { order: { name: 'ASC' } });
    const permissions = await this.permissions.compute(actor.user, { userGroups: all.map((g) => g.id) });
    return all.filter((g) => hasLevel(permissions.userGroups.get(g.id), 'read'));
  }

  /** The member users of several groups in one query, each list in the order members were added. No permission check. */
  async membersOf(groupIds: readonly number[]): Promise<Map<number, User[]>> {
    const out = new Map<number, User[]>(groupIds.map((id) => [id, []]));
    if (!groupIds.length) return out;
    const m = this.dataSource.manager;
    const rows = await m.find(UserGroupMember, { where: { userGroupId: In([...new Set(groupIds)]) }, order: { id: 'ASC' } });
    const users = rows.length ? await m.find(User, { where: { id: In([...new Set(rows.map((r) => r.userId))]) } }) : [];
    const byId = new Map(users.map((u) => [u.id, u]));
    for (const row of rows) {
      const user = byId.get(row.userId);
      if (user) out.get(row.userGroupId)?.push(user);
    }
    return out;
  }

  /** Groups the actor may read (`admin=true`: administer). */
  async list(actor: Actor, query: { page: number; size: number; filter?: string; admin?: boolean }): Promise<Page<UserGroupDto>> {
    const all = await this.dataSource.manager.find(UserGroup, { order: { name: 'ASC' } });
    const permissions = await this.permissions.compute(actor.user, { userGroups: all.map((g) => g.id) });
    const needle = query.filter?.toLowerCase();
    const visible = all.filter(
      (g) => hasLevel(permissions.userGroups.get(g.id), query.admin ? 'admin' : 'read') && (!needle || g.name.toLowerCase().includes(needle)),
    );
    const page = visible.slice((query.page - 1) * query.size, query.page * query.size);
    return { items: await this.toDtos(page, (id) => permissions.userGroups.get(id) ?? 'usergroup.none'), total: visible.length, page: query.page, size: query.size };
  }

  async get(actor: Actor, ref: string | number): Promise<UserGroupDto> {
    const group = await this.find(ref);
    const permissions = await this.permissions.requireUserGroup(actor.user, group, 'read');
    return (await this.toDtos([group], (id) => permissions.userGroups.get(id) ?? 'usergroup.none'))[0]!;
  }

  /**
   * Super-admins, or users with `hg.usergroup.create.true`. The owner gets `usergroup.admin` (§4.3).
   * Web: only super-admins may name another owner; API: anyone allowed to create may (jsonrpc-api.md §8 B9).
   */
  async create(actor: Actor, input: CreateUserGroup, channel: Channel = 'web'): Promise<UserGroup> {
    const permissions = await this.permissions.compute(actor.user);
    if (permissions.isDefaultUser) throw new DomainError(ErrorCode.Unauthenticated, 'You need to sign in');
    if (!mayCreateUserGroup(permissions)) throw new DomainError(ErrorCode.Forbidden, 'You may not create user groups', undefined, { kind: 'global-permission' });
    const data = createUserGroupSchema.parse(input);
    const owner =
      data.owner && data.owner !== actor.user.username ? (channel === 'api' ? await this.userByName(data.owner, true) : await this.ownerFor(actor, data.owner)) : actor.user;
    try {
      return await this.dataSource.transaction(async (m) => {
        if (await m.createQueryBuilder(UserGroup, 'g').where('LOWER(g.name) = :n', { n: data.name.toLowerCase() }).getCount()) {
          throw new DomainError(ErrorCode.Conflict, `User group ${data.name} already exists`, { field: 'name' }, { kind: 'name-taken', object: 'userGroup' });
        }
        const group = await m.save(m.create(UserGroup, { name: data.name, description: data.description, active: data.active, ownerId: owner.id, createdOn: new Date() }));
        await this.grants.set(m, 'userGroup', [group.id], { type: 'user', id: owner.id }, 'usergroup.admin');
        const defaultUserId = await this.grants.defaultUserId(m);
        if (defaultUserId !== owner.id) await this.grants.set(m, 'userGroup', [group.id], { type: 'user', id: defaultUserId }, await this.grants.initialDefault('usergroup', {}, m));
        await this.journal.record({ user: actor.user, action: 'admin_created_users_group', parameter: group.name, ip: actor.ip }, m);
        return group;
      });
    } catch (error) {
      throw isUniqueViolation(error) ? new DomainError(ErrorCode.Conflict, `User group ${data.name} already exists`, undefined, { kind: 'name-taken', object: 'userGroup' }) : error;
    }
  }

  async update(actor: Actor, ref: string | number, raw: UpdateUserGroup, channel: Channel = 'web'): Promise<UserGroup> {
    const group = await this.find(ref);
    await this.permissions.requireUserGroup(actor.user, group, 'admin');
    const input = updateUserGroupSchema.parse(raw);
    const owner = input.owner !== undefined ? await this.userByName(input.owner, channel === 'api') : undefined;
    try {
      return await this.dataSource.transaction(async (m) => {
        if (input.name !== undefined && input.name.toLowerCase() !== group.name.toLowerCase()) {
          if (await m.createQueryBuilder(UserGroup, 'g').where('LOWER(g.name) = :n', { n: input.name.toLowerCase() }).getCount()) {
            throw new DomainError(ErrorCode.Conflict, `User group ${input.name} already exists`, { field: 'name' });
          }
        }
        Object.assign(group, {
          ...(input.name !== undefined && { name: input.name }),
          ...(input.description !== undefined && { description: input.description }),
          ...(input.active !== undefined && { active: input.active }),
          ...(owner && { ownerId: owner.id }),
        });
        await m.save(group);
        await this.journal.record({ user: actor.user, action: 'admin_updated_users_group', parameter: group.name, ip: actor.ip }, m);
        return group;
      });
    } catch (error) {
      throw isUniqueViolation(error) ? new DomainError(ErrorCode.Conflict, `User group ${input.name} already exists`) : error;
    }
  }

  /** Refused while the group still holds repository entries, unless forced. */
  async delete(actor: Actor, ref: string | number, force = false): Promise<void> {
    const group = await this.find(ref);
    await this.permissions.requireUserGroup(actor.user, group, 'admin');
    const repoEntries = await this.dataSource.manager.find(UserGroupRepoPermission, { where: { userGroupId: group.id }, select: { id: true, repositoryId: true } });
    if (repoEntries.length && !force) {
      const repos = await this.dataSource.manager.find(RepositoryEntity, { where: { id: In(repoEntries.map((e) => e.repositoryId)) }, select: { id: true, name: true }, order: { name: 'ASC' } });
      throw new DomainError(
        ErrorCode.Conflict,
        `User group ${group.name} still has permissions on ${repoEntries.length} repositories; revoke them first or force the deletion`,
        undefined,
        { kind: 'in-use', repositories: repos.map((r) => r.name) },
      );
    }
    await this.dataSource.manager.delete(UserGroup, { id: group.id });
  }

  // --- members --------------------------------------------------------------------------------

  async members(actor: Actor, ref: string | number): Promise<MemberDto[]> {
    const group = await this.find(ref);
    await this.permissions.requireUserGroup(actor.user, group, 'read');
    const rows = await this.dataSource.manager
      .createQueryBuilder(User, 'u')
      .innerJoin(UserGroupMember, 'm', 'm.userId = u.id AND m.userGroupId = :gid', { gid: group.id })
      .orderBy('u.username', 'ASC')
      .getMany();
    return rows.map((u) => ({ id: u.id, username: u.username, firstname: u.firstname, lastname: u.lastname, active: u.active }));
  }

  /** Replaces the member list (the two-list picker of the settings tab). */
  async setMembers(actor: Actor, ref: string | number, userIds: number[]): Promise<MemberDto[]> {
    const group = await this.find(ref);
    await this.permissions.requireUserGroup(actor.user, group, 'admin');
    const unique = [...new Set(userIds)];
    const users = unique.length ? await this.dataSource.manager.find(User, { where: { id: In(unique) } }) : [];
    const missing = unique.filter((id) => !users.some((u) => u.id === id && !u.isDefaultUser));
    if (missing.length) throw new DomainError(ErrorCode.Validation, `Unknown user id(s): ${missing.join(', ')}`, { field: 'userIds' });
    await this.dataSource.transaction(async (m) => {
      await m.delete(UserGroupMember, { userGroupId: group.id });
      if (unique.length) await m.insert(UserGroupMember, unique.map((userId) => ({ userGroupId: group.id, userId })));
      await this.journal.record({ user: actor.user, action: 'admin_updated_users_group', parameter: group.name, ip: actor.ip }, m);
    });
    return this.members(actor, group.id);
  }

  /** Adds a member; false when they already were one. */
  async addMember(actor: Actor, ref: string | number, userId: number): Promise<boolean> {
    const group = await this.find(ref);
    await this.permissions.requireUserGroup(actor.user, group, 'admin');
    const user = await this.dataSource.manager.findOne(User, { where: { id: userId } });
    if (!user || user.isDefaultUser) throw notFound(`User ${userId} not found`);
    const exists = await this.dataSource.manager.count(UserGroupMember, { where: { userGroupId: group.id, userId } });
    if (exists) return false;
    try {
      await this.dataSource.manager.insert(UserGroupMember, { userGroupId: group.id, userId });
    } catch (error) {
      if (isUniqueViolation(error)) return false; // added concurrently
      throw error;
    }
    return true;
  }

  async removeMember(actor: Actor, ref: string | number, userId: number): Promise<void> {
    const group = await this.find(ref);
    await this.permissions.requireUserGroup(actor.user, group, 'admin');
    const result = await this.dataSource.manager.delete(UserGroupMember, { userGroupId: group.id, userId });
    if (!result.affected) throw new DomainError(ErrorCode.NotFound, `User ${userId} is not a member of ${group.name}`, undefined, { kind: 'not-member' });
  }

  // --- permissions on the group itself --------------------------------------------------------

  async permissionEntries(actor: Actor, ref: string | number): Promise<PermissionEntry[]> {
    const group = await this.find(ref);
    await this.permissions.requireUserGroup(actor.user, group, 'admin');
    return this.grants.entries('userGroup', group.id);
  }

  async setPermission(actor: Actor, ref: string | number, subject: PermissionSubjectRef, permission: UserGroupPermission | null): Promise<void> {
    const group = await this.find(ref);
    await this.permissions.requireUserGroup(actor.user, group, 'admin');
    if (subject.type === 'user_group' && subject.id === group.id) throw new DomainError(ErrorCode.Validation, 'A user group cannot hold a permission on itself');
    if (subject.type === 'user') {
      if (!(await this.dataSource.manager.findOne(User, { where: { id: subject.id }, select: { id: true } }))) throw notFound(`User ${subject.id} not found`);
    } else if (!(await this.dataSource.manager.findOne(UserGroup, { where: { id: subject.id }, select: { id: true } }))) {
      throw notFound(`User group ${subject.id} not found`);
    }
    if (permission === null && subject.type === 'user' && subject.id === (await this.grants.defaultUserId())) {
      throw new DomainError(ErrorCode.Conflict, 'The default permission cannot be revoked; set it to none instead');
    }
    await this.dataSource.transaction((m) =>
      permission ? this.grants.set(m, 'userGroup', [group.id], subject, permission) : this.grants.unset(m, 'userGroup', [group.id], subject),
    );
  }

  /** The group's own global permissions (create repositories, create user groups, fork). */
  async globalPermissions(actor: Actor, ref: string | number): Promise<SubjectGlobalPermissions> {
    const group = await this.find(ref);
    await this.permissions.requireUserGroup(actor.user, group, 'admin');
    return toSubjectGlobals(await this.grants.globalEntries({ type: 'user_group', id: group.id }));
  }

  async setGlobalPermissions(actor: Actor, ref: string | number, values: SubjectGlobalPermissions): Promise<SubjectGlobalPermissions> {
    const group = await this.find(ref);
    await this.permissions.requireUserGroup(actor.user, group, 'admin');
    await this.dataSource.transaction((m) => setSubjectGlobals(this.grants, m, { type: 'user_group', id: group.id }, values));
    return values;
  }

  private async ownerFor(actor: Actor, username: string): Promise<User> {
    if (!actor.user.admin) throw forbidden('Only super-admins may create user groups for someone else');
    return this.userByName(username);
  }

  /** The owner named by `username`; with `byId` (the API, §3) a string of digits is a user id instead. */
  private async userByName(username: string, byId = false): Promise<User> {
    const where = byId && /^\d{1,15}$/.test(username) ? { id: Number(username) } : { username };
    const user = await this.dataSource.manager.findOne(User, { where });
    if (!user || user.isDefaultUser) throw new DomainError(ErrorCode.Validation, `User ${username} does not exist`, { field: 'owner' }, { kind: 'unknown-owner', owner: username });
    return user;
  }

  private async toDtos(groups: UserGroup[], permission: (id: number) => string): Promise<UserGroupDto[]> {
    if (!groups.length) return [];
    const m = this.dataSource.manager;
    const ids = groups.map((g) => g.id);
    const [owners, counts] = await Promise.all([
      m.find(User, { where: { id: In([...new Set(groups.map((g) => g.ownerId))]) }, select: { id: true, username: true } }),
      m.createQueryBuilder(UserGroupMember, 'm').select('m.userGroupId', 'id').addSelect('COUNT(*)', 'n').where('m.userGroupId IN (:...ids)', { ids }).groupBy('m.userGroupId').getRawMany<{ id: number; n: string }>(),
    ]);
    const ownerName = new Map(owners.map((u) => [u.id, u.username]));
    const count = new Map(counts.map((c) => [Number(c.id), Number(c.n)]));
    return groups.map((g) => ({
      id: g.id,
      name: g.name,
      description: g.description ?? '',
      active: g.active,
      owner: ownerName.get(g.ownerId) ?? '',
      memberCount: count.get(g.id) ?? 0,
      createdOn: g.createdOn.toISOString(),
      permission: permission(g.id),
    }));
  }
}
