import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Channel,
  CreateRepo,
  ForkRepo,
  Page,
  PermissionEntry,
  RepoDetail,
  RepoListItem,
  RepositoryPermission,
  UpdateRepo,
  createRepoSchema,
  forkRepoSchema,
  updateRepoSchema,
  hasLevel,
  mayCreateRepositoryAt,
  mayForkRepository,
  mayGrantUserGroupOnRepository,
  mayGrantUserOnRepository,
  nameClashKey,
  repoGroupToRepositoryPermission,
  validateRepositoryName,
  RepoGroupPermission,
  CreationRefusal,
  checkApiCreateRepository,
  checkApiForkRepository,
  hasGlobalPermission,
} from '@grove/shared';
import { VcsService, redactCredentials } from '@grove/vcs';
import type { Logger } from 'pino';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Actor } from '../common/actor';
import { isUniqueViolation } from '../common/errors/db-errors';
import { DomainError, ErrorCode, ErrorReason, forbidden, notFound } from '../common/errors/domain-error';
import { changeTogether } from '../common/disk-and-database';
import { LOGGER } from '../common/logging/logger.token';
import { JournalService } from '../journal/journal.service';
import { PermissionGrantsService, PermissionSubjectRef } from '../permissions/permission-grants.service';
import { PermissionsService } from '../permissions/permissions.service';
import { RepoGroup } from '../repo-groups/repo-group.entity';
import { SettingsService } from '../settings/settings.service';
import { UserGroup } from '../user-groups/user-group.entity';
import { UserFollowing } from '../users/user-following.entity';
import { DEFAULT_USERNAME, User } from '../users/user.entity';
import { checkCloneUri } from './clone-uri-policy';
import { loadInOrder, toRepoListItems } from './repo-list-items';
import { parseTip } from './repo-tip';
import { RepositoryField } from './repository-field.entity';
import { Repository } from './repository.entity';

