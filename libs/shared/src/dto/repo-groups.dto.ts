import { z } from 'zod';
import { repoGroupNameSchema } from '../validation/schemas';

export const repoGroupSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  shortName: z.string(),
  parentId: z.number().int().nullable(),
  description: z.string(),
  owner: z.string(),
  createdOn: z.string(),
  repositoryCount: z.number().int(),
  subGroupCount: z.number().int(),
  /** the viewer's permission on it */
  permission: z.string(),
});
export type RepoGroupDto = z.infer<typeof repoGroupSchema>;

export const createRepoGroupSchema = z
  .object({
    /** full name, e.g. `team/tools`; the parent must exist */
    name: repoGroupNameSchema,
    description: z.string().max(10000).optional().default(''),
    copyPermissions: z.boolean().optional().default(false),
    /** super-admins may create a group for someone else */
    owner: z.string().max(255).optional(),
  })
  .strict();
export type CreateRepoGroup = z.input<typeof createRepoGroupSchema>;

export const updateRepoGroupSchema = z
  .object({
    /** new full name: renames and/or moves the group with everything in it */
    name: repoGroupNameSchema.optional(),
    description: z.string().max(10000).optional(),
    owner: z.string().max(255).optional(),
  })
  .strict();
export type UpdateRepoGroup = z.infer<typeof updateRepoGroupSchema>;
