import type { DiffFile, DiffHunk, DiffLine } from '@grove/shared';

/** Anchor-safe form of a path (`src/a b.ts` → `src_a_b_ts`), used for file and line anchors. */
export function safeFileId(path: string): string {
  return path.replace(/[^a-zA-Z0-9_-]/g, '_');
}

/** Indices of lines that are a single deletion directly followed by a single addition (word-diffed pairs). */
export function singleLineChanges(lines: readonly DiffLine[]): Set<number> {
  const pairs = new Set<number>();
  for (let i = 0; i + 1 < lines.length; i++) {
    const before = lines[i - 1]?.type;
    const after = lines[i + 2]?.type;
    if (lines[i]!.type === 'del' && lines[i + 1]!.type === 'add' && before !== 'del' && before !== 'add' && after !== 'add' && after !== 'del') pairs.add(i);
  }
  return pairs;
}

/** One row of the side-by-side view: the old line on the left, the new on the right (either may be missing). */
export interface SideBySideRow {
  left: { line: DiffLine; index: number } | null;
  right: { line: DiffLine; index: number } | null;
}

/** Pairs a hunk's lines for side-by-side: context on both sides, a deletion run beside the following addition run. */
export function sideBySideRows(hunk: DiffHunk): SideBySideRow[] {
  const rows: SideBySideRow[] = [];
  const lines = hunk.lines;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.type === 'context' || line.type === 'no-newline') {
      rows.push({ left: { line, index: i }, right: { line, index: i } });
      i++;
      continue;
    }
    const dels: number[] = [];
    const adds: number[] = [];
    while (i < lines.length && lines[i]!.type === 'del') dels.push(i++);
    while (i < lines.length && lines[i]!.type === 'add') adds.push(i++);
    for (let k = 0; k < Math.max(dels.length, adds.length); k++) {
      rows.push({
        left: k < dels.length ? { line: lines[dels[k]!]!, index: dels[k]! } : null,
        right: k < adds.length ? { line: lines[adds[k]!]!, index: adds[k]! } : null,
      });
    }
  }
  return rows;
}

/** The meta rows of a file header (web-ui.md §3.9). */
export type DiffMeta =
  | { kind: 'new'; mode: string | null }
  | { kind: 'deleted' }
  | { kind: 'chmod'; from: string | null; to: string | null }
  | { kind: 'renamed'; from: string; to: string }
  | { kind: 'copied'; from: string; to: string }
  | { kind: 'binary' }
  | { kind: 'submodule' };

export function diffMeta(file: DiffFile): DiffMeta[] {
  const meta: DiffMeta[] = [];
  if (file.operation === 'added') meta.push({ kind: 'new', mode: file.newMode });
  if (file.operation === 'removed') meta.push({ kind: 'deleted' });
  if (file.modeChanged && file.operation !== 'added' && file.operation !== 'removed') meta.push({ kind: 'chmod', from: file.oldMode, to: file.newMode });
  if (file.operation === 'renamed') meta.push({ kind: 'renamed', from: file.oldPath ?? '', to: file.newPath ?? '' });
  if (file.operation === 'copied') meta.push({ kind: 'copied', from: file.oldPath ?? '', to: file.newPath ?? '' });
  if (file.binary && !file.submodule) meta.push({ kind: 'binary' });
  if (file.submodule) meta.push({ kind: 'submodule' });
  return meta;
}