/** Repositories: lookup, creation (new, imported, forked), settings, moves, deletion, follows, permissions. */
@Injectable()
export class ReposService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly vcs: VcsService,
    private readonly permissions: PermissionsService,
    private readonly grants: PermissionGrantsService,
    private readonly journal: JournalService,
    private readonly settings: SettingsService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** A repository by full name or permanent `_<id>` name; 404 when there is none. */
  async find(ref: string): Promise<Repository> {
    const name = ref.replace(/^\/+|\/+$/g, '');
    const byId = /^_(\d{1,9})$/.exec(name);
    const repo = byId
      ? ((await this.dataSource.manager.findOne(Repository, { where: { id: Number(byId[1]) } })) ??
        (await this.dataSource.manager.findOne(Repository, { where: { name } })))
      : await this.dataSource.manager.findOne(Repository, { where: { name } });
    if (!repo) throw notFound(`Repository ${name} not found`);
    return repo;
  }

  /** A repository by id (a number or a string of digits) or else by exact full name (JSON-RPC lookup rule); null when there is none. */
  async findByIdOrName(ref: number | string): Promise<Repository | null> {
    const m = this.dataSource.manager;
    if (typeof ref === 'number') return Number.isSafeInteger(ref) ? m.findOne(Repository, { where: { id: ref } }) : null;
    if (/^\d+$/.test(ref)) return /^\d{1,15}$/.test(ref) ? m.findOne(Repository, { where: { id: Number(ref) } }) : null;
    return m.findOne(Repository, { where: { name: ref } });
  }

  /** Every repository the actor may read (super-admins: all), by name; one permission batch. */
  async listReadable(actor: Actor): Promise<Repository[]> {
    const all = await this.dataSource.manager.find(Repository, { order: { name: 'ASC' } });
    const permissions = await this.permissions.compute(actor.user, { repositories: 'all' });
    return all.filter((r) => hasLevel(permissions.repositories.get(r.id), 'read'));
  }

  /**
   * What listings show besides the row, for many repositories in a few queries: owner name, the
   * name of the repository forked from, and the extra field values (null while extra fields are
   * disabled on the site).
   */
  async listFacts(repos: readonly Repository[]): Promise<Map<number, { owner: string; forkOf: string | null; fields: Array<{ key: string; value: string }> | null }>> {
    const m = this.dataSource.manager;
    const inChunks = async <T>(ids: number[], load: (chunk: number[]) => Promise<T[]>): Promise<T[]> => {
      const out: T[] = [];
      const unique = [...new Set(ids)];
      for (let i = 0; i < unique.length; i += 900) out.push(...(await load(unique.slice(i, i + 900))));
      return out;
    };
    const fieldsEnabled = await this.settings.getBool('repository_fields');
    const [owners, parents, fields] = await Promise.all([
      inChunks(repos.map((r) => r.ownerId), (ids) => m.find(User, { where: { id: In(ids) }, select: { id: true, username: true } })),
      inChunks(repos.flatMap((r) => (r.forkId === null ? [] : [r.forkId])), (ids) => m.find(Repository, { where: { id: In(ids) }, select: { id: true, name: true } })),
      fieldsEnabled
        ? inChunks(repos.map((r) => r.id), (ids) => m.find(RepositoryField, { where: { repositoryId: In(ids) }, order: { key: 'ASC' } }))
        : Promise.resolve([] as RepositoryField[]),
    ]);
    const ownerName = new Map(owners.map((u) => [u.id, u.username]));
    const parentName = new Map(parents.map((p) => [p.id, p.name]));
    const fieldsOf = new Map<number, Array<{ key: string; value: string }>>();
    for (const f of fields) fieldsOf.set(f.repositoryId, [...(fieldsOf.get(f.repositoryId) ?? []), { key: f.key, value: f.value }]);
    return new Map(
      repos.map((r) => [
        r.id,
        { owner: ownerName.get(r.ownerId) ?? '', forkOf: r.forkId === null ? null : (parentName.get(r.forkId) ?? null), fields: fieldsEnabled ? (fieldsOf.get(r.id) ?? []) : null },
      ]),
    );
  }

  /** The users following a repository, in the order they started (the owner follows from creation). No permission check. */
  async followers(repositoryId: number): Promise<User[]> {
    const m = this.dataSource.manager;
    const rows = await m.find(UserFollowing, { where: { followsRepositoryId: repositoryId }, order: { id: 'ASC' } });
    if (!rows.length) return [];
    const users = await m.find(User, { where: { id: In(rows.map((r) => r.userId)) } });
    const byId = new Map(users.map((u) => [u.id, u]));
    return rows.flatMap((r) => (byId.has(r.userId) ? [byId.get(r.userId)!] : []));
  }

  /** The repository page's data; needs read. */
  async detail(actor: Actor, ref: string): Promise<RepoDetail> {
    const repo = await this.find(ref);
    const permissions = await this.permissions.requireRepository(actor.user, repo, 'read');
    return this.toDetail(repo, permissions.repositories.get(repo.id) ?? 'repository.none', actor.user);
  }

  /** Repositories the actor may read, or administers (`access: 'admin'`, the admin grid), by name. */
  async list(actor: Actor, query: { page: number; size: number; filter?: string; access: 'read' | 'admin' }): Promise<Page<RepoListItem>> {
    const { items } = await this.permissions.visible(actor.user, 'repositories', 'all', query.access);
    const needle = query.filter?.toLowerCase();
    const matching = (needle ? items.filter((r) => r.name.toLowerCase().includes(needle)) : items).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const page = matching.slice((query.page - 1) * query.size, query.page * query.size);
    const m = this.dataSource.manager;
    return { items: await toRepoListItems(m, await loadInOrder(m, page.map((r) => r.id))), total: matching.length, page: query.page, size: query.size };
  }

  /**
   * Creates a repository: empty (`init`) or imported from `cloneUri`. Location rule of
   * permissions.md §10 on every channel ([FIX-2]). Owner follows it; journal `user_created_repo`.
   * The API channel checks in Kallithea's order (jsonrpc-api.md §7.5): the global gate, the
   * `owner` argument (super-admins only), the owner, the name, the parent group, then the rest;
   * names are taken exactly as sent.
   */
  async create(actor: Actor, input: CreateRepo, channel: Channel = 'web'): Promise<Repository> {
    let owner: User = actor.user;
    if (channel === 'api') {
      const early = checkApiCreateRepository(await this.permissions.compute(actor.user), null);
      if (!early.allowed && early.refusal === 'gate') throw creationRefused('gate', 'You may not create repositories');
      if (input.owner !== undefined) {
        if (!actor.user.admin) throw ownerArgumentRefused();
        owner = await this.userByName(input.owner, true);
      }
    }
    const rawName = channel === 'api' ? input.name : trimSlashes(input.name);
    await this.assertNameFree(rawName);
    const group = await this.parentGroup(rawName, channel === 'api');
    const data = createRepoSchema.parse({ ...input, name: rawName });
    const name = this.checkName(data.name);
    const permissions = await this.permissions.compute(actor.user, { repoGroups: group ? [group.id] : [] });
    if (permissions.isDefaultUser) throw new DomainError(ErrorCode.Unauthenticated, 'You need to sign in to create repositories');
    if (channel === 'api') {
      const decision = checkApiCreateRepository(permissions, group?.id ?? null);
      if (!decision.allowed) throw creationRefused(decision.refusal, group ? `You may not create repositories in ${group.name}` : 'You may not create top-level repositories');
    } else {
      if (!mayCreateRepositoryAt(permissions, group?.id ?? null)) {
        throw forbidden(group ? `You may not create repositories in ${group.name}` : 'You may not create top-level repositories');
      }
      if (data.owner && data.owner !== actor.user.username) owner = await this.ownerFor(actor, data.owner);
    }
    if (data.cloneUri) await checkCloneUri(data.cloneUri, await this.settings.getBool('clone_uri_allow_local'));
    const defaults = await this.repoDefaults();
    const type = data.type ?? defaults.type;
    const isPrivate = data.private ?? defaults.private;

    const repo = await this.insertPending(name, {
      type,
      ownerId: owner.id,
      private: isPrivate,
      description: data.description ?? lastSegment(name),
      landingRevision: data.landingRevision ?? 'rev:tip',
      enableStatistics: data.enableStatistics ?? defaults.statistics,
      enableDownloads: data.enableDownloads ?? defaults.downloads,
      cloneUri: data.cloneUri ?? null,
      groupId: group?.id ?? null,
      forkId: null,
    });
    return this.finishCreation(repo, actor, owner, 'user_created_repo', undefined, async (m) => {
      if (data.copyPermissions && group) {
        await this.grants.copy(m, { kind: 'repoGroup', id: group.id }, { kind: 'repository', id: repo.id }, (p) => repoGroupToRepositoryPermission(p as RepoGroupPermission));
        if (isPrivate) await this.grants.set(m, 'repository', [repo.id], { type: 'user', id: await this.grants.defaultUserId(m) }, 'repository.none');
      } else {
        await this.grants.set(m, 'repository', [repo.id], { type: 'user', id: await this.grants.defaultUserId(m) }, await this.grants.initialDefault('repository', { isPrivate }, m));
      }
    }, () =>
      data.cloneUri
        ? this.vcs.clone(name, type, data.cloneUri, { allowLocal: true }).then(() => undefined)
        : this.vcs.init(name, type).then(() => undefined),
    );
  }

  /**
   * Forks: server-side clone owned by the forking user (or, for super-admins, by `owner`), `fork_id`
   * = source. The API channel checks in Kallithea's order (jsonrpc-api.md §7.5): the global gate,
   * the name (before any permission), read on the source, the `owner` argument, `hg.create.repository`,
   * the owner, the parent group, then the location rule ([FIX-2]).
   */
  async fork(actor: Actor, sourceRef: string, input: ForkRepo, channel: Channel = 'web'): Promise<Repository> {
    const source = await this.find(sourceRef);
    const rawName = channel === 'api' ? input.name : trimSlashes(input.name);
    let owner: User = actor.user;
    if (channel === 'api') {
      const early = checkApiForkRepository(await this.permissions.compute(actor.user, { repositories: [source.id] }), source.id, null);
      const refusal = early.allowed ? undefined : early.refusal;
      if (refusal === 'gate') throw creationRefused('gate', 'You may not fork repositories');
      await this.assertNameFree(rawName);
      if (refusal === 'source-hidden') throw creationRefused('source-hidden', `Repository ${source.name} not found`);
      if (input.owner !== undefined && !actor.user.admin) throw ownerArgumentRefused();
      if (refusal === 'no-create-permission') throw creationRefused('no-create-permission', 'You need the permission to create repositories to fork');
      if (input.owner !== undefined) owner = await this.userByName(input.owner, true);
    }
    const group = await this.parentGroup(rawName, channel === 'api');
    const data = forkRepoSchema.parse({ ...input, name: rawName });
    const name = this.checkName(data.name);
    const permissions = await this.permissions.compute(actor.user, { repositories: [source.id], repoGroups: group ? [group.id] : [] });
    if (channel === 'api') {
      const decision = checkApiForkRepository(permissions, source.id, group?.id ?? null);
      if (!decision.allowed) throw creationRefused(decision.refusal, `You may not fork ${source.name}${group ? ` into ${group.name}` : ' to the top level'}`);
    } else {
      if (!hasLevel(permissions.repositories.get(source.id), 'read')) throw notFound(`Repository ${source.name} not found`);
      if (permissions.isDefaultUser) throw new DomainError(ErrorCode.Unauthenticated, 'You need to sign in to fork repositories');
      if (!mayForkRepository(permissions, source.id, group?.id ?? null)) {
        throw forbidden(`You may not fork ${source.name}${group ? ` into ${group.name}` : ' to the top level'}`);
      }
      if (data.owner && data.owner !== actor.user.username) owner = await this.ownerFor(actor, data.owner);
    }
    const isPrivate = data.private ?? source.private;
    const repo = await this.insertPending(name, {
      type: source.type,
      ownerId: owner.id,
      private: isPrivate,
      description: data.description ?? `fork of repository: ${source.name}`,
      landingRevision: data.landingRevision ?? source.landingRevision,
      enableStatistics: data.enableStatistics ?? source.enableStatistics,
      enableDownloads: data.enableDownloads ?? source.enableDownloads,
      cloneUri: null,
      groupId: group?.id ?? null,
      forkId: source.id,
    });
    return this.finishCreation(repo, actor, owner, 'user_forked_repo', source, async (m) => {
      const defaultUserId = await this.grants.defaultUserId(m);
      if (data.copyPermissions) {
        await this.grants.copy(m, { kind: 'repository', id: source.id }, { kind: 'repository', id: repo.id }, (p) => p);
        if (isPrivate) await this.grants.set(m, 'repository', [repo.id], { type: 'user', id: defaultUserId }, 'repository.none');
      } else {
        await this.grants.set(m, 'repository', [repo.id], { type: 'user', id: defaultUserId }, await this.grants.initialDefault('repository', { isPrivate }, m));
      }
    }, () => this.vcs.fork(source.name, name).then(() => undefined));
  }

  /** Settings (admin): description, privacy, landing revision, flags, owner, remote, fields, name/group (a move on disk). */
  async update(actor: Actor, ref: string, raw: UpdateRepo, channel: Channel = 'web'): Promise<Repository> {
    const repo = await this.find(ref);
    const checked = await this.permissions.requireRepository(actor.user, repo, 'admin');
    if (channel === 'api' && !checked.isSuperAdmin) {
      // Kallithea's API: renaming needs `hg.create.repository` (only when the name really changes, §8 B3), and only super-admins may pass `owner`.
      const renaming = raw.name !== undefined && lastSegment(trimSlashes(raw.name)) !== lastSegment(repo.name);
      if (renaming && !hasGlobalPermission(checked, 'hg.create.repository')) {
        throw new DomainError(ErrorCode.Forbidden, 'You need the permission to create repositories to rename one', undefined, { kind: 'no-create-permission', move: true });
      }
      if (raw.owner !== undefined) throw ownerArgumentRefused();
    }
    const input = updateRepoSchema.parse(raw);
    const newName = input.name !== undefined ? this.checkName(input.name) : repo.name;
    const moving = newName !== repo.name;
    let newGroup: RepoGroup | null = null;
    if (moving) {
      newGroup = await this.parentGroup(newName);
      if ((newGroup?.id ?? null) !== repo.groupId) {
        const permissions = await this.permissions.compute(actor.user, { repoGroups: newGroup ? [newGroup.id] : [] });
        if (!mayCreateRepositoryAt(permissions, newGroup?.id ?? null)) {
          throw new DomainError(
            ErrorCode.Forbidden,
            newGroup ? `You may not move repositories into ${newGroup.name}` : 'You may not move repositories to the top level',
            undefined,
            { kind: 'location' },
          );
        }
      }
      await this.assertNameFree(newName, repo.id);
    }
    const owner = input.owner !== undefined ? await this.userByName(input.owner, channel === 'api') : undefined;
    if (input.cloneUri) await checkCloneUri(input.cloneUri, await this.settings.getBool('clone_uri_allow_local'));
    if (input.fields && !(await this.settings.getBool('repository_fields'))) {
      throw new DomainError(ErrorCode.BadRequest, 'Repository extra fields are disabled on this site');
    }
    const forkId = input.forkOf !== undefined ? await this.checkForkParent(actor, repo, input.forkOf) : repo.forkId;
    const oldName = repo.name;
    const becomesPrivate = input.private === true && !repo.private;

    const updated = await changeTogether(
      this.dataSource,
      async (m) => {
        Object.assign(repo, {
          name: newName,
          groupId: moving ? (newGroup?.id ?? null) : repo.groupId,
          ...(input.description !== undefined && { description: input.description }),
          ...(input.private !== undefined && { private: input.private }),
          ...(input.landingRevision !== undefined && { landingRevision: input.landingRevision }),
          ...(input.enableStatistics !== undefined && { enableStatistics: input.enableStatistics }),
          ...(input.enableDownloads !== undefined && { enableDownloads: input.enableDownloads }),
          ...(input.cloneUri !== undefined && { cloneUri: input.cloneUri }),
          ...(owner && { ownerId: owner.id }),
          forkId,
        });
        await m.save(repo);
        // §7: making a repository private overwrites the default entry with none.
        if (becomesPrivate) await this.grants.set(m, 'repository', [repo.id], { type: 'user', id: await this.grants.defaultUserId(m) }, 'repository.none');
        if (input.fields) await this.setFieldValues(m, repo.id, input.fields);
        await this.journal.record({ user: actor.user, action: 'admin_updated_repo', repository: repo, ip: actor.ip }, m);
        return repo;
      },
      {
        do: async () => {
          if (moving) await this.vcs.rename(oldName, newName);
        },
        undo: async () => {
          if (moving) await this.vcs.rename(newName, oldName);
        },
      },
      (error) => this.logger.error({ err: error, from: newName, to: oldName }, 'could not move a repository back after a failed update'),
    ).catch((error: unknown) => {
      throw isUniqueViolation(error) ? new DomainError(ErrorCode.Conflict, `A repository named ${newName} already exists`) : error;
    });
    return updated;
  }

  /**
   * Deletes (admin): the directory is archived as `rm__<stamp>__<name>`; forks must be detached or
   * deleted (deleting needs admin on every fork below, checked before anything is deleted).
   * Returns the number of direct forks detached or deleted.
   */
  async delete(actor: Actor, ref: string, options: { forks?: 'detach' | 'delete' } = {}): Promise<number> {
    const repo = await this.find(ref);
    await this.permissions.requireRepository(actor.user, repo, 'admin');
    const forks = await this.dataSource.manager.find(Repository, { where: { forkId: repo.id } });
    if (forks.length && !options.forks) {
      throw new DomainError(ErrorCode.Conflict, `Repository ${repo.name} has ${forks.length} fork(s): choose to detach or delete them`, undefined, {
        kind: 'has-forks',
        count: forks.length,
      });
    }
    if (options.forks === 'delete') {
      const descendants = await this.forkTree(repo.id);
      const permissions = await this.permissions.compute(actor.user, { repositories: descendants.map((r) => r.id) });
      const denied = descendants.find((r) => !hasLevel(permissions.repositories.get(r.id), 'admin'));
      if (denied) throw forbidden(`Deleting the forks needs admin permission on ${denied.name} too`);
      for (const fork of forks) await this.delete(actor, fork.name, { forks: options.forks });
    }
    let archived = '';
    await changeTogether(
      this.dataSource,
      async (m) => {
        if (options.forks === 'detach') await m.update(Repository, { forkId: repo.id }, { forkId: null });
        await this.journal.record({ user: actor.user, action: 'admin_deleted_repo', repository: repo, ip: actor.ip }, m);
        await m.delete(Repository, { id: repo.id });
      },
      {
        do: async () => {
          archived = await this.vcs.markDeleted(repo.name);
        },
        undo: async () => {
          await this.vcs.rename(archived, repo.name);
        },
      },
      (error) => this.logger.error({ err: error, archived, name: repo.name }, 'could not restore a repository after a failed delete'),
    );
    return forks.length;
  }

  /** Every fork below a repository, forks of forks included. */
  private async forkTree(repositoryId: number): Promise<Repository[]> {
    const out: Repository[] = [];
    let frontier = [repositoryId];
    while (frontier.length) {
      const next = await this.dataSource.manager.find(Repository, { where: { forkId: In(frontier) }, select: { id: true, name: true, forkId: true } });
      out.push(...next);
      frontier = next.map((r) => r.id);
    }
    return out;
  }

  /**
   * Refreshes what Grove caches about a repository (the tip shown in listings): the JSON-RPC
   * `invalidate_cache`. Needs write. Returns the repository.
   */
  async refreshCaches(actor: Actor, ref: string): Promise<Repository> {
    const repo = await this.find(ref);
    await this.permissions.requireRepository(actor.user, repo, 'write');
    const { changesetCache, tipDate } = await this.tipCache(repo.name);
    await this.dataSource.manager.update(Repository, { id: repo.id }, { changesetCache, ...(tipDate && { updatedOn: tipDate }) });
    repo.changesetCache = changesetCache;
    return repo;
  }

  /**
   * Pulls into a repository from `cloneUri`, else its stored remote, else (for a fork) the
   * repository it was forked from (admin; "remote pull"). A given URI follows the clone-URI
   * policy; the journal gets `push_remote:<ids>` as Kallithea writes it.
   */
  async pullFromRemote(actor: Actor, ref: string, cloneUri?: string | null): Promise<Repository> {
    const repo = await this.find(ref);
    await this.permissions.requireRepository(actor.user, repo, 'admin');
    let source: string | undefined = cloneUri ?? repo.cloneUri ?? undefined;
    let local = false;
    if (source) {
      await checkCloneUri(source, await this.settings.getBool('clone_uri_allow_local'));
    } else if (repo.forkId !== null) {
      const parent = await this.dataSource.manager.findOne(Repository, { where: { id: repo.forkId } });
      if (parent) {
        source = this.vcs.pathOf(parent.name);
        local = true;
      }
    }
    if (!source) throw new DomainError(ErrorCode.BadRequest, `Repository ${repo.name} has no remote to pull from`);
    const before = await this.vcs.pushSnapshot(repo.name);
    await this.vcs.pull(repo.name, source, { allowLocal: local || (await this.settings.getBool('clone_uri_allow_local')) });
    const changes = await this.vcs.pushChanges(repo.name, before);
    const { changesetCache, tipDate } = await this.tipCache(repo.name);
    await this.dataSource.transaction(async (m) => {
      await m.update(Repository, { id: repo.id }, { changesetCache, ...(tipDate && { updatedOn: tipDate }) });
      await this.journal.record({ user: actor.user, action: 'push_remote', parameter: changes.changesets.map((c) => c.rawId).join(','), repository: repo, ip: actor.ip }, m);
    });
    repo.changesetCache = changesetCache;
    return repo;
  }

  /**
   * "Fork of" (advanced settings): the parent must be readable by the admin, of the same type,
   * and not the repository itself or one of its own forks (a cycle).
   */
  private async checkForkParent(actor: Actor, repo: Repository, parentId: number | null): Promise<number | null> {
    if (parentId === null || parentId === repo.forkId) return parentId;
    const parent = await this.find(`_${parentId}`);
    await this.permissions.requireRepository(actor.user, parent, 'read');
    if (parent.type !== repo.type) throw new DomainError(ErrorCode.BadRequest, `${parent.name} is a ${parent.type} repository; a fork must have the same type`);
    if (parent.id === repo.id || (await this.forkTree(repo.id)).some((r) => r.id === parent.id)) {
      throw new DomainError(ErrorCode.BadRequest, `${repo.name} cannot be a fork of ${parent.name}: that would make a cycle`);
    }
    return parent.id;
  }

  /** Admins add a repository to, or remove it from, the public journal (what the `default` user follows). */
  async setPublicJournal(actor: Actor, ref: string, on: boolean): Promise<void> {
    const repo = await this.find(ref);
    await this.permissions.requireRepository(actor.user, repo, 'admin');
    await this.dataSource.transaction(async (m) => {
      await this.setFollowing(m, await this.grants.defaultUserId(m), repo.id, on);
    });
  }

  async follow(actor: Actor, ref: string, follow: boolean): Promise<void> {
    if (actor.user.isDefaultUser) throw new DomainError(ErrorCode.Unauthenticated, 'You need to sign in to follow repositories');
    const repo = await this.find(ref);
    await this.permissions.requireRepository(actor.user, repo, 'read');
    await this.dataSource.transaction(async (tx) => {
      if (!(await this.setFollowing(tx, actor.user.id, repo.id, follow))) return;
      await this.journal.record({ user: actor.user, action: follow ? 'started_following_repo' : 'stopped_following_repo', repository: repo, ip: actor.ip }, tx);
    });
  }

  /** Makes `userId` follow `repositoryId` or stop; false when that was already so. */
  private async setFollowing(m: EntityManager, userId: number, repositoryId: number, on: boolean): Promise<boolean> {
    const existing = await m.findOne(UserFollowing, { where: { userId, followsRepositoryId: repositoryId } });
    if (on === !!existing) return false;
    if (on) await m.insert(UserFollowing, { userId, followsRepositoryId: repositoryId, followsUserId: null, followsFrom: new Date() });
    else await m.delete(UserFollowing, { id: existing!.id });
    return true;
  }

  // --- extra fields ---------------------------------------------------------------------------

  async addField(actor: Actor, ref: string, field: { key: string; label: string; description: string; type: string }): Promise<void> {
    const repo = await this.find(ref);
    await this.permissions.requireRepository(actor.user, repo, 'admin');
    if (!(await this.settings.getBool('repository_fields'))) throw new DomainError(ErrorCode.BadRequest, 'Repository extra fields are disabled on this site');
    try {
      await this.dataSource.manager.insert(RepositoryField, { repositoryId: repo.id, ...field, value: '', createdOn: new Date() });
    } catch (error) {
      throw isUniqueViolation(error) ? new DomainError(ErrorCode.Conflict, `Field ${field.key} already exists`) : error;
    }
  }

  async deleteField(actor: Actor, ref: string, key: string): Promise<void> {
    const repo = await this.find(ref);
    await this.permissions.requireRepository(actor.user, repo, 'admin');
    const result = await this.dataSource.manager.delete(RepositoryField, { repositoryId: repo.id, key });
    if (!result.affected) throw notFound(`Field ${key} not found`);
  }

  private async setFieldValues(m: EntityManager, repositoryId: number, values: Record<string, string>) {
    const fields = await m.find(RepositoryField, { where: { repositoryId } });
    for (const [key, value] of Object.entries(values)) {
      const field = fields.find((f) => f.key === key);
      if (!field) throw new DomainError(ErrorCode.Validation, `Unknown extra field ${key}`, { field: `fields.${key}` });
      await m.update(RepositoryField, { id: field.id }, { value });
    }
  }

  // --- permissions ----------------------------------------------------------------------------

  async permissionEntries(actor: Actor, ref: string): Promise<PermissionEntry[]> {
    const repo = await this.find(ref);
    await this.permissions.requireRepository(actor.user, repo, 'admin');
    return this.grants.entries('repository', repo.id);
  }

  /** Grants on a repository. Users: repo admins on the web, super-admins only over the API; user groups: also `usergroup.read` on the group. */
  async grant(actor: Actor, ref: string, subject: PermissionSubjectRef, permission: RepositoryPermission, channel: Channel = 'web'): Promise<void> {
    const repo = await this.find(ref);
    await this.checkGrant(actor, repo, subject, channel);
    const defaultUserId = await this.grants.defaultUserId();
    // While private, the default entry stays none (§7).
    const effective = subject.type === 'user' && subject.id === defaultUserId && repo.private ? 'repository.none' : permission;
    await this.dataSource.transaction((m) => this.grants.set(m, 'repository', [repo.id], subject, effective));
  }

  async revoke(actor: Actor, ref: string, subject: PermissionSubjectRef, channel: Channel = 'web'): Promise<void> {
    const repo = await this.find(ref);
    await this.checkGrant(actor, repo, subject, channel);
    if (subject.type === 'user' && subject.id === (await this.grants.defaultUserId())) {
      throw new DomainError(ErrorCode.Conflict, 'The default permission cannot be revoked; set it to none instead');
    }
    await this.dataSource.transaction((m) => this.grants.unset(m, 'repository', [repo.id], subject));
  }

  private async checkGrant(actor: Actor, repo: Repository, subject: PermissionSubjectRef, channel: Channel) {
    await this.permissions.requireRepository(actor.user, repo, 'admin');
    if (subject.type === 'user') {
      const permissions = await this.permissions.compute(actor.user, { repositories: [repo.id] });
      if (!mayGrantUserOnRepository(permissions, repo.id, channel)) {
        throw new DomainError(ErrorCode.Forbidden, 'Only super-admins may grant users permissions through the API', undefined, { kind: 'global-permission' });
      }
      const user = await this.dataSource.manager.findOne(User, { where: { id: subject.id }, select: { id: true } });
      if (!user) throw notFound(`User ${subject.id} not found`);
    } else {
      const group = await this.dataSource.manager.findOne(UserGroup, { where: { id: subject.id } });
      if (!group) throw notFound(`User group ${subject.id} not found`);
      const permissions = await this.permissions.compute(actor.user, { repositories: [repo.id], userGroups: [group.id] });
      if (!mayGrantUserGroupOnRepository(permissions, repo.id, group.id)) throw notFound(`User group ${subject.id} not found`);
    }
  }

  // --- helpers --------------------------------------------------------------------------------

  private checkName(name: string): string {
    const trimmed = trimSlashes(name);
    const result = validateRepositoryName(trimmed);
    if (!result.valid) throw new DomainError(ErrorCode.Validation, result.message, { field: 'name' });
    return trimmed;
  }

  /** The group a full name lives in (null at top level). `exact`: `/x` names the group `` (the API's literal reading). */
  private async parentGroup(name: string, exact = false): Promise<RepoGroup | null> {
    const cut = name.lastIndexOf('/');
    if (cut < 0) return null;
    const parent = name.slice(0, cut);
    if (!parent && !exact) return null;
    const group = parent ? await this.dataSource.manager.findOne(RepoGroup, { where: { name: parent } }) : null;
    if (!group) throw new DomainError(ErrorCode.Validation, `Repository group ${parent} does not exist`, { field: 'name' }, { kind: 'missing-group', path: parent });
    return group;
  }

  /** Names are unique among repositories and groups, compared case-insensitively. */
  private async assertNameFree(name: string, exceptRepoId?: number) {
    const key = nameClashKey(name);
    const [repos, groups] = await Promise.all([
      this.dataSource.manager.createQueryBuilder(Repository, 'r').select(['r.id', 'r.name', 'r.forkId']).where('LOWER(r.name) = :key', { key }).getMany(),
      this.dataSource.manager.createQueryBuilder(RepoGroup, 'g').select(['g.id']).where('LOWER(g.name) = :key', { key }).getCount(),
    ]);
    const clash = repos.find((r) => r.id !== exceptRepoId);
    if (clash) {
      throw new DomainError(ErrorCode.Conflict, `A repository named ${name} already exists`, { field: 'name' }, { kind: 'name-taken', object: 'repository', isFork: clash.forkId !== null });
    }
    if (groups) throw new DomainError(ErrorCode.Conflict, `A repository group named ${name} already exists`, { field: 'name' }, { kind: 'name-taken', object: 'repoGroup' });
  }

  private async insertPending(name: string, fields: Omit<Partial<Repository>, 'name'>): Promise<Repository> {
    await this.assertNameFree(name);
    const now = new Date();
    try {
      return await this.dataSource.manager.save(this.dataSource.manager.create(Repository, { ...fields, name, state: 'repo_state_pending', createdOn: now, updatedOn: now }));
    } catch (error) {
      throw isUniqueViolation(error)
        ? new DomainError(ErrorCode.Conflict, `A repository named ${name} already exists`, { field: 'name' }, { kind: 'name-taken', object: 'repository' })
        : error;
    }
  }

  /**
   * The second half of a creation: make it on disk (outside any transaction: clones take long),
   * then mark it created with its entries, follow and journal. If the disk step fails the row
   * goes again and the error propagates — nothing remains.
   */
  private async finishCreation(
    repo: Repository,
    actor: Actor,
    owner: User,
    action: 'user_created_repo' | 'user_forked_repo',
    source: Repository | undefined,
    entries: (m: EntityManager) => Promise<void>,
    disk: () => Promise<void>,
  ): Promise<Repository> {
    try {
      await disk();
    } catch (error) {
      await this.dataSource.manager.delete(Repository, { id: repo.id });
      throw error;
    }
    try {
      const { changesetCache, tipDate } = await this.tipCache(repo.name);
      await this.dataSource.transaction(async (m) => {
        await entries(m);
        await m.update(Repository, { id: repo.id }, { state: 'repo_state_created', changesetCache, ...(tipDate && { updatedOn: tipDate }) });
        await m.insert(UserFollowing, { userId: owner.id, followsRepositoryId: repo.id, followsUserId: null, followsFrom: new Date() });
        if (action === 'user_forked_repo') {
          await this.journal.record({ user: actor.user, action, parameter: repo.name, repository: source!, ip: actor.ip }, m);
        } else {
          await this.journal.record({ user: actor.user, action, repository: repo, ip: actor.ip }, m);
        }
      });
    } catch (error) {
      await this.dataSource.manager.delete(Repository, { id: repo.id });
      await this.vcs.purge(repo.name).catch((e: unknown) => this.logger.error({ err: e, name: repo.name }, 'could not remove a half-created repository'));
      throw error;
    }
    repo.state = 'repo_state_created';
    return repo;
  }

  /** `changeset_cache` of the tip and its date, or nulls for an empty repository. */
  async tipCache(name: string): Promise<{ changesetCache: string | null; tipDate: Date | null }> {
    const vcsRepo = await this.vcs.open(name);
    const tip = await vcsRepo.listChangesets({ limit: 1 }).then((page) => page[0]);
    if (!tip) return { changesetCache: null, tipDate: null };
    const tipDate = new Date(tip.date.timestamp * 1000);
    return {
      changesetCache: JSON.stringify({
        raw_id: tip.rawId,
        short_id: tip.shortId,
        revision: tip.revision,
        message: tip.message,
        date: tipDate.toISOString(),
        author: tip.author,
      }),
      tipDate,
    };
  }

  private async ownerFor(actor: Actor, username: string): Promise<User> {
    if (!actor.user.admin) throw forbidden('Only super-admins may create repositories for someone else');
    return this.userByName(username);
  }

  /** The owner named by `username`; with `byId` (the API, §3) a string of digits is a user id instead. */
  private async userByName(username: string, byId = false): Promise<User> {
    const where = byId && /^\d{1,15}$/.test(username) ? { id: Number(username) } : { username };
    const user = await this.dataSource.manager.findOne(User, { where });
    if (!user || user.isDefaultUser) throw new DomainError(ErrorCode.Validation, `User ${username} does not exist`, { field: 'owner' }, { kind: 'unknown-owner', owner: username });
    return user;
  }

  private async repoDefaults() {
    const [type, isPrivate, statistics, downloads] = await Promise.all([
      this.settings.getString('default_repo_type', 'hg'),
      this.settings.getBool('default_repo_private'),
      this.settings.getBool('default_repo_enable_statistics'),
      this.settings.getBool('default_repo_enable_downloads'),
    ]);
    return { type: type === 'git' ? ('git' as const) : ('hg' as const), private: isPrivate, statistics, downloads };
  }

  async toDetail(repo: Repository, permission: string, viewer: User): Promise<RepoDetail> {
    const m = this.dataSource.manager;
    const [owner, group, fork, followers, forks, following, fields, publicJournal] = await Promise.all([
      m.findOne(User, { where: { id: repo.ownerId }, select: { id: true, username: true } }),
      repo.groupId ? m.findOne(RepoGroup, { where: { id: repo.groupId }, select: { id: true, name: true } }) : null,
      repo.forkId ? m.findOne(Repository, { where: { id: repo.forkId }, select: { id: true, name: true } }) : null,
      m.count(UserFollowing, { where: { followsRepositoryId: repo.id } }),
      m.count(Repository, { where: { forkId: repo.id } }),
      viewer.isDefaultUser ? 0 : m.count(UserFollowing, { where: { followsRepositoryId: repo.id, userId: viewer.id } }),
      m.find(RepositoryField, { where: { repositoryId: repo.id }, order: { key: 'ASC' } }),
      m
        .createQueryBuilder(UserFollowing, 'f')
        .innerJoin(User, 'u', 'u.id = f.userId')
        .where('f.followsRepositoryId = :id AND u.username = :default', { id: repo.id, default: DEFAULT_USERNAME })
        .getCount(),
    ]);
    return {
      id: repo.id,
      name: repo.name,
      shortName: lastSegment(repo.name),
      type: repo.type,
      private: repo.private,
      description: repo.description,
      owner: owner?.username ?? '',
      forkOf: fork ? { id: fork.id, name: fork.name } : null,
      state: repo.state,
      updatedOn: repo.updatedOn.toISOString(),
      tip: parseTip(repo.changesetCache),
      landingRevision: repo.landingRevision,
      enableStatistics: repo.enableStatistics,
      enableDownloads: repo.enableDownloads,
      cloneUri: repo.cloneUri ? redactCredentials(repo.cloneUri) : null,
      createdOn: repo.createdOn.toISOString(),
      group: group ? { id: group.id, name: group.name } : null,
      followers,
      forks,
      following: following > 0,
      inPublicJournal: publicJournal > 0,
      fields: fields.map((f) => ({ key: f.key, label: f.label, description: f.description, type: f.type, value: f.value })),
      permission,
    };
  }

  /** Ids of repositories by name (for the journal and tests). */
  async idsOf(names: string[]): Promise<number[]> {
    if (!names.length) return [];
    return (await this.dataSource.manager.find(Repository, { where: { name: In(names) }, select: { id: true } })).map((r) => r.id);
  }
}

function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

function trimSlashes(name: string): string {
  return name.replace(/^\/+|\/+$/g, '');
}

/** A refusal of the API's create/fork checks (permissions.md §10), with the reason JSON-RPC maps to Kallithea's message. */
function creationRefused(refusal: CreationRefusal, message: string): DomainError {
  const reasons: Record<CreationRefusal, ErrorReason> = {
    gate: { kind: 'global-permission' },
    'source-hidden': { kind: 'source-hidden' },
    'no-create-permission': { kind: 'no-create-permission', move: false },
    location: { kind: 'location' },
  };
  return new DomainError(refusal === 'source-hidden' ? ErrorCode.NotFound : ErrorCode.Forbidden, message, undefined, reasons[refusal]);
}

function ownerArgumentRefused(): DomainError {
  return new DomainError(ErrorCode.Forbidden, 'Only super-admins may choose the owner', { field: 'owner' }, { kind: 'owner-param' });
}
