import { z } from 'zod';

const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A day looks like 2026-11-21');

/** `GET /repos/:ref/statistics`: the author detail covers `from`..`to` (default: the last 31 days of history). */
export const repoStatisticsQuerySchema = z
  .object({ from: daySchema.optional(), to: daySchema.optional() })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '"from" must not be after "to"', path: ['from'] });
export type RepoStatisticsQuery = z.infer<typeof repoStatisticsQuerySchema>;

/** Commit activity of a repository (web-ui.md §3.11), gathered in batches as it is viewed. */
export const repoStatisticsSchema = z.object({
  enabled: z.boolean(),
  /** changesets parsed so far, of `total` */
  processed: z.number().int(),
  total: z.number().int(),
  /** commits per UTC day over the parsed history, oldest first */
  days: z.array(z.object({ day: z.string(), commits: z.number().int() })),
  /** the author detail's range (null when nothing is parsed yet) */
  range: z.object({ from: z.string(), to: z.string() }).nullable(),
  /** per author per day inside `range` */
  authors: z.array(
    z.object({ author: z.string(), day: z.string(), commits: z.number().int(), added: z.number().int(), changed: z.number().int(), removed: z.number().int() }),
  ),
  /** files per extension at the newest parsed changeset, most first */
  languages: z.array(z.object({ extension: z.string(), files: z.number().int() })),
});
export type RepoStatistics = z.infer<typeof repoStatisticsSchema>;
