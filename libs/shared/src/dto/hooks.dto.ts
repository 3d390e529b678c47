import { z } from 'zod';

/**
 * Mercurial hook types Grove runs after a push (its bookkeeping done): `changegroup` and
 * `txnclose` once per push, `incoming` once per new changeset. Pre-hooks (`pretxnchangegroup`,
 * `prechangegroup`, …) could refuse a push in Kallithea; Grove has accepted it by then, so they are refused.
 */
export const PUSH_HOOK_TYPES = ['changegroup', 'incoming', 'txnclose'] as const;
export type PushHookType = (typeof PUSH_HOOK_TYPES)[number];

/** Kallithea's own hooks: shown read-only, their names refused for custom hooks. */
export const BUILT_IN_HOOK_KEYS = ['changegroup.update', 'changegroup.repo_size'] as const;

const HOOK_KEY = /^([a-z]+)\.([A-Za-z0-9_-]+)$/;

/** Why a custom hook key or command cannot be kept, or null when it can. */
export function customHookProblem(key: string, value: string): string | null {
  const m = HOOK_KEY.exec(key);
  if (!m) return 'The hook name must look like `<hook type>.<name>`, e.g. `changegroup.notify` (letters, digits, `_` and `-` in the name)';
  if ((BUILT_IN_HOOK_KEYS as readonly string[]).includes(key)) return `${key} is a built-in hook and cannot be changed here`;
  const type = m[1]!;
  if (!(PUSH_HOOK_TYPES as readonly string[]).includes(type)) {
    const pre = type.startsWith('pre') ? ': pre-hooks cannot refuse a push in Grove (it is already accepted when hooks run)' : '';
    return `Hook type ${type} is not supported${pre}; use one of ${PUSH_HOOK_TYPES.join(', ')}`;
  }
  if (/^python:/i.test(value.trim())) return 'Python hooks (`python:…`) cannot run in Grove: give a shell command';
  return null;
}

export const hookSchema = z.object({
  id: z.number().int(),
  key: z.string(),
  value: z.string(),
  active: z.boolean(),
});
export type HookDto = z.infer<typeof hookSchema>;

export const hooksSchema = z.object({
  builtIn: z.array(hookSchema),
  custom: z.array(hookSchema),
});
export type HooksDto = z.infer<typeof hooksSchema>;

const command = z
  .string()
  .trim()
  .min(1, 'The hook command is required')
  .max(255)
  .refine((s) => !/[\r\n\0]/.test(s), 'The hook command must be a single line');

export const createHookSchema = z
  .object({
    key: z.string().trim().min(1, 'The hook name is required').max(255),
    value: command,
    active: z.boolean().default(true),
  })
  .strict();
export type CreateHook = z.infer<typeof createHookSchema>;

export const updateHookSchema = z
  .object({
    key: z.string().trim().min(1).max(255).optional(),
    value: command.optional(),
    active: z.boolean().optional(),
  })
  .strict();
export type UpdateHook = z.infer<typeof updateHookSchema>;
