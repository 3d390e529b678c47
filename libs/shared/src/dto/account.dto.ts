import { z } from 'zod';
import { emailSchema, ipAllowListEntrySchema } from '../validation/schemas';
import { passwordSchema } from './users.dto';

export const userEmailSchema = z.object({ id: z.number().int(), email: z.string() });
export type UserEmailDto = z.infer<typeof userEmailSchema>;
export const addEmailSchema = z.object({ email: emailSchema }).strict();

export const userIpSchema = z.object({ id: z.number().int(), ipAddr: z.string(), start: z.string(), end: z.string() });
export type UserIpDto = z.infer<typeof userIpSchema>;
export const addIpSchema = z.object({ ipAddr: ipAllowListEntrySchema }).strict();

/** API keys are shown in full only to their owner and super-admins. */
export const apiKeyInfoSchema = z.object({
  id: z.number().int().nullable(),
  apiKey: z.string(),
  description: z.string(),
  /** ISO time, null = never */
  expires: z.string().nullable(),
  expired: z.boolean(),
  builtin: z.boolean(),
  createdOn: z.string().nullable(),
});
export type ApiKeyDto = z.infer<typeof apiKeyInfoSchema>;
export const createApiKeySchema = z
  .object({
    description: z.string().max(1000).optional().default(''),
    /** lifetime in minutes; omitted = forever (the UI offers 5, 60, 1440, 43200) */
    lifetimeMinutes: z.number().int().positive().max(100 * 365 * 24 * 60).optional(),
  })
  .strict();
export type CreateApiKey = z.input<typeof createApiKeySchema>;

export const sshKeySchema = z.object({
  id: z.number().int(),
  fingerprint: z.string(),
  description: z.string(),
  keyType: z.string(),
  createdOn: z.string(),
  lastSeen: z.string().nullable(),
});
export type SshKeyDto = z.infer<typeof sshKeySchema>;
export const addSshKeySchema = z
  .object({
    publicKey: z.string().min(1, 'Paste a public key').max(16384),
    description: z.string().max(1000).optional(),
  })
  .strict();

export const updateProfileSchema = z
  .object({
    firstname: z.string().trim().max(255).optional(),
    lastname: z.string().trim().max(255).optional(),
    email: emailSchema.optional(),
  })
  .strict();
export type UpdateProfile = z.infer<typeof updateProfileSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password').max(1024),
    newPassword: passwordSchema,
  })
  .strict();
export type ChangePassword = z.infer<typeof changePasswordSchema>;

export const deleteUserQuerySchema = z.object({ reassignTo: z.string().max(255).optional() }).strict();
