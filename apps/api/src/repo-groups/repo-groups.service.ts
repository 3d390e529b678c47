import { rmdir } from 'node:fs/promises';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CreateRepoGroup,
  Page,
  PermissionEntry,
  RecursionMode,
  RepoGroupDto,
  RepoGroupPermission,
  UpdateRepoGroup,
  createRepoGroupSchema,
  updateRepoGroupSchema,
  hasLevel,
  mayChangeRepoGroupEntryOfUser,
  mayCreateRepoGroup,
  nameClashKey,
} from '@grove/shared';
import { VcsService } from '@grove/vcs';
import type { Logger } from 'pino';
import { DataSource, In } from 'typeorm';
import type { Actor } from '../common/actor';
import { changeTogether } from '../common/disk-and-database';
import { isUniqueViolation } from '../common/errors/db-errors';
import { DomainError, ErrorCode, forbidden, notFound } from '../common/errors/domain-error';
import { LOGGER } from '../common/logging/logger.token';
import { PermissionGrantsService, PermissionSubjectRef, likeEscape } from '../permissions/permission-grants.service';
import { PermissionsService } from '../permissions/permissions.service';
import { Repository } from '../repos/repository.entity';
import { UserGroup } from '../user-groups/user-group.entity';
import { User } from '../users/user.entity';
import { RepoGroup } from './repo-group.entity';

