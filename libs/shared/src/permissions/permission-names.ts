// Permission names, kinds and weights of permissions.md §2, and the fresh-install defaults of §3.

/** The four levels every object permission is made of, lightest first. */
export const PERMISSION_LEVELS = ['none', 'read', 'write', 'admin'] as const;
/** `none` < `read` < `write` < `admin`. */
export type PermissionLevel = (typeof PERMISSION_LEVELS)[number];

/** Weights of §2 (2 is unused, kept so stored weights match Kallithea's). */
export const LEVEL_WEIGHTS: Readonly<Record<PermissionLevel, number>> = { none: 0, read: 1, write: 3, admin: 4 };

/** Repository permission names, lightest first. */
export const REPOSITORY_PERMISSIONS = ['repository.none', 'repository.read', 'repository.write', 'repository.admin'] as const;
/** Repo-group permission names, lightest first. */
export const REPO_GROUP_PERMISSIONS = ['group.none', 'group.read', 'group.write', 'group.admin'] as const;
/** User-group permission names, lightest first. */
export const USER_GROUP_PERMISSIONS = ['usergroup.none', 'usergroup.read', 'usergroup.write', 'usergroup.admin'] as const;

export type RepositoryPermission = (typeof REPOSITORY_PERMISSIONS)[number];
export type RepoGroupPermission = (typeof REPO_GROUP_PERMISSIONS)[number];
export type UserGroupPermission = (typeof USER_GROUP_PERMISSIONS)[number];
export type ObjectPermission = RepositoryPermission | RepoGroupPermission | UserGroupPermission;

/** The three object families; each is also the *kind* (name prefix) of its permissions. */
export type ObjectFamily = 'repository' | 'group' | 'usergroup';

/** Name → weight of every global-only permission (§2), `hg.admin` included. */
const GLOBAL_ONLY_WEIGHTS = {
  'hg.admin': 0,
  'hg.create.none': 0,
  'hg.create.repository': 1,
  'hg.create.write_on_repogroup.false': 0,
  'hg.create.write_on_repogroup.true': 1,
  'hg.fork.none': 0,
  'hg.fork.repository': 1,
  'hg.usergroup.create.false': 0,
  'hg.usergroup.create.true': 1,
  'hg.repogroup.create.false': 0,
  'hg.repogroup.create.true': 1,
  'hg.register.none': 0,
  'hg.register.manual_activate': 1,
  'hg.register.auto_activate': 2,
  'hg.extern_activate.manual': 0,
  'hg.extern_activate.auto': 1,
} as const;

/** Global permissions that never appear on objects (`hg.*`). */
export type HgPermission = keyof typeof GLOBAL_ONLY_WEIGHTS;
/** Anything a global entry may hold: the `hg.*` names plus the object names (meaningful on `default`, §4). */
export type GlobalPermission = HgPermission | ObjectPermission;
/** One of the 28 names of the `permissions` table. */
export type PermissionName = GlobalPermission;

/** Kinds of global permission (§2): the name without its last dot-segment. */
export type GlobalPermissionKind =
  | 'hg'
  | ObjectFamily
  | 'hg.create'
  | 'hg.create.write_on_repogroup'
  | 'hg.fork'
  | 'hg.usergroup.create'
  | 'hg.repogroup.create'
  | 'hg.register'
  | 'hg.extern_activate';

/** Derived from `users.admin`, never stored as a row (§1). */
export const SUPER_ADMIN_PERMISSION = 'hg.admin' satisfies HgPermission;

/** All 28 permission names, in the order of §2. */
export const ALL_PERMISSION_NAMES: readonly PermissionName[] = [
  ...REPOSITORY_PERMISSIONS,
  ...REPO_GROUP_PERMISSIONS,
  ...USER_GROUP_PERMISSIONS,
  ...(Object.keys(GLOBAL_ONLY_WEIGHTS) as HgPermission[]),
];

const PERMISSION_NAME_SET: ReadonlySet<string> = new Set(ALL_PERMISSION_NAMES);

/** The default user's global entries on a fresh install (`Permission.DEFAULT_USER_PERMISSIONS`, §3). */
export const DEFAULT_USER_PERMISSIONS: readonly GlobalPermission[] = [
  'repository.read',
  'group.read',
  'usergroup.read',
  'hg.create.repository',
  'hg.create.write_on_repogroup.true',
  'hg.fork.repository',
  'hg.register.manual_activate',
  'hg.extern_activate.auto',
];

/** True when `name` is one of the 28 names (exact, case-sensitive). */
export function isPermissionName(name: string): name is PermissionName {
  return PERMISSION_NAME_SET.has(name);
}

/** True for `hg.*` names and the object names — i.e. any name a global entry can hold. */
export function isGlobalPermission(name: string): name is GlobalPermission {
  return isPermissionName(name);
}

/** The kind of a permission name: the name without its last dot-segment (`hg.fork.none` → `hg.fork`). */
export function permissionKind(name: PermissionName): GlobalPermissionKind {
  return name.slice(0, name.lastIndexOf('.')) as GlobalPermissionKind;
}

/** The weight of a permission name within its kind (§2); heavier wins when merging. */
export function permissionWeight(name: PermissionName): number {
  if (name in GLOBAL_ONLY_WEIGHTS) return GLOBAL_ONLY_WEIGHTS[name as HgPermission];
  return LEVEL_WEIGHTS[objectPermissionLevel(name as ObjectPermission)];
}

/** The level part of an object permission (`group.write` → `write`). */
export function objectPermissionLevel(permission: ObjectPermission): PermissionLevel {
  return permission.slice(permission.indexOf('.') + 1) as PermissionLevel;
}

/** The family part of an object permission (`group.write` → `group`). */
export function objectPermissionFamily(permission: ObjectPermission): ObjectFamily {
  return permission.slice(0, permission.indexOf('.')) as ObjectFamily;
}

/** Builds the object permission of `family` at `level` (`('repository', 'read')` → `repository.read`). */
export function objectPermission(family: 'repository', level: PermissionLevel): RepositoryPermission;
export function objectPermission(family: 'group', level: PermissionLevel): RepoGroupPermission;
export function objectPermission(family: 'usergroup', level: PermissionLevel): UserGroupPermission;
export function objectPermission(family: ObjectFamily, level: PermissionLevel): ObjectPermission;
export function objectPermission(family: ObjectFamily, level: PermissionLevel): ObjectPermission {
  return `${family}.${level}` as ObjectPermission;
}

/**
 * The level of `name` if it is an object permission of `family`, else undefined. Used on stored
 * rows: an entry of the wrong family (data-model §3.5) or an unknown name counts as no entry.
 */
export function levelInFamily(name: string, family: ObjectFamily): PermissionLevel | undefined {
  const dot = name.indexOf('.');
  if (dot < 0 || name.slice(0, dot) !== family) return undefined;
  const level = name.slice(dot + 1);
  return (PERMISSION_LEVELS as readonly string[]).includes(level) ? (level as PermissionLevel) : undefined;
}
