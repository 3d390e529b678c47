import { z } from 'zod';

/** `?page=&size=` with sane bounds; page is 1-based. */
export const pageQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).max(1_000_000).optional().default(1),
    size: z.coerce.number().int().min(1).max(500).optional().default(50),
    filter: z.string().max(255).optional(),
  })
  .strict();
export type PageQuery = z.input<typeof pageQuerySchema>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), size: z.number().int() });
}
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  size: number;
}
