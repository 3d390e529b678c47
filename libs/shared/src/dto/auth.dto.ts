import { z } from 'zod';

export const loginRequestSchema = z
  .object({
    username: z.string().trim().min(1, 'Enter your username or e-mail').max(255),
    password: z.string().min(1, 'Enter your password').max(1024),
    remember: z.boolean().optional().default(false),
  })
  .strict();
export type LoginRequest = z.input<typeof loginRequestSchema>;

/** The signed-in user as the SPA sees it. */
export const currentUserSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  firstname: z.string(),
  lastname: z.string(),
  email: z.string().nullable(),
  admin: z.boolean(),
  /** true for the default user standing in for an anonymous visitor */
  anonymous: z.boolean(),
});
export type CurrentUser = z.infer<typeof currentUserSchema>;

export const sessionResponseSchema = z.object({
  user: currentUserSchema,
  /** send back as the `X-CSRF-Token` header on every state-changing request */
  csrfToken: z.string().nullable(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const csrfTokenResponseSchema = z.object({ csrfToken: z.string() });
export type CsrfTokenResponse = z.infer<typeof csrfTokenResponseSchema>;

/** Public facts the login page and the layout need before anyone signs in. */
export const siteInfoSchema = z.object({
  title: z.string(),
  version: z.string(),
  anonymousAccess: z.boolean(),
  /** repositories have extra fields (`ex_<key>`) */
  repositoryFields: z.boolean(),
  /** what a new repository form starts with */
  repositoryDefaults: z.object({ type: z.enum(['hg', 'git']), private: z.boolean(), enableStatistics: z.boolean(), enableDownloads: z.boolean() }),
  /** clone URL templates (see `renderCloneUrl`); `sshTemplate` is null while SSH is turned off */
  clone: z.object({ uriTemplate: z.string(), sshTemplate: z.string().nullable(), sshPort: z.number().int().nullable(), systemUser: z.string() }),
});
export type SiteInfo = z.infer<typeof siteInfoSchema>;

export const healthResponseSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({ status: z.enum(['up', 'down']), type: z.enum(['sqlite', 'postgres']), latencyMs: z.number().optional() }),
  version: z.string(),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;

export const errorResponseSchema = z.object({ message: z.string() });
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
