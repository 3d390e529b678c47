import { z } from 'zod';
import { userGroupNameSchema } from '../validation/schemas';

export const userGroupSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string(),
  active: z.boolean(),
  owner: z.string(),
  memberCount: z.number().int(),
  createdOn: z.string(),
  permission: z.string(),
});
export type UserGroupDto = z.infer<typeof userGroupSchema>;

export const userGroupMemberSchema = z.object({ id: z.number().int(), username: z.string(), firstname: z.string(), lastname: z.string(), active: z.boolean() });
export type UserGroupMember = z.infer<typeof userGroupMemberSchema>;

export const createUserGroupSchema = z
  .object({
    name: userGroupNameSchema,
    description: z.string().max(10000).optional().default(''),
    active: z.boolean().optional().default(true),
    owner: z.string().max(255).optional(),
  })
  .strict();
export type CreateUserGroup = z.input<typeof createUserGroupSchema>;

export const updateUserGroupSchema = z
  .object({
    name: userGroupNameSchema.optional(),
    description: z.string().max(10000).optional(),
    active: z.boolean().optional(),
    owner: z.string().max(255).optional(),
  })
  .strict();
export type UpdateUserGroup = z.infer<typeof updateUserGroupSchema>;

export const setMembersSchema = z.object({ userIds: z.array(z.number().int().positive()).max(10000) }).strict();
export type SetMembers = z.infer<typeof setMembersSchema>;

export const deleteUserGroupQuerySchema = z.object({ force: z.enum(['true', 'false']).optional().transform((v) => v === 'true') }).strict();
