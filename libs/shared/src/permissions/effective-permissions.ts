// The algorithm of permissions.md §5, in batch form: the API's permission service loads the rows
// for a set of objects in a constant number of queries and gets whole maps back.
import { heavierLevel, hasLevel } from './permission-levels';
import {
  SUPER_ADMIN_PERMISSION,
  isGlobalPermission,
  levelInFamily,
  objectPermission,
  permissionKind,
  permissionWeight,
  type GlobalPermission,
  type GlobalPermissionKind,
  type ObjectFamily,
  type PermissionLevel,
  type RepoGroupPermission,
  type RepositoryPermission,
  type UserGroupPermission,
} from './permission-names';

/** Database id of a user, user group, repository or repo group. */
export type EntityId = number;

/** The acting user U (anonymous = the default user). */
export interface PermissionSubject {
  /** `users.user_id`; equal to `defaultUserId` for anonymous requests. */
  userId: EntityId;
  /** `users.admin`. Ignored for the default user, which is never a super-admin. */
  isSuperAdmin: boolean;
}

/** A global entry of a user group (`users_group_to_perm`). */
export interface UserGroupGlobalEntry {
  userGroupId: EntityId;
  /** Permission name as stored; unknown names and `hg.admin` are ignored. */
  permission: string;
}

/** An object entry held by a user (`repo_to_perm`, `user_repo_group_to_perm`, `user_user_group_to_perm`). */
export interface UserObjectEntry {
  objectId: EntityId;
  userId: EntityId;
  /** Permission name as stored; a name of another family or an unknown name counts as no entry. */
  permission: string;
}

/**
 * An object entry held by a user group (`users_group_repo_to_perm`,
 * `users_group_repo_group_to_perm`, `user_group_user_group_to_perm` — for the last one
 * `userGroupId` is the member group and `objectId` the target group).
 */
export interface UserGroupObjectEntry {
  objectId: EntityId;
  userGroupId: EntityId;
  permission: string;
}

/** Facts about a repository the algorithm needs besides its entries. */
export interface RepositoryFacts {
  id: EntityId;
  ownerId: EntityId;
  isPrivate: boolean;
}

/** Facts about a repo group or user group: only its id (no owner rule, no private flag). */
export interface ObjectFacts {
  id: EntityId;
}

/** The objects to compute, with every entry held on them by `default`, U and U's active groups. */
export interface ObjectBatch<TFacts extends ObjectFacts> {
  objects: readonly TFacts[];
  userEntries: readonly UserObjectEntry[];
  userGroupEntries: readonly UserGroupObjectEntry[];
}

/**
 * Everything §5 needs, as the permission service loads it. Entries of other users, of groups
 * not in `activeUserGroupIds`, or on objects not listed are ignored, so passing a superset is safe.
 */
export interface PermissionInput {
  subject: PermissionSubject;
  /** Id of the user named `default`: its entries are the `default` entries. */
  defaultUserId: EntityId;
  /** Ids of the **active** user groups U is a member of (inactive groups contribute nothing). */
  activeUserGroupIds: readonly EntityId[];
  globalEntries: {
    /** The default user's global permission names. */
    defaultUser: readonly string[];
    /** Global entries of U's user groups. */
    userGroups: readonly UserGroupGlobalEntry[];
    /** U's own global permission names. */
    user: readonly string[];
  };
  repositories?: ObjectBatch<RepositoryFacts>;
  repoGroups?: ObjectBatch<ObjectFacts>;
  userGroups?: ObjectBatch<ObjectFacts>;
}

/** The result for U: one permission per listed object, and the merged global set. */
export interface EffectivePermissions {
  userId: EntityId;
  isSuperAdmin: boolean;
  /** True for anonymous requests (U is the default user): §8 actions needing a real account are refused. */
  isDefaultUser: boolean;
  /** One value per kind (the heaviest), §5.2; for super-admins exactly {hg.admin, hg.create.write_on_repogroup.true}. */
  global: ReadonlySet<GlobalPermission>;
  repositories: ReadonlyMap<EntityId, RepositoryPermission>;
  repoGroups: ReadonlyMap<EntityId, RepoGroupPermission>;
  userGroups: ReadonlyMap<EntityId, UserGroupPermission>;
}

