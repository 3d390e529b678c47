// One-time writes of entries (permissions.md §4, §7, §9): which objects a recursive repo-group
// grant touches, "apply to all existing", and the `default` entry a new object starts with.
import { heavierLevel, repoGroupToRepositoryPermission } from './permission-levels';
import {
  levelInFamily,
  objectPermission,
  type ObjectFamily,
  type ObjectPermission,
  type PermissionLevel,
  type RepoGroupPermission,
  type RepositoryPermission,
} from './permission-names';
import type { Channel } from './creation-rules';
import type { EntityId } from './effective-permissions';

/** §9 modes (`apply_to_children` in the API, `recursive` in the web form). */
export const RECURSION_MODES = ['none', 'repos', 'groups', 'all'] as const;
export type RecursionMode = (typeof RECURSION_MODES)[number];

/** The API accepts any string; unknown values act like `none` (jsonrpc-api.md §7.6). */
export function parseRecursionMode(value: string | null | undefined): RecursionMode {
  return (RECURSION_MODES as readonly string[]).includes(value ?? '') ? (value as RecursionMode) : 'none';
}

/** A repo group as a node of the tree (`groups.group_parent_id`, null = top level). */
export interface RepoGroupNode {
  id: EntityId;
  parentId: EntityId | null;
}

/** A repository as a leaf of the tree (`repositories.group_id`, null = top level). */
export interface RepositoryNode {
  id: EntityId;
  groupId: EntityId | null;
  isPrivate: boolean;
}

export interface RecursionTargetOptions {
  /**
   * Web only: when the subject of the grant/revoke is the `default` user, private repositories
   * are skipped (§7, §9). Set it from {@link skipsPrivateRepositories}.
   */
  skipPrivateRepositories?: boolean;
}

/** The objects a grant or revoke on a repo group writes to. */
export interface RecursionTargets {
  /** The group itself first, then sub-groups (all depths) for `groups`/`all`. */
  repoGroupIds: EntityId[];
  /** Repos in the group and in all its sub-groups, for `repos`/`all`. */
  repositoryIds: EntityId[];
}

/**
 * §9: the set of repo groups and repositories a grant/revoke on `groupId` with `mode` touches.
 * A one-time write, not inheritance: objects created later are not covered. O(groups + repos);
 * a cycle in bad data is walked once.
 */
export function recursionTargets(
  groupId: EntityId,
  mode: RecursionMode,
  groups: readonly RepoGroupNode[],
  repositories: readonly RepositoryNode[],
  options: RecursionTargetOptions = {},
): RecursionTargets {
  const includeGroups = mode === 'groups' || mode === 'all';
  const includeRepos = mode === 'repos' || mode === 'all';
  const targets: RecursionTargets = { repoGroupIds: [groupId], repositoryIds: [] };
  if (!includeGroups && !includeRepos) return targets;

  const childrenOf = new Map<EntityId, EntityId[]>();
  for (const group of groups) {
    if (group.parentId === null) continue;
    const siblings = childrenOf.get(group.parentId);
    if (siblings) siblings.push(group.id);
    else childrenOf.set(group.parentId, [group.id]);
  }

  // Repositories are needed in sub-groups even for `repos`, so walk the whole subtree either way.
  const subtree = new Set<EntityId>([groupId]);
  const queue: EntityId[] = [groupId];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const child of childrenOf.get(next) ?? []) {
      if (subtree.has(child)) continue;
      subtree.add(child);
      queue.push(child);
      if (includeGroups) targets.repoGroupIds.push(child);
    }
  }

  if (includeRepos) {
    for (const repository of repositories) {
      if (repository.groupId === null || !subtree.has(repository.groupId)) continue;
      if (options.skipPrivateRepositories && repository.isPrivate) continue;
      targets.repositoryIds.push(repository.id);
    }
  }
  return targets;
}

/** §7/§9: the web never touches the `default` entry of a private repo in a recursive apply; the API does. */
export function skipsPrivateRepositories(channel: Channel, subjectIsDefaultUser: boolean): boolean {
  return channel === 'web' && subjectIsDefaultUser;
}

/** The entries a recursive grant writes: `group.X` on the groups, `repository.X` on the repositories (§9). */
export function recursiveGrantEntries(
  permission: RepoGroupPermission,
  targets: RecursionTargets,
): { repoGroups: { id: EntityId; permission: RepoGroupPermission }[]; repositories: { id: EntityId; permission: RepositoryPermission }[] } {
  const repositoryPermission = repoGroupToRepositoryPermission(permission);
  return {
    repoGroups: targets.repoGroupIds.map((id) => ({ id, permission })),
    repositories: targets.repositoryIds.map((id) => ({ id, permission: repositoryPermission })),
  };
}

/** §4.4 "apply to all existing": the repositories whose `default` entry is overwritten — every one except private ones. */
export function repositoriesForApplyToAll(repositories: readonly Pick<RepositoryNode, 'id' | 'isPrivate'>[]): EntityId[] {
  return repositories.filter((repository) => !repository.isPrivate).map((repository) => repository.id);
}

/**
 * §4.2: the `default` entry a new object gets — the default user's global value of that kind
 * (fallback `*.read`), except a private repository, which gets `repository.none`.
 */
export function initialDefaultEntry(
  family: ObjectFamily,
  defaultUserGlobalPermissions: readonly string[],
  options: { isPrivate?: boolean } = {},
): ObjectPermission {
  if (family === 'repository' && options.isPrivate) return objectPermission('repository', 'none');
  let chosen: PermissionLevel | undefined;
  for (const name of defaultUserGlobalPermissions) {
    const level = levelInFamily(name, family);
    // One value per kind in practice; if rows were duplicated, the heaviest wins as in §5.2.
    if (level !== undefined) chosen = chosen === undefined ? level : heavierLevel(chosen, level);
  }
  return objectPermission(family, chosen ?? 'read');
}


/**
 * §7: the repository's `default` entry after its private flag is set. Making it private
 * overwrites the entry with `repository.none`; making it public again restores nothing.
 */
export function defaultEntryAfterPrivacyChange(current: RepositoryPermission | undefined, isPrivateNow: boolean): RepositoryPermission | undefined {
  return isPrivateNow ? objectPermission('repository', 'none') : current;
}
