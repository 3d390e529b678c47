// Who may create what (permissions.md §10) and the few grant guards of §9/§12, as pure
// predicates over already computed permissions. Creation always needs a real account (§8).
import {
  hasGlobalPermission,
  hasRepoGroupLevel,
  hasRepositoryLevel,
  hasUserGroupLevel,
  type EffectivePermissions,
  type EntityId,
} from './effective-permissions';

/** The channel a request came through; only the API has its own global gates (§10). */
export type Channel = 'web' | 'api';

/** Why the API refuses a create/fork; the caller maps it to Kallithea's message (jsonrpc-api.md §7.5). */
export type CreationRefusal =
  /** Global gate failed → `Internal server error`. */
  | 'gate'
  /** Fork source not readable → the repo's "does not exist" message (hide). */
  | 'source-hidden'
  /** Non-admin fork without `hg.create.repository` → `no permission to create repositories`. */
  | 'no-create-permission'
  /** [FIX-2] location rule failed → ``failed to create repository `<name>` `` / ``failed to fork repository …``. */
  | 'location';

export type CreationDecision = { allowed: true } | { allowed: false; refusal: CreationRefusal };

const ALLOWED: CreationDecision = { allowed: true };
const refuse = (refusal: CreationRefusal): CreationDecision => ({ allowed: false, refusal });

/** True for a logged-in real user; the default user (anonymous) can never create anything (§8). */
function isRealAccount(permissions: EffectivePermissions): boolean {
  return !permissions.isDefaultUser;
}

/** §10: may create a top-level repository — super-admin, or global `hg.create.repository`. */
export function mayCreateTopLevelRepository(permissions: EffectivePermissions): boolean {
  if (permissions.isSuperAdmin) return true;
  return isRealAccount(permissions) && hasGlobalPermission(permissions, 'hg.create.repository');
}

/**
 * §10: may create a repository directly inside group `groupId` — super-admin, `group.admin` on
 * it, or `group.write` plus `hg.create.write_on_repogroup.true`. `hg.create.repository` is not
 * needed, and only this immediate parent counts (admin on an ancestor gives nothing).
 */
export function mayCreateRepositoryInGroup(permissions: EffectivePermissions, groupId: EntityId): boolean {
  if (permissions.isSuperAdmin) return true;
  if (!isRealAccount(permissions)) return false;
  if (hasRepoGroupLevel(permissions, groupId, 'admin')) return true;
  return hasRepoGroupLevel(permissions, groupId, 'write') && hasGlobalPermission(permissions, 'hg.create.write_on_repogroup.true');
}

/** The location rule of §10: top level when `parentGroupId` is null, else the immediate parent group. */
export function mayCreateRepositoryAt(permissions: EffectivePermissions, parentGroupId: EntityId | null): boolean {
  return parentGroupId === null ? mayCreateTopLevelRepository(permissions) : mayCreateRepositoryInGroup(permissions, parentGroupId);
}

/** §10: moving/renaming a repository into another group checks the target only when the group changes. */
export function mayMoveRepository(
  permissions: EffectivePermissions,
  currentGroupId: EntityId | null,
  targetGroupId: EntityId | null,
): boolean {
  return currentGroupId === targetGroupId || mayCreateRepositoryAt(permissions, targetGroupId);
}

/**
 * §10 web fork rule: super-admin, or (`hg.fork.repository` and `read` on the source), and the
 * destination location allowed as for creation.
 */
export function mayForkRepository(
  permissions: EffectivePermissions,
  sourceRepositoryId: EntityId,
  destinationGroupId: EntityId | null,
): boolean {
  if (permissions.isSuperAdmin) return true;
  if (!isRealAccount(permissions)) return false;
  if (!hasGlobalPermission(permissions, 'hg.fork.repository')) return false;
  if (!hasRepositoryLevel(permissions, sourceRepositoryId, 'read')) return false;
  return mayCreateRepositoryAt(permissions, destinationGroupId);
}

/**
 * API `create_repo`: Kallithea's gate (`hg.admin` or `hg.create.repository`, even inside a group)
 * and then, [FIX-2], the web location rule for the parent group.
 */