const SUPER_ADMIN_GLOBAL: readonly GlobalPermission[] = [SUPER_ADMIN_PERMISSION, 'hg.create.write_on_repogroup.true'];

/**
 * Computes U's effective permissions (§5) for every object in the batches plus the global set.
 * O(objects + entries). Deviation [FIX-1]: the `default` entry of a private repository is
 * ignored for everybody, anonymous included.
 */
export function computeEffectivePermissions(input: PermissionInput): EffectivePermissions {
  const isDefaultUser = input.subject.userId === input.defaultUserId;
  const isSuperAdmin = input.subject.isSuperAdmin && !isDefaultUser;
  const base = { userId: input.subject.userId, isSuperAdmin, isDefaultUser };

  if (isSuperAdmin) {
    // §5.1: everything admin, explicit entries ignored.
    return {
      ...base,
      global: new Set(SUPER_ADMIN_GLOBAL),
      repositories: allAt(input.repositories, objectPermission('repository', 'admin')),
      repoGroups: allAt(input.repoGroups, objectPermission('group', 'admin')),
      userGroups: allAt(input.userGroups, objectPermission('usergroup', 'admin')),
    };
  }

  const activeGroups = new Set(input.activeUserGroupIds);
  const context: EntryContext = { userId: input.subject.userId, defaultUserId: input.defaultUserId, isDefaultUser, activeGroups };
  return {
    ...base,
    global: mergeGlobalPermissions(input.globalEntries, activeGroups),
    repositories: computeFamily(input.repositories, 'repository', context, repositoryStartLevel),
    repoGroups: computeFamily(input.repoGroups, 'group', context, defaultEntryStartLevel),
    userGroups: computeFamily(input.userGroups, 'usergroup', context, defaultEntryStartLevel),
  };
}

/**
 * §5.2: default user's global entries, then active groups', then U's own; per kind keep the
 * heaviest. `hg.admin` rows are ignored (super-admin comes only from `users.admin`).
 */
export function mergeGlobalPermissions(
  entries: PermissionInput['globalEntries'],
  activeUserGroupIds: ReadonlySet<EntityId>,
): Set<GlobalPermission> {
  const byKind = new Map<GlobalPermissionKind, GlobalPermission>();
  const add = (name: string): void => {
    if (!isGlobalPermission(name) || name === SUPER_ADMIN_PERMISSION) return;
    const kind = permissionKind(name);
    const current = byKind.get(kind);
    if (current === undefined || permissionWeight(name) > permissionWeight(current)) byKind.set(kind, name);
  };
  entries.defaultUser.forEach(add);
  for (const entry of entries.userGroups) if (activeUserGroupIds.has(entry.userGroupId)) add(entry.permission);
  entries.user.forEach(add);
  return new Set(byKind.values());
}

/** True when U holds the global permission `name` (after the merge of §5.2). */
export function hasGlobalPermission(permissions: EffectivePermissions, name: GlobalPermission): boolean {
  return permissions.global.has(name);
}

/** §5.6 for a repository; an id missing from the map counts as `none`. */
export function hasRepositoryLevel(permissions: EffectivePermissions, repositoryId: EntityId, level: PermissionLevel): boolean {
  return hasLevel(permissions.repositories.get(repositoryId), level);
}

/** §5.6 for a repo group; an id missing from the map counts as `none`. */
export function hasRepoGroupLevel(permissions: EffectivePermissions, repoGroupId: EntityId, level: PermissionLevel): boolean {
  return hasLevel(permissions.repoGroups.get(repoGroupId), level);
}

/** §5.6 for a user group; an id missing from the map counts as `none`. */
export function hasUserGroupLevel(permissions: EffectivePermissions, userGroupId: EntityId, level: PermissionLevel): boolean {
  return hasLevel(permissions.userGroups.get(userGroupId), level);
}

/** The ids of the computed objects of a map on which U has at least `level` ("which of these may U read?"). */
export function idsWithLevel(
  computed: ReadonlyMap<EntityId, RepositoryPermission | RepoGroupPermission | UserGroupPermission>,
  level: PermissionLevel,
): Set<EntityId> {
  const ids = new Set<EntityId>();
  for (const [id, permission] of computed) if (hasLevel(permission, level)) ids.add(id);
  return ids;
}