/** Repository groups: nested directories of repositories with their own permissions. */
@Injectable()
export class RepoGroupsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly vcs: VcsService,
    private readonly permissions: PermissionsService,
    private readonly grants: PermissionGrantsService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async find(ref: string | number): Promise<RepoGroup> {
    const m = this.dataSource.manager;
    const group =
      typeof ref === 'number' || /^\d+$/.test(ref)
        ? ((await m.findOne(RepoGroup, { where: { id: Number(ref) } })) ?? (typeof ref === 'string' ? await m.findOne(RepoGroup, { where: { name: ref } }) : null))
        : await m.findOne(RepoGroup, { where: { name: ref.replace(/^\/+|\/+$/g, '') } });
    if (!group) throw notFound(`Repository group ${ref} not found`);
    return group;
  }

  /** A group by id (a number or a string of digits) or else by exact full name (JSON-RPC lookup rule); null when there is none. */
  async findByIdOrName(ref: number | string): Promise<RepoGroup | null> {
    const m = this.dataSource.manager;
    if (typeof ref === 'number') return Number.isSafeInteger(ref) ? m.findOne(RepoGroup, { where: { id: ref } }) : null;
    if (/^\d+$/.test(ref)) return /^\d{1,15}$/.test(ref) ? m.findOne(RepoGroup, { where: { id: Number(ref) } }) : null;
    return m.findOne(RepoGroup, { where: { name: ref } });
  }

  /** Every group on which the actor has at least `level` (super-admins: all), by name. */
  async withLevel(actor: Actor, level: 'read' | 'admin' = 'read'): Promise<RepoGroup[]> {
    const all = await this.dataSource.manager.find(RepoGroup, { order: { name: 'ASC' } });
    const permissions = await this.permissions.compute(actor.user, { repoGroups: all.map((g) => g.id) });
    return all.filter((g) => hasLevel(permissions.repoGroups.get(g.id), level));
  }

  /** Full names of the repositories directly inside each group, sorted case-insensitively (one query). No permission check. */
  async repositoryNamesIn(groupIds: readonly number[]): Promise<Map<number, string[]>> {
    const out = new Map<number, string[]>(groupIds.map((id) => [id, []]));
    const unique = [...new Set(groupIds)];
    for (let i = 0; i < unique.length; i += 900) {
      const rows = await this.dataSource.manager.find(Repository, { where: { groupId: In(unique.slice(i, i + 900)) }, select: { id: true, name: true, groupId: true } });
      for (const r of rows) out.get(r.groupId!)?.push(r.name);
    }
    for (const names of out.values()) names.sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()) || (a < b ? -1 : a > b ? 1 : 0));
    return out;
  }

  async get(actor: Actor, ref: string | number): Promise<RepoGroupDto> {
    const group = await this.find(ref);
    const permissions = await this.permissions.requireRepoGroup(actor.user, group, 'read');
    return (await this.toDtos([group], (id) => permissions.repoGroups.get(id) ?? 'group.none'))[0]!;
  }

  /** Groups the actor administers (the admin grid; super-admins see all). */
  async listAdministered(actor: Actor, query: { page: number; size: number; filter?: string }): Promise<Page<RepoGroupDto>> {
    const all = await this.dataSource.manager.find(RepoGroup, { order: { name: 'ASC' } });
    const permissions = await this.permissions.compute(actor.user, { repoGroups: all.map((g) => g.id) });
    const needle = query.filter?.toLowerCase();
    const visible = all.filter((g) => hasLevel(permissions.repoGroups.get(g.id), 'admin') && (!needle || g.name.toLowerCase().includes(needle)));
    const page = visible.slice((query.page - 1) * query.size, query.page * query.size);
    return { items: await this.toDtos(page, (id) => permissions.repoGroups.get(id) ?? 'group.none'), total: visible.length, page: query.page, size: query.size };
  }

  /** Creates a group: top level for super-admins, inside G for admins of G. The creator gets `group.admin` unless super-admin (§4.3). */
  async create(actor: Actor, input: CreateRepoGroup, channel: 'web' | 'api' = 'web'): Promise<RepoGroup> {
    const data = createRepoGroupSchema.parse(input);
    const name = data.name.replace(/^\/+|\/+$/g, '');
    const parentName = name.includes('/') ? name.slice(0, name.lastIndexOf('/')) : null;
    const parent = parentName ? await this.dataSource.manager.findOne(RepoGroup, { where: { name: parentName } }) : null;
    if (parentName && !parent) throw new DomainError(ErrorCode.Validation, `Repository group ${parentName} does not exist`, { field: 'name' }, { kind: 'missing-group', path: parentName });
    const permissions = await this.permissions.compute(actor.user, { repoGroups: parent ? [parent.id] : [] });
    if (permissions.isDefaultUser) throw new DomainError(ErrorCode.Unauthenticated, 'You need to sign in');
    if (!mayCreateRepoGroup(permissions, parent?.id ?? null, channel)) {
      throw forbidden(parent ? `You may not create groups in ${parent.name}` : 'Only super-admins may create top-level repository groups');
    }
    await this.assertNameFree(name);
    const owner = data.owner && data.owner !== actor.user.username ? await this.ownerFor(actor, data.owner, channel === 'api') : actor.user;

    return changeTogether(
      this.dataSource,
      async (m) => {
        const group = await m.save(m.create(RepoGroup, { name, parentId: parent?.id ?? null, description: data.description, ownerId: owner.id, createdOn: new Date() }));
        const defaultUserId = await this.grants.defaultUserId(m);
        await this.grants.set(m, 'repoGroup', [group.id], { type: 'user', id: defaultUserId }, await this.grants.initialDefault('group', {}, m));
        if (data.copyPermissions && parent) {
          // Parent's entries, except the creating non-admin owner's own (they get admin below).
          await this.grants.copy(m, { kind: 'repoGroup', id: parent.id }, { kind: 'repoGroup', id: group.id }, (p) => p, (s) => s.type === 'user' && s.id === owner.id && !owner.admin);
        }
        if (!owner.admin) await this.grants.set(m, 'repoGroup', [group.id], { type: 'user', id: owner.id }, 'group.admin');
        return group;
      },
      { do: () => this.vcs.createGroup(name), undo: () => this.removeEmptyDirectory(name) },
    ).catch((error: unknown) => {
      throw isUniqueViolation(error) ? new DomainError(ErrorCode.Conflict, `A repository group named ${name} already exists`, undefined, { kind: 'name-taken', object: 'repoGroup' }) : error;
    });
  }

  /** Renames and/or moves a group with everything inside (names are stored in full), description, owner. */
  async update(actor: Actor, ref: string | number, raw: UpdateRepoGroup, channel: 'web' | 'api' = 'web'): Promise<RepoGroup> {
    const group = await this.find(ref);
    const permissions = await this.permissions.requireRepoGroup(actor.user, group, 'admin');
    const input = updateRepoGroupSchema.parse(raw);
    const newName = input.name?.replace(/^\/+|\/+$/g, '') ?? group.name;
    const oldName = group.name;
    const moving = newName !== oldName;
    let newParent: RepoGroup | null = null;
    if (moving) {
      if (newName.toLowerCase().startsWith(oldName.toLowerCase() + '/')) throw new DomainError(ErrorCode.Validation, 'A group cannot be moved into itself', { field: 'name' });
      const parentName = newName.includes('/') ? newName.slice(0, newName.lastIndexOf('/')) : null;
      newParent = parentName ? await this.dataSource.manager.findOne(RepoGroup, { where: { name: parentName } }) : null;
      if (parentName && !newParent) throw new DomainError(ErrorCode.Validation, `Repository group ${parentName} does not exist`, { field: 'name' });
      if ((newParent?.id ?? null) !== group.parentId) {
        if (!newParent && !permissions.isSuperAdmin) throw forbidden('Only super-admins may move a group to the top level');
        if (newParent) await this.permissions.requireRepoGroup(actor.user, newParent, 'admin');
      }
      await this.assertNameFree(newName, group.id);
    }
    const owner = input.owner !== undefined ? await this.userByName(input.owner, channel === 'api') : undefined;

    return changeTogether(
      this.dataSource,
      async (m) => {
        if (moving) {
          // Every descendant's full name starts with the old name.
          const prefix = `${likeEscape(oldName)}/%`;
          const [groups, repos] = await Promise.all([
            m.createQueryBuilder(RepoGroup, 'g').where("g.name LIKE :prefix ESCAPE '\\'", { prefix }).getMany(),
            m.createQueryBuilder(Repository, 'r').select(['r.id', 'r.name']).where("r.name LIKE :prefix ESCAPE '\\'", { prefix }).getMany(),
          ]);
          for (const g of groups) await m.update(RepoGroup, { id: g.id }, { name: newName + g.name.slice(oldName.length) });
          for (const r of repos) await m.update(Repository, { id: r.id }, { name: newName + r.name.slice(oldName.length) });
        }
        Object.assign(group, {
          name: newName,
          parentId: moving ? (newParent?.id ?? null) : group.parentId,
          ...(input.description !== undefined && { description: input.description }),
          ...(owner && { ownerId: owner.id }),
        });
        return m.save(group);
      },
      {
        do: async () => {
          if (moving) await this.vcs.rename(oldName, newName);
        },
        undo: async () => {
          if (moving) await this.vcs.rename(newName, oldName);
        },
      },
      (error) => this.logger.error({ err: error, from: newName, to: oldName }, 'could not move a repository group back'),
    ).catch((error: unknown) => {
      throw isUniqueViolation(error) ? new DomainError(ErrorCode.Conflict, `A repository group named ${newName} already exists`) : error;
    });
  }

  /** Deletes an empty group; its directory goes to `<root>/rm__<stamp>_GROUP_<name>`. */
  async delete(actor: Actor, ref: string | number): Promise<void> {
    const group = await this.find(ref);
    await this.permissions.requireRepoGroup(actor.user, group, 'admin');
    const m = this.dataSource.manager;
    const [repos, subGroups] = await Promise.all([m.count(Repository, { where: { groupId: group.id } }), m.count(RepoGroup, { where: { parentId: group.id } })]);
    if (repos || subGroups) {
      throw new DomainError(ErrorCode.Conflict, `Repository group ${group.name} still contains ${repos} repositories and ${subGroups} groups; delete or move them first`);
    }
    let archived = '';
    await changeTogether(
      this.dataSource,
      async (tx) => {
        await tx.delete(RepoGroup, { id: group.id });
      },
      {
        do: async () => {
          archived = await this.vcs.markGroupDeleted(group.name);
        },
        undo: () => this.vcs.rename(archived, group.name),
      },
    );
  }

  // --- permissions ----------------------------------------------------------------------------

  async permissionEntries(actor: Actor, ref: string | number): Promise<PermissionEntry[]> {
    const group = await this.find(ref);
    await this.permissions.requireRepoGroup(actor.user, group, 'admin');
    return this.grants.entries('repoGroup', group.id);
  }

  /** Grant or revoke (permission null) with recursion (§9); a non-super-admin cannot change their own entry (web). */
  async setPermission(
    actor: Actor,
    ref: string | number,
    subject: PermissionSubjectRef,
    permission: RepoGroupPermission | null,
    mode: RecursionMode,
    channel: 'web' | 'api' = 'web',
  ): Promise<void> {
    const group = await this.find(ref);
    const permissions = await this.permissions.requireRepoGroup(actor.user, group, 'admin');
    if (subject.type === 'user') {
      if (!mayChangeRepoGroupEntryOfUser(permissions, subject.id, channel)) throw forbidden('You cannot change your own permission on this group');
      if (!(await this.dataSource.manager.findOne(User, { where: { id: subject.id }, select: { id: true } }))) throw notFound(`User ${subject.id} not found`);
    } else {
      const userGroup = await this.dataSource.manager.findOne(UserGroup, { where: { id: subject.id } });
      if (!userGroup) throw notFound(`User group ${subject.id} not found`);
      const ugPermissions = await this.permissions.compute(actor.user, { userGroups: [userGroup.id] });
      if (!hasLevel(ugPermissions.userGroups.get(userGroup.id), 'read')) throw notFound(`User group ${subject.id} not found`);
    }
    await this.dataSource.transaction((m) => this.grants.applyToGroupTree(m, group.id, subject, permission, mode));
  }

  // --- helpers --------------------------------------------------------------------------------

  private async assertNameFree(name: string, exceptGroupId?: number) {
    const key = nameClashKey(name);
    const m = this.dataSource.manager;
    const [groups, repos] = await Promise.all([
      m.createQueryBuilder(RepoGroup, 'g').select(['g.id']).where('LOWER(g.name) = :key', { key }).getMany(),
      m.createQueryBuilder(Repository, 'r').where('LOWER(r.name) = :key', { key }).getCount(),
    ]);
    if (groups.some((g) => g.id !== exceptGroupId)) {
      throw new DomainError(ErrorCode.Conflict, `A repository group named ${name} already exists`, { field: 'name' }, { kind: 'name-taken', object: 'repoGroup' });
    }
    if (repos) throw new DomainError(ErrorCode.Conflict, `A repository named ${name} already exists`, { field: 'name' }, { kind: 'name-taken', object: 'repository' });
  }

  private async removeEmptyDirectory(name: string) {
    // createGroup made only this directory; rmdir refuses if anything appeared meanwhile.
    await rmdir(this.vcs.pathOf(name));
  }

  private async ownerFor(actor: Actor, username: string, byId = false): Promise<User> {
    if (!actor.user.admin) throw forbidden('Only super-admins may create groups for someone else');
    return this.userByName(username, byId);
  }

  /** The owner named by `username`; with `byId` (the API, §3) a string of digits is a user id instead. */
  private async userByName(username: string, byId = false): Promise<User> {
    const where = byId && /^\d{1,15}$/.test(username) ? { id: Number(username) } : { username };
    const user = await this.dataSource.manager.findOne(User, { where });
    if (!user || user.isDefaultUser) throw new DomainError(ErrorCode.Validation, `User ${username} does not exist`, { field: 'owner' }, { kind: 'unknown-owner', owner: username });
    return user;
  }

  async toDtos(groups: RepoGroup[], permission: (id: number) => string): Promise<RepoGroupDto[]> {
    if (!groups.length) return [];
    const m = this.dataSource.manager;
    const ids = groups.map((g) => g.id);
    const [owners, repoCounts, groupCounts] = await Promise.all([
      m.find(User, { where: { id: In([...new Set(groups.map((g) => g.ownerId))]) }, select: { id: true, username: true } }),
      m.createQueryBuilder(Repository, 'r').select('r.groupId', 'id').addSelect('COUNT(*)', 'n').where('r.groupId IN (:...ids)', { ids }).groupBy('r.groupId').getRawMany<{ id: number; n: string }>(),
      m.createQueryBuilder(RepoGroup, 'g').select('g.parentId', 'id').addSelect('COUNT(*)', 'n').where('g.parentId IN (:...ids)', { ids }).groupBy('g.parentId').getRawMany<{ id: number; n: string }>(),
    ]);
    const ownerName = new Map(owners.map((u) => [u.id, u.username]));
    const repoCount = new Map(repoCounts.map((r) => [Number(r.id), Number(r.n)]));
    const groupCount = new Map(groupCounts.map((r) => [Number(r.id), Number(r.n)]));
    return groups.map((g) => ({
      id: g.id,
      name: g.name,
      shortName: g.name.slice(g.name.lastIndexOf('/') + 1),
      parentId: g.parentId,
      description: g.description,
      owner: ownerName.get(g.ownerId) ?? '',
      createdOn: g.createdOn.toISOString(),
      repositoryCount: repoCount.get(g.id) ?? 0,
      subGroupCount: groupCount.get(g.id) ?? 0,
      permission: permission(g.id),
    }));
  }
}
