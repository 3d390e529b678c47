/** What happened to a file in a diff. */
export type DiffOperation = 'added' | 'removed' | 'modified' | 'renamed' | 'copied';

/** Kind of one line in a hunk; `no-newline` is the "\ No newline at end of file" marker, shown as context. */
export type DiffLineType = 'context' | 'add' | 'del' | 'no-newline';

/** One line of a hunk, with its numbers on the old and the new side (null where the line does not exist). */
export interface DiffLine {
  type: DiffLineType;
  oldNumber: number | null;
  newNumber: number | null;
  /** The line without its leading marker (`+`, `-`, ` `) and without the line break. */
  content: string;
}

/** One `@@ -a,b +c,d @@ section` block. */
export interface DiffHunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  /** The text after the second `@@` (usually the enclosing function), may be empty. */
  section: string;
  lines: DiffLine[];
}

/** Added and deleted line counts of a file (binary files count 0/0 and set `binary`). */
export interface DiffStats {
  added: number;
  deleted: number;
  binary: boolean;
}

/** One file of a git-style diff, with everything the UI needs to render its header and meta rows. */
export interface DiffFile {
  /** Path before the change (null for an added file). */
  oldPath: string | null;
  /** Path after the change (null for a removed file). */
  newPath: string | null;
  /** The path to show and to anchor on: the new path, or the old one for a removed file. */
  path: string;
  operation: DiffOperation;
  /** File modes as octal strings (`100644`, `100755`, `120000`, `160000`), null when absent. */
  oldMode: string | null;
  newMode: string | null;
  /** Mode changed without the file being added or removed ("modified file chmod a => b"). */
  modeChanged: boolean;
  /** Rename/copy similarity index in percent, when the diff gives one. */
  similarity: number | null;
  /** A binary change ("binary diff not shown" unless a GIT binary patch is present). */
  binary: boolean;
  /** The raw diff carries a `GIT binary patch` for this file. */
  hasBinaryPatch: boolean;
  /** A git submodule (gitlink, mode 160000) changed. */
  submodule: boolean;
  hunks: DiffHunk[];
  stats: DiffStats;
  /** Byte offset of this file's section in the raw diff, and its length in bytes. */
  rawOffset: number;
  rawLength: number;
}

/** A parsed diff: files in diff order, totals, and whether files were left out by a size limit. */
export interface ParsedDiff {
  files: DiffFile[];
  stats: { files: number; added: number; deleted: number };
  /** True when files were dropped because their section ends beyond the cut-off limit. */
  truncated: boolean;
  /** Number of files in the raw diff, including the dropped ones. */
  totalFiles: number;
}

/**
 * Widths of the per-file stats bar (web-ui.md §3.9): `width` pixels split between added and
 * deleted lines in proportion, each non-zero side at least 9 % of the width, the sum never above it.
 */
export function diffStatsBar(stats: Pick<DiffStats, 'added' | 'deleted'>, width = 100): { added: number; deleted: number } {
  const { added, deleted } = stats;
  const unit = width / (added + deleted || 1);
  const minimum = (width * 9) / 100;
  let a = added > 0 ? Math.max(minimum, unit * added) : 0;
  let d = deleted > 0 ? Math.max(minimum, unit * deleted) : 0;
  const over = a + d - width;
  if (over > 0) {
    if (a > d) a -= over;
    else d -= over;
  }
  return { added: a, deleted: d };
}
