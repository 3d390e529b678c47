import { z } from 'zod';
import { RECURSION_MODES } from '../permissions/repo-group-recursion';
import { REPO_GROUP_PERMISSIONS, REPOSITORY_PERMISSIONS, USER_GROUP_PERMISSIONS } from '../permissions/permission-names';

/** One stored entry on an object, as the permission pages show it. */
export const permissionEntrySchema = z.object({
  subject: z.discriminatedUnion('type', [
    z.object({ type: z.literal('user'), id: z.number().int(), name: z.string(), isDefault: z.boolean() }),
    z.object({ type: z.literal('user_group'), id: z.number().int(), name: z.string(), active: z.boolean() }),
  ]),
  permission: z.string(),
});
export type PermissionEntry = z.infer<typeof permissionEntrySchema>;

export const permissionEntriesSchema = z.object({ entries: z.array(permissionEntrySchema) });
export type PermissionEntries = z.infer<typeof permissionEntriesSchema>;

const subject = {
  subjectType: z.enum(['user', 'user_group']),
  /** user id or user-group id */
  subjectId: z.number().int().positive(),
};

export const grantRepositoryPermissionSchema = z.object({ ...subject, permission: z.enum(REPOSITORY_PERMISSIONS) }).strict();
export type GrantRepositoryPermission = z.infer<typeof grantRepositoryPermissionSchema>;

export const grantRepoGroupPermissionSchema = z
  .object({ ...subject, permission: z.enum(REPO_GROUP_PERMISSIONS), recursive: z.enum(RECURSION_MODES).optional().default('none') })
  .strict();
export type GrantRepoGroupPermission = z.input<typeof grantRepoGroupPermissionSchema>;

export const grantUserGroupPermissionSchema = z.object({ ...subject, permission: z.enum(USER_GROUP_PERMISSIONS) }).strict();
export type GrantUserGroupPermission = z.infer<typeof grantUserGroupPermissionSchema>;

export const revokePermissionQuerySchema = z
  .object({
    subjectType: z.enum(['user', 'user_group']),
    subjectId: z.coerce.number().int().positive(),
    recursive: z.enum(RECURSION_MODES).optional().default('none'),
  })
  .strict();
export type RevokePermissionQuery = z.infer<typeof revokePermissionQuerySchema>;

/** The default-permissions form (permissions.md §2–§4, web-ui §2.8). */
export const defaultPermissionsSchema = z.object({
  anonymousAccess: z.boolean(),
  defaultRepoPermission: z.enum(REPOSITORY_PERMISSIONS),
  defaultRepoGroupPermission: z.enum(REPO_GROUP_PERMISSIONS),
  defaultUserGroupPermission: z.enum(USER_GROUP_PERMISSIONS),
  register: z.enum(['hg.register.none', 'hg.register.manual_activate', 'hg.register.auto_activate']),
  externActivate: z.enum(['hg.extern_activate.manual', 'hg.extern_activate.auto']),
  createRepository: z.enum(['hg.create.none', 'hg.create.repository']),
  createOnWriteRepoGroup: z.enum(['hg.create.write_on_repogroup.false', 'hg.create.write_on_repogroup.true']),
  createUserGroup: z.enum(['hg.usergroup.create.false', 'hg.usergroup.create.true']),
  fork: z.enum(['hg.fork.none', 'hg.fork.repository']),
});
export type DefaultPermissions = z.infer<typeof defaultPermissionsSchema>;

export const updateDefaultPermissionsSchema = defaultPermissionsSchema
  .partial()
  .extend({
    /** overwrite the `default` entry of every existing object of that kind (private repositories excepted) */
    applyToAllRepositories: z.boolean().optional(),
    applyToAllRepoGroups: z.boolean().optional(),
    applyToAllUserGroups: z.boolean().optional(),
  })
  .strict();
export type UpdateDefaultPermissions = z.infer<typeof updateDefaultPermissionsSchema>;

/** Global permissions a user or user group holds on its own (per-subject "global permissions" tab). */
export const subjectGlobalPermissionsSchema = z
  .object({
    createRepository: z.boolean(),
    createUserGroup: z.boolean(),
    fork: z.boolean(),
  })
  .strict();
export type SubjectGlobalPermissions = z.infer<typeof subjectGlobalPermissionsSchema>;

/** "Show permissions": what a user ends up with (effective), per object. */
export const permissionSummarySchema = z.object({
  global: z.array(z.string()),
  repositories: z.array(z.object({ id: z.number().int(), name: z.string(), permission: z.string() })),
  repoGroups: z.array(z.object({ id: z.number().int(), name: z.string(), permission: z.string() })),
  userGroups: z.array(z.object({ id: z.number().int(), name: z.string(), permission: z.string() })),
});
export type PermissionSummary = z.infer<typeof permissionSummarySchema>;

/** Site settings an administrator edits (a typed subset of the `settings` table). */
export const siteSettingsSchema = z.object({
  title: z.string().max(255),
  realm: z.string().max(255),
  repositoryFields: z.boolean(),
  useGravatar: z.boolean(),
  gravatarUrl: z.string().max(1024),
  cloneUriTemplate: z.string().max(1024),
  cloneSshTemplate: z.string().max(1024),
  defaultRepoType: z.enum(['hg', 'git']),
  defaultRepoPrivate: z.boolean(),
  defaultRepoEnableStatistics: z.boolean(),
  defaultRepoEnableDownloads: z.boolean(),
  /** allow importing from local paths and from this server's own network (off: safer) */
  cloneUriAllowLocal: z.boolean(),
  /** a push to a missing path creates the repository when the pusher may create it there */
  pushToCreate: z.boolean(),
});
export type SiteSettings = z.infer<typeof siteSettingsSchema>;
export const updateSiteSettingsSchema = siteSettingsSchema.partial().strict();
export type UpdateSiteSettings = z.infer<typeof updateSiteSettingsSchema>;

/** Autocomplete of users and user groups (permission pages, member pickers). */
export const usersAndGroupsQuerySchema = z
  .object({ query: z.string().max(255).optional().default(''), types: z.string().max(20).optional().default('users,groups') })
  .strict();
export const usersAndGroupsSchema = z.object({
  users: z.array(z.object({ id: z.number().int(), username: z.string(), firstname: z.string(), lastname: z.string() })),
  groups: z.array(z.object({ id: z.number().int(), name: z.string() })),
});
export type UsersAndGroups = z.infer<typeof usersAndGroupsSchema>;
