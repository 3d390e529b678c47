// Test helper: describe a small world in a few lines and get the PermissionInput the API's
// permission service would load for it. Not exported from the library.
import {
  computeEffectivePermissions,
  type EffectivePermissions,
  type PermissionInput,
  type UserGroupObjectEntry,
  type UserObjectEntry,
} from '../effective-permissions';

export const DEFAULT_USER_ID = 1;
export const ALICE = 10;
export const BOB = 11;
export const CAROL = 12;
/** Owner of objects whose owner a test does not care about. */
export const SOMEONE_ELSE = 99;

export interface ObjectSpec {
  id: number;
  /** The `default` entry; omitted = missing entry. */
  default?: string;
  /** userId → permission name. */
  users?: Record<number, string>;
  /** userGroupId → permission name. */
  groups?: Record<number, string>;
}

export interface RepositorySpec extends ObjectSpec {
  owner?: number;
  private?: boolean;
}

export interface ScenarioSpec {
  /** The acting user; DEFAULT_USER_ID for anonymous. */
  actingUser: number;
  superAdmin?: boolean;
  /** Active groups the acting user belongs to. */
  activeGroups?: number[];
  defaultGlobal?: string[];
  groupGlobal?: { group: number; permission: string }[];
  userGlobal?: string[];
  repos?: RepositorySpec[];
  repoGroups?: ObjectSpec[];
  userGroups?: ObjectSpec[];
}

function entriesOf(objects: readonly ObjectSpec[]): { userEntries: UserObjectEntry[]; userGroupEntries: UserGroupObjectEntry[] } {
  const userEntries: UserObjectEntry[] = [];
  const userGroupEntries: UserGroupObjectEntry[] = [];
  for (const object of objects) {
    if (object.default !== undefined) userEntries.push({ objectId: object.id, userId: DEFAULT_USER_ID, permission: object.default });
    for (const [userId, permission] of Object.entries(object.users ?? {})) {
      userEntries.push({ objectId: object.id, userId: Number(userId), permission });
    }
    for (const [userGroupId, permission] of Object.entries(object.groups ?? {})) {
      userGroupEntries.push({ objectId: object.id, userGroupId: Number(userGroupId), permission });
    }
  }
  return { userEntries, userGroupEntries };
}

/** Builds the input the permission service would assemble for `spec`. */
export function buildPermissionInput(spec: ScenarioSpec): PermissionInput {
  const repos = spec.repos ?? [];
  const repoGroups = spec.repoGroups ?? [];
  const userGroups = spec.userGroups ?? [];
  return {
    subject: { userId: spec.actingUser, isSuperAdmin: spec.superAdmin ?? false },
    defaultUserId: DEFAULT_USER_ID,
    activeUserGroupIds: spec.activeGroups ?? [],
    globalEntries: {
      defaultUser: spec.defaultGlobal ?? [],
      userGroups: (spec.groupGlobal ?? []).map(({ group, permission }) => ({ userGroupId: group, permission })),
      user: spec.userGlobal ?? [],
    },
    repositories: {
      objects: repos.map((repo) => ({ id: repo.id, ownerId: repo.owner ?? SOMEONE_ELSE, isPrivate: repo.private ?? false })),
      ...entriesOf(repos),
    },
    repoGroups: { objects: repoGroups.map(({ id }) => ({ id })), ...entriesOf(repoGroups) },
    userGroups: { objects: userGroups.map(({ id }) => ({ id })), ...entriesOf(userGroups) },
  };
}

/** Computes the effective permissions of `spec`. */
export function evaluate(spec: ScenarioSpec): EffectivePermissions {
  return computeEffectivePermissions(buildPermissionInput(spec));
}
