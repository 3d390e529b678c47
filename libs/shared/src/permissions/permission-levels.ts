// Level arithmetic: "raise to X" (§5) and has(level) (§5.6).
import {
  LEVEL_WEIGHTS,
  objectPermission,
  objectPermissionLevel,
  type ObjectPermission,
  type PermissionLevel,
  type RepoGroupPermission,
  type RepositoryPermission,
} from './permission-names';

/** True when `actual` is `required` or heavier (`read` accepts read/write/admin). */
export function levelSatisfies(actual: PermissionLevel, required: PermissionLevel): boolean {
  return LEVEL_WEIGHTS[actual] >= LEVEL_WEIGHTS[required];
}

/** The heavier of two levels ("raise to X": keep the current value unless X is heavier). */
export function heavierLevel(current: PermissionLevel, candidate: PermissionLevel): PermissionLevel {
  return LEVEL_WEIGHTS[candidate] > LEVEL_WEIGHTS[current] ? candidate : current;
}

/**
 * §5.6 `has(level)`: true when the effective permission is that level or heavier. A missing
 * permission (object absent from the computed map) counts as `none`.
 */
export function hasLevel(permission: ObjectPermission | undefined, required: PermissionLevel): boolean {
  const actual = permission === undefined ? 'none' : objectPermissionLevel(permission);
  return levelSatisfies(actual, required);
}

/** §9 level translation for repositories reached through a repo group: `group.X` → `repository.X`. */
export function repoGroupToRepositoryPermission(permission: RepoGroupPermission): RepositoryPermission {
  return objectPermission('repository', objectPermissionLevel(permission));
}
