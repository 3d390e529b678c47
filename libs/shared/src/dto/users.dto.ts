import { z } from 'zod';
import { emailSchema, usernameSchema } from '../validation/schemas';

export const passwordSchema = z.string().min(6, 'Passwords must be at least 6 characters').max(1024);

export const userSummarySchema = z.object({
  id: z.number().int(),
  username: z.string(),
  firstname: z.string(),
  lastname: z.string(),
  email: z.string().nullable(),
  active: z.boolean(),
  admin: z.boolean(),
  externType: z.string().nullable(),
  lastLogin: z.string().nullable(),
  createdOn: z.string(),
});
export type UserSummary = z.infer<typeof userSummarySchema>;

export const createUserRequestSchema = z
  .object({
    username: usernameSchema,
    password: passwordSchema,
    email: emailSchema,
    firstname: z.string().trim().max(255).optional().default(''),
    lastname: z.string().trim().max(255).optional().default(''),
    active: z.boolean().optional().default(true),
    admin: z.boolean().optional().default(false),
  })
  .strict();
export type CreateUserRequest = z.input<typeof createUserRequestSchema>;

export const updateUserRequestSchema = z
  .object({
    username: usernameSchema.optional(),
    password: passwordSchema.optional(),
    email: emailSchema.optional(),
    firstname: z.string().trim().max(255).optional(),
    lastname: z.string().trim().max(255).optional(),
    active: z.boolean().optional(),
    admin: z.boolean().optional(),
  })
  .strict();
export type UpdateUserRequest = z.input<typeof updateUserRequestSchema>;

export const userIdParamSchema = z.object({ id: z.coerce.number().int().positive() }).strict();

/**
 * JSON-RPC `create_user` (jsonrpc-api.md §7.2): Kallithea's API takes any password — `''` means
 * no password (password login impossible) — and the external identity; names and e-mail follow
 * the same rules as everywhere (§10).
 */
export const createUserViaApiSchema = z
  .object({
    username: usernameSchema,
    password: z.string().max(1024).optional().default(''),
    email: emailSchema,
    firstname: z.string().trim().max(255).optional().default(''),
    lastname: z.string().trim().max(255).optional().default(''),
    active: z.boolean().optional().default(true),
    admin: z.boolean().optional().default(false),
    externType: z.string().max(255).optional().default('internal'),
    externName: z.string().max(255).optional().default(''),
  })
  .strict();
export type CreateUserViaApi = z.input<typeof createUserViaApiSchema>;

/** JSON-RPC `update_user`: only the fields sent change; `password: ''` removes the password. */
export const updateUserViaApiSchema = z
  .object({
    username: usernameSchema.optional(),
    password: z.string().max(1024).optional(),
    email: emailSchema.optional(),
    firstname: z.string().trim().max(255).optional(),
    lastname: z.string().trim().max(255).optional(),
    active: z.boolean().optional(),
    admin: z.boolean().optional(),
    externType: z.string().max(255).optional(),
    externName: z.string().max(255).optional(),
  })
  .strict();
export type UpdateUserViaApi = z.input<typeof updateUserViaApiSchema>;