interface EntryContext {
  userId: EntityId;
  defaultUserId: EntityId;
  isDefaultUser: boolean;
  activeGroups: ReadonlySet<EntityId>;
}

/** What the entries on one object say, before the object's own rules are applied. */
interface CollectedEntries {
  defaultLevel: PermissionLevel | undefined;
  ownLevel: PermissionLevel | undefined;
  groupLevel: PermissionLevel | undefined;
}

type StartLevel<TFacts> = (facts: TFacts, entries: CollectedEntries, context: EntryContext) => { start: PermissionLevel; useOwnEntry: boolean };

/** §5.3 step 1 and the [FIX-1] rule for step 3. */
function repositoryStartLevel(
  repository: RepositoryFacts,
  entries: CollectedEntries,
  context: EntryContext,
): { start: PermissionLevel; useOwnEntry: boolean } {
  if (repository.ownerId === context.userId) return { start: 'admin', useOwnEntry: true };
  // [FIX-1]: the default entry of a private repo counts for nobody — not even as anonymous's own entry.
  if (repository.isPrivate) return { start: 'none', useOwnEntry: !context.isDefaultUser };
  return { start: entries.defaultLevel ?? 'none', useOwnEntry: true };
}

/** §5.4 / §5.5 step 1: the `default` entry (missing → `none`, §4.2). */
function defaultEntryStartLevel(
  _facts: ObjectFacts,
  entries: CollectedEntries,
): { start: PermissionLevel; useOwnEntry: boolean } {
  return { start: entries.defaultLevel ?? 'none', useOwnEntry: true };
}

function computeFamily<TFacts extends ObjectFacts, TPermission extends RepositoryPermission | RepoGroupPermission | UserGroupPermission>(
  batch: ObjectBatch<TFacts> | undefined,
  family: ObjectFamily,
  context: EntryContext,
  startLevel: StartLevel<TFacts>,
): Map<EntityId, TPermission> {
  const result = new Map<EntityId, TPermission>();
  if (batch === undefined) return result;

  const collected = new Map<EntityId, CollectedEntries>();
  for (const facts of batch.objects) collected.set(facts.id, { defaultLevel: undefined, ownLevel: undefined, groupLevel: undefined });

  for (const entry of batch.userEntries) {
    const slot = collected.get(entry.objectId);
    const level = levelInFamily(entry.permission, family);
    if (slot === undefined || level === undefined) continue;
    // Duplicate rows (imports, data-model §3.5) merge by maximum, like everything else.
    if (entry.userId === context.defaultUserId) slot.defaultLevel = raise(slot.defaultLevel, level);
    if (entry.userId === context.userId) slot.ownLevel = raise(slot.ownLevel, level);
  }
  for (const entry of batch.userGroupEntries) {
    const slot = collected.get(entry.objectId);
    const level = levelInFamily(entry.permission, family);
    if (slot === undefined || level === undefined || !context.activeGroups.has(entry.userGroupId)) continue;
    slot.groupLevel = raise(slot.groupLevel, level);
  }

  for (const facts of batch.objects) {
    const entries = collected.get(facts.id) as CollectedEntries;
    const { start, useOwnEntry } = startLevel(facts, entries, context);
    let level = start;
    if (entries.groupLevel !== undefined) level = heavierLevel(level, entries.groupLevel);
    if (useOwnEntry && entries.ownLevel !== undefined) level = heavierLevel(level, entries.ownLevel);
    result.set(facts.id, objectPermission(family, level) as TPermission);
  }
  return result;
}

function raise(current: PermissionLevel | undefined, candidate: PermissionLevel): PermissionLevel {
  return current === undefined ? candidate : heavierLevel(current, candidate);
}

function allAt<TPermission>(batch: ObjectBatch<ObjectFacts> | undefined, permission: TPermission): Map<EntityId, TPermission> {
  const result = new Map<EntityId, TPermission>();
  for (const facts of batch?.objects ?? []) result.set(facts.id, permission);
  return result;
}