export function checkApiCreateRepository(permissions: EffectivePermissions, parentGroupId: EntityId | null): CreationDecision {
  if (permissions.isSuperAdmin) return ALLOWED;
  if (!isRealAccount(permissions) || !hasGlobalPermission(permissions, 'hg.create.repository')) return refuse('gate');
  return mayCreateRepositoryAt(permissions, parentGroupId) ? ALLOWED : refuse('location');
}

/**
 * API `fork_repo`, checks in Kallithea's order: gate (`hg.admin` or `hg.fork.repository`), read on
 * the source (hide), non-admins also need `hg.create.repository`, then [FIX-2] the location rule.
 */
export function checkApiForkRepository(
  permissions: EffectivePermissions,
  sourceRepositoryId: EntityId,
  destinationGroupId: EntityId | null,
): CreationDecision {
  if (permissions.isSuperAdmin) return ALLOWED;
  if (!isRealAccount(permissions) || !hasGlobalPermission(permissions, 'hg.fork.repository')) return refuse('gate');
  if (!hasRepositoryLevel(permissions, sourceRepositoryId, 'read')) return refuse('source-hidden');
  if (!hasGlobalPermission(permissions, 'hg.create.repository')) return refuse('no-create-permission');
  return mayCreateRepositoryAt(permissions, destinationGroupId) ? ALLOWED : refuse('location');
}

/** §10: top-level repo groups — super-admin only. */
export function mayCreateTopLevelRepoGroup(permissions: EffectivePermissions): boolean {
  return permissions.isSuperAdmin;
}

/**
 * §10: a repo group inside `parentGroupId` (null = top level). Web: super-admin or `group.admin`
 * on the parent; API `create_repo_group`: super-admin only.
 */
export function mayCreateRepoGroup(permissions: EffectivePermissions, parentGroupId: EntityId | null, channel: Channel = 'web'): boolean {
  if (permissions.isSuperAdmin) return true;
  if (channel === 'api' || parentGroupId === null || !isRealAccount(permissions)) return false;
  return hasRepoGroupLevel(permissions, parentGroupId, 'admin');
}

/** §10: user groups — super-admin, or global `hg.usergroup.create.true`. */
export function mayCreateUserGroup(permissions: EffectivePermissions): boolean {
  if (permissions.isSuperAdmin) return true;
  return isRealAccount(permissions) && hasGlobalPermission(permissions, 'hg.usergroup.create.true');
}

/**
 * §12 admin-level repository pages (settings, permissions, delete): `repository.admin`, and —
 * Grove's SHOULD of §8 — a real account, so `default` holding admin does not hand the repo to anonymous.
 */
export function mayAdministerRepository(permissions: EffectivePermissions, repositoryId: EntityId): boolean {
  return isRealAccount(permissions) && hasRepositoryLevel(permissions, repositoryId, 'admin');
}

/**
 * §12/§14 #23: granting or revoking a *user's* repository entry. Web: repo admin; API
 * (`grant_user_permission`): super-admin only.
 */
export function mayGrantUserOnRepository(permissions: EffectivePermissions, repositoryId: EntityId, channel: Channel): boolean {
  if (channel === 'api') return permissions.isSuperAdmin;
  return permissions.isSuperAdmin || mayAdministerRepository(permissions, repositoryId);
}

/** §12/§14 #23: granting or revoking a *user group's* repository entry — repo admin and `usergroup.read` on the group, both channels. */
export function mayGrantUserGroupOnRepository(permissions: EffectivePermissions, repositoryId: EntityId, userGroupId: EntityId): boolean {
  if (permissions.isSuperAdmin) return true;
  return mayAdministerRepository(permissions, repositoryId) && hasUserGroupLevel(permissions, userGroupId, 'read');
}

/**
 * §9 web guard, checked in addition to `group.admin` on the group: a non-super-admin cannot
 * change or revoke their own entry on a repo group (the API has no such guard).
 */
export function mayChangeRepoGroupEntryOfUser(permissions: EffectivePermissions, entryUserId: EntityId, channel: Channel): boolean {
  return channel === 'api' || permissions.isSuperAdmin || entryUserId !== permissions.userId;
}
