import { z } from 'zod';
import { pageOf, pageQuerySchema } from './pagination.dto';

export const repoTypeSchema = z.enum(['hg', 'git']);

/** The newest changeset of a repository, as cached in `changeset_cache`. */
export const tipSummarySchema = z.object({
  rawId: z.string(),
  shortId: z.string(),
  revision: z.number().int(),
  message: z.string(),
  author: z.string(),
  date: z.string(),
});
export type TipSummary = z.infer<typeof tipSummarySchema>;

export const repoListItemSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  shortName: z.string(),
  type: repoTypeSchema,
  private: z.boolean(),
  description: z.string(),
  owner: z.string(),
  forkOf: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  state: z.string(),
  updatedOn: z.string(),
  tip: tipSummarySchema.nullable(),
});
export type RepoListItem = z.infer<typeof repoListItemSchema>;

export const repoGroupListItemSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  shortName: z.string(),
  description: z.string(),
  owner: z.string(),
});
export type RepoGroupListItem = z.infer<typeof repoGroupListItemSchema>;

export const browseQuerySchema = z
  .object({
    group: z.string().max(255).optional(),
    filter: z.string().max(255).optional(),
    page: z.coerce.number().int().min(1).max(1_000_000).optional().default(1),
    size: z.coerce.number().int().min(1).max(500).optional().default(100),
  })
  .strict();
export type BrowseQuery = z.input<typeof browseQuerySchema>;

/** The home page (no group) or a repository group page: what the viewer may see there. */
export const browseResponseSchema = z.object({
  group: z
    .object({
      id: z.number().int(),
      name: z.string(),
      description: z.string(),
      parents: z.array(z.object({ id: z.number().int(), name: z.string(), shortName: z.string() })),
    })
    .nullable(),
  groups: z.array(repoGroupListItemSchema),
  repositories: pageOf(repoListItemSchema),
  canCreateRepository: z.boolean(),
  canCreateGroup: z.boolean(),
});
export type BrowseResponse = z.infer<typeof browseResponseSchema>;

/** `<type>:<rev>` landing revision: rev:tip, branch:<name>, book:<name>, tag:<name>. */
export const landingRevisionSchema = z
  .string()
  .max(255)
  .regex(/^(rev|branch|book|tag):\S/, 'Landing revision must look like rev:tip, branch:<name>, book:<name> or tag:<name>')
  .refine((value) => ![...value].some((c) => c.charCodeAt(0) < 32), 'Landing revision may not contain control characters');

export const repoFieldSchema = z.object({
  key: z.string(),
  label: z.string(),
  description: z.string(),
  type: z.string(),
  value: z.string(),
});
export type RepoField = z.infer<typeof repoFieldSchema>;

export const repoDetailSchema = repoListItemSchema.extend({
  landingRevision: z.string(),
  enableStatistics: z.boolean(),
  enableDownloads: z.boolean(),
  /** remote URL with any password hidden */
  cloneUri: z.string().nullable(),
  createdOn: z.string(),
  group: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  followers: z.number().int(),
  forks: z.number().int(),
  following: z.boolean(),
  /** the `default` user follows it: its events appear in the public journal */
  inPublicJournal: z.boolean(),
  fields: z.array(repoFieldSchema),
  /** the viewer's effective permission */
  permission: z.string(),
});
export type RepoDetail = z.infer<typeof repoDetailSchema>;

const repoOptions = {
  description: z.string().max(10000).optional(),
  private: z.boolean().optional(),
  landingRevision: landingRevisionSchema.optional(),
  enableStatistics: z.boolean().optional(),
  enableDownloads: z.boolean().optional(),
};

export const createRepoSchema = z
  .object({
    /** full name including the group path, e.g. `team/tools/hello`; the group must exist */
    name: z.string().min(1).max(255),
    type: repoTypeSchema.optional(),
    ...repoOptions,
    /** import: clone this remote (http, https or ssh) */
    cloneUri: z.string().max(255).optional(),
    /** copy the permissions of the parent group */
    copyPermissions: z.boolean().optional().default(false),
    /** super-admins may create a repository for someone else */
    owner: z.string().max(255).optional(),
  })
  .strict();
export type CreateRepo = z.input<typeof createRepoSchema>;

export const forkRepoSchema = z
  .object({
    name: z.string().min(1).max(255),
    ...repoOptions,
    copyPermissions: z.boolean().optional().default(false),
    /** super-admins may fork for someone else (the fork's owner) */
    owner: z.string().max(255).optional(),
  })
  .strict();
export type ForkRepo = z.input<typeof forkRepoSchema>;

export const updateRepoSchema = z
  .object({
    /** new full name: renames and/or moves the repository (group = path prefix) */
    name: z.string().min(1).max(255).optional(),
    ...repoOptions,
    owner: z.string().max(255).optional(),
    cloneUri: z.string().max(255).nullable().optional(),
    /** id of the repository this one is a fork of (readable, same type), or null for "not a fork" */
    forkOf: z.number().int().positive().nullable().optional(),
    /** values of extra fields, by key */
    fields: z.record(z.string().max(250), z.string().max(10000)).optional(),
  })
  .strict();
export type UpdateRepo = z.infer<typeof updateRepoSchema>;

/** "Pull changes from remote": the stored remote (or the fork's parent) unless a URI is given. */
export const pullRepoSchema = z.object({ cloneUri: z.string().min(1).max(255).optional() }).strict();
export type PullRepo = z.infer<typeof pullRepoSchema>;

export const deleteRepoQuerySchema = z.object({ forks: z.enum(['detach', 'delete']).optional() }).strict();
export type DeleteRepoQuery = z.infer<typeof deleteRepoQuerySchema>;

export const createRepoFieldSchema = z
  .object({
    key: z
      .string()
      .min(1)
      .max(250)
      .regex(/^[a-zA-Z0-9_-]+$/, 'Field key may contain only letters, digits, "_" and "-"'),
    label: z.string().max(1024).optional().default(''),
    description: z.string().max(1024).optional().default(''),
    type: z.enum(['str']).optional().default('str'),
  })
  .strict();
export type CreateRepoField = z.input<typeof createRepoFieldSchema>;

export const repoScanRequestSchema = z.object({ removeObsolete: z.boolean().optional().default(false) }).strict();
export const repoScanResultSchema = z.object({
  added: z.array(z.string()),
  removed: z.array(z.string()),
  groupsCreated: z.array(z.string()),
  /** directories that could not be imported, with the reason */
  skipped: z.array(z.object({ name: z.string(), reason: z.string() })),
});
export type RepoScanResult = z.infer<typeof repoScanResultSchema>;

export const repoListQuerySchema = pageQuerySchema.extend({ access: z.enum(['read', 'admin']).optional().default('admin') });

/** `?name=` lookups accept a full name or the permanent `_<id>` form. */
export const repoRefParamSchema = z.string().min(1).max(512);

/** What a content URL path names (`GET /api/v1/resolve?path=`). */
export const resolvedPathSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('repository'), id: z.number().int(), name: z.string(), rest: z.string(), permission: z.string() }),
  z.object({ type: z.literal('group'), id: z.number().int(), name: z.string() }),
  z.object({ type: z.literal('none') }),
]);
export type ResolvedPath = z.infer<typeof resolvedPathSchema>;
export const resolvePathQuerySchema = z.object({ path: z.string().max(1024) }).strict();
