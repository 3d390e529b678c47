import {
  idsWithLevel,
  mayCreateRepoGroup,
  mayCreateRepositoryAt,
  mayCreateUserGroup,
  type CurrentUser,
  type EffectivePermissions,
  type GlobalPermission,
  type PermissionSummary,
  type RepoGroupPermission,
  type RepositoryPermission,
  type UserGroupPermission,
} from '@grove/shared';

/**
 * The server's "show permissions" summary (computed by the one permission service) in the shape
 * the shared rules take, so the SPA asks the same rules instead of re-implementing them. Used
 * only to decide what to offer; the server checks every request again.
 */
export function effectiveFromSummary(summary: PermissionSummary, user: Pick<CurrentUser, 'id' | 'admin' | 'anonymous'>): EffectivePermissions {
  return {
    userId: user.id,
    isSuperAdmin: user.admin,
    isDefaultUser: user.anonymous,
    global: new Set(summary.global as GlobalPermission[]),
    repositories: new Map(summary.repositories.map((r) => [r.id, r.permission as RepositoryPermission])),
    repoGroups: new Map(summary.repoGroups.map((g) => [g.id, g.permission as RepoGroupPermission])),
    userGroups: new Map(summary.userGroups.map((g) => [g.id, g.permission as UserGroupPermission])),
  };
}

export interface GroupChoice {
  /** null = top level */
  id: number | null;
  name: string;
}

/** Where the user may create a repository (§10): top level first, then groups by name. */
export function repositoryLocations(summary: PermissionSummary, permissions: EffectivePermissions): GroupChoice[] {
  const choices: GroupChoice[] = [];
  if (mayCreateRepositoryAt(permissions, null)) choices.push({ id: null, name: '' });
  for (const group of sortedByName(summary.repoGroups)) if (mayCreateRepositoryAt(permissions, group.id)) choices.push({ id: group.id, name: group.name });
  return choices;
}

/** Where the user may create (or move) a repository group (§10, web): top level first, then groups. */
export function repoGroupLocations(summary: PermissionSummary, permissions: EffectivePermissions): GroupChoice[] {
  const choices: GroupChoice[] = [];
  if (mayCreateRepoGroup(permissions, null, 'web')) choices.push({ id: null, name: '' });
  for (const group of sortedByName(summary.repoGroups)) if (mayCreateRepoGroup(permissions, group.id, 'web')) choices.push({ id: group.id, name: group.name });
  return choices;
}

function sortedByName<T extends { name: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
}

export type AdminMenuEntry = 'journal' | 'repos' | 'repoGroups' | 'users' | 'userGroups' | 'permissions' | 'settings';

/**
 * The admin menu (web-ui.md §0): everything for super-admins; for others only the lists with
 * something they administer — user groups also when they may create them.
 */
export function adminMenuEntries(user: Pick<CurrentUser, 'id' | 'admin' | 'anonymous'>, summary: PermissionSummary | undefined): AdminMenuEntry[] {
  if (user.anonymous) return [];
  if (user.admin) return ['journal', 'repos', 'repoGroups', 'users', 'userGroups', 'permissions', 'settings'];
  if (!summary) return [];
  const permissions = effectiveFromSummary(summary, user);
  const entries: AdminMenuEntry[] = [];
  if (idsWithLevel(permissions.repositories, 'admin').size > 0) entries.push('repos');
  if (idsWithLevel(permissions.repoGroups, 'admin').size > 0) entries.push('repoGroups');
  if (idsWithLevel(permissions.userGroups, 'admin').size > 0 || mayCreateUserGroup(permissions)) entries.push('userGroups');
  return entries;
}
