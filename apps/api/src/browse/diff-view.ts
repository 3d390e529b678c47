import { createHash } from 'node:crypto';
import { parseDiff, type RawDiff } from '@grove/vcs';
import type { DiffFileDto, DiffResponse } from '@grove/shared';
import type { DiffFile, DiffOperation } from '@grove/shared';

/** `cut_off_limit` (web-ui.md §3.9): bytes of raw diff shown before files are left out. */
export const CUT_OFF_LIMIT = 256_000;
/** Even with `fulldiff`, a JSON diff stops here so one request cannot build a gigantic response. */
export const FULL_DIFF_MAX_BYTES = 32 * 1024 * 1024;

/** Diff options as the query schemas produce them. */
export interface DiffFlags {
  ignorews?: boolean;
  context?: number;
  fulldiff?: boolean;
}

/** How many bytes to ask libs/vcs for: one past the cut-off tells "there was more". */
export function diffReadLimit(flags: DiffFlags): number {
  return flags.fulldiff ? FULL_DIFF_MAX_BYTES : CUT_OFF_LIMIT + 1;
}

/** The anchor id of a file block: `C-<hash12>-<first 12 hex of md5(path)>`. */
export function diffFileId(rawId: string, path: string): string {
  return `C-${rawId.slice(0, 12)}-${createHash('md5').update(path).digest('hex').slice(0, 12)}`;
}

export function toDiffFileDto(file: DiffFile, rawId: string): DiffFileDto {
  return { ...file, id: diffFileId(rawId, file.path) };
}

/**
 * Parses a raw diff read with {@link diffReadLimit} into the API shape: files past the cut-off are
 * left out (unless fulldiff) and listed in `affected` when the caller knows them.
 */
export function toDiffResponse(raw: RawDiff, rawId: string, flags: DiffFlags, affected?: Array<{ path: string; operation: DiffOperation }>): DiffResponse {
  const cutOff = flags.fulldiff ? null : CUT_OFF_LIMIT;
  const parsed = parseDiff(raw.raw, cutOff === null ? {} : { cutOffLimit: cutOff });
  // A raw diff cut by the read limit ends in a partial file section; with fulldiff drop that one too.
  let files = parsed.files;
  let truncated = parsed.truncated;
  if (cutOff === null && raw.truncated && files.length) {
    files = files.slice(0, -1);
    truncated = true;
  }
  const stats = { files: files.length, added: 0, deleted: 0 };
  for (const f of files) {
    stats.added += f.stats.added;
    stats.deleted += f.stats.deleted;
  }
  const seen = files.map((f) => ({ path: f.path, operation: f.operation }));
  return {
    files: files.map((f) => toDiffFileDto(f, rawId)),
    stats,
    truncated,
    totalFiles: affected ? Math.max(affected.length, parsed.totalFiles) : parsed.totalFiles,
    cutOffLimit: cutOff,
    rawTruncated: cutOff === null && raw.truncated,
    affected: affected ?? seen,
  };
}

/** Files of a changeset (from its file lists) as `affected` entries, in path order. */
export function affectedOf(changeset: { added?: string[]; changed?: string[]; removed?: string[] }): Array<{ path: string; operation: DiffOperation }> {
  const out = [
    ...(changeset.added ?? []).map((path) => ({ path, operation: 'added' as const })),
    ...(changeset.changed ?? []).map((path) => ({ path, operation: 'modified' as const })),
    ...(changeset.removed ?? []).map((path) => ({ path, operation: 'removed' as const })),
  ];
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
