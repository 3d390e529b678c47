import { TipSummary } from '@grove/shared';

/** `changeset_cache` JSON (Kallithea's snake_case keys) → the API shape; bad data → null. */
export function parseTip(cache: string | null): TipSummary | null {
  if (!cache) return null;
  try {
    const data = JSON.parse(cache) as Record<string, unknown>;
    if (typeof data['raw_id'] !== 'string') return null;
    return {
      rawId: data['raw_id'],
      shortId: String(data['short_id'] ?? data['raw_id'].slice(0, 12)),
      revision: Number(data['revision'] ?? -1),
      message: String(data['message'] ?? ''),
      author: String(data['author'] ?? ''),
      date: String(data['date'] ?? ''),
    };
  } catch {
    return null;
  }
}
