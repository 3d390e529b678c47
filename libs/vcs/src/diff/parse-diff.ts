import { isUtf8 } from 'node:buffer';
import type { DiffFile, DiffHunk, DiffLine, DiffOperation, ParsedDiff } from '@grove/shared';
import { splitBuffer } from '../common';
import { decodeBytes } from '../names';

/** Options of {@link parseDiff}. */
export interface ParseDiffOptions {
  /**
   * Drop every file whose section ends beyond this many bytes of raw diff (web-ui.md §3.9
   * `cut_off_limit`); the result then has `truncated: true`.
   */
  cutOffLimit?: number;
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@ ?(.*)$/;

/**
 * Parses a git-style diff (as produced by `git diff` and `hg diff --git`) into files, hunks and
 * lines with statistics. Handles renames, copies, mode changes, binary files and patches, submodules,
 * quoted (non-ASCII) paths and non-UTF-8 content (decoded as Latin-1).
 */
export function parseDiff(raw: Buffer | string, options: ParseDiffOptions = {}): ParsedDiff {
  const buf = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
  const files: DiffFile[] = [];
  // One file section at a time: decoded in one native call when it is valid UTF-8 (nearly always),
  // line by line with the Latin-1 fallback otherwise.
  let pos = buf.subarray(0, 11).toString('latin1') === 'diff --git ' ? 0 : buf.indexOf('\ndiff --git ');
  if (pos > 0) pos += 1; // skip a preamble such as an hg patch header
  while (pos >= 0) {
    const next = buf.indexOf('\ndiff --git ', pos);
    const end = next < 0 ? buf.length : next + 1;
    const section = buf.subarray(pos, end);
    const lines = isUtf8(section) ? splitText(section.toString('utf8')) : splitBuffer(section, 0x0a).map((b) => decodeBytes(b));
    const file = parseSection(lines);
    file.rawOffset = pos;
    file.rawLength = end - pos;
    finalizeOperation(file);
    files.push(file);
    if (next < 0) break;
    pos = end;
  }

  let kept = files;
  let truncated = false;
  if (options.cutOffLimit !== undefined) {
    const limit = options.cutOffLimit;
    const firstOver = files.findIndex((f) => f.rawOffset + f.rawLength > limit);
    if (firstOver >= 0) {
      kept = files.slice(0, firstOver);
      truncated = true;
    }
  }
  const stats = { files: kept.length, added: 0, deleted: 0 };
  for (const f of kept) {
    stats.added += f.stats.added;
    stats.deleted += f.stats.deleted;
  }
  return { files: kept, stats, truncated, totalFiles: files.length };
}

/** Parses the lines of one `diff --git` section (the first line is that header). */
function parseSection(lines: readonly string[]): DiffFile {
  const file = newFile(0);
  const paths = parseDiffGitLine(Buffer.from(lines[0]!.slice('diff --git '.length), 'utf8'));
  file.oldPath = paths?.[0] ?? null;
  file.newPath = paths?.[1] ?? null;
  let hunk: DiffHunk | null = null;
  let oldLeft = 0;
  let newLeft = 0;
  let oldNo = 0;
  let newNo = 0;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (hunk && (oldLeft > 0 || newLeft > 0)) {
      const marker = line[0];
      if (marker === ' ' || line.length === 0) {
        hunk.lines.push({ type: 'context', oldNumber: oldNo++, newNumber: newNo++, content: line.slice(1) });
        oldLeft--;
        newLeft--;
        continue;
      }
      if (marker === '-') {
        hunk.lines.push({ type: 'del', oldNumber: oldNo++, newNumber: null, content: line.slice(1) });
        oldLeft--;
        file.stats.deleted++;
        continue;
      }
      if (marker === '+') {
        hunk.lines.push({ type: 'add', oldNumber: null, newNumber: newNo++, content: line.slice(1) });
        newLeft--;
        file.stats.added++;
        continue;
      }
      if (marker === '\\') {
        hunk.lines.push(noNewline(hunk, line.slice(1)));
        continue;
      }
      // A malformed hunk (counts too large): treat the line as a header.
      oldLeft = newLeft = 0;
    }
    if (hunk && line[0] === '\\') {
      hunk.lines.push(noNewline(hunk, line.slice(1)));
      continue;
    }
    const hm = line.startsWith('@@ ') ? HUNK_HEADER.exec(line) : null;
    if (hm) {
      hunk = {
        oldStart: Number(hm[1]),
        oldLines: hm[2] === undefined ? 1 : Number(hm[2]),
        newStart: Number(hm[3]),
        newLines: hm[4] === undefined ? 1 : Number(hm[4]),
        section: hm[5] ?? '',
        lines: [],
      };
      file.hunks.push(hunk);
      oldLeft = hunk.oldLines;
      newLeft = hunk.newLines;
      oldNo = hunk.oldStart;
      newNo = hunk.newStart;
      continue;
    }
    if (line === 'GIT binary patch') {
      file.binary = file.hasBinaryPatch = file.stats.binary = true;
      break; // the rest of the section is the encoded patch
    }
    parseHeaderLine(file, line);
  }
  return file;
}

/** One extended header line of a file section (`--- a/x`, `rename from`, `new file mode`, …). */
function parseHeaderLine(file: DiffFile, line: string): void {
  const bytes = (from: number) => Buffer.from(line.slice(from), 'utf8');
  if (line.startsWith('--- ')) {
    const p = parseHeaderPath(bytes(4));
    if (p !== undefined) file.oldPath = p;
  } else if (line.startsWith('+++ ')) {
    const p = parseHeaderPath(bytes(4));
    if (p !== undefined) file.newPath = p;
  } else if (line.startsWith('new file mode ')) {
    file.operation = 'added';
    file.newMode = line.slice(14).trim();
  } else if (line.startsWith('deleted file mode ')) {
    file.operation = 'removed';
    file.oldMode = line.slice(18).trim();
  } else if (line.startsWith('old mode ')) {
    file.oldMode = line.slice(9).trim();
    file.modeChanged = true;
  } else if (line.startsWith('new mode ')) {
    file.newMode = line.slice(9).trim();
    file.modeChanged = true;
  } else if (line.startsWith('similarity index ')) {
    file.similarity = parseInt(line.slice(17), 10);
  } else if (line.startsWith('rename from ')) {
    file.operation = 'renamed';
    file.oldPath = unquotePath(bytes(12));
  } else if (line.startsWith('rename to ')) {
    file.operation = 'renamed';
    file.newPath = unquotePath(bytes(10));
  } else if (line.startsWith('copy from ')) {
    file.operation = 'copied';
    file.oldPath = unquotePath(bytes(10));
  } else if (line.startsWith('copy to ')) {
    file.operation = 'copied';
    file.newPath = unquotePath(bytes(8));
  } else if (line.startsWith('index ')) {
    const m = /^index [0-9a-f]+\.\.[0-9a-f]+(?: (\d+))?/.exec(line);
    if (m?.[1]) file.oldMode = file.newMode = file.oldMode ?? m[1];
  } else if (line.startsWith('Binary files ') || (line.startsWith('Binary file ') && line.endsWith(' has changed'))) {
    file.binary = file.stats.binary = true;
  }
}

function splitText(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function noNewline(hunk: DiffHunk, content: string): DiffLine {
  const prev = hunk.lines[hunk.lines.length - 1];
  return { type: 'no-newline', oldNumber: prev?.oldNumber ?? null, newNumber: prev?.newNumber ?? null, content: content.trimStart() };
}

function newFile(offset: number): DiffFile {
  return {
    oldPath: null,
    newPath: null,
    path: '',
    operation: 'modified',
    oldMode: null,
    newMode: null,
    modeChanged: false,
    similarity: null,
    binary: false,
    hasBinaryPatch: false,
    submodule: false,
    hunks: [],
    stats: { added: 0, deleted: 0, binary: false },
    rawOffset: offset,
    rawLength: 0,
  };
}

function finalizeOperation(file: DiffFile): void {
  const op: DiffOperation = file.operation;
  if (op === 'added') file.oldPath = null;
  if (op === 'removed') file.newPath = null;
  if (op === 'added') file.oldMode = null;
  if (op === 'removed') file.newMode = null;
  file.path = file.newPath ?? file.oldPath ?? '';
  file.submodule = file.oldMode === '160000' || file.newMode === '160000';
  if (file.operation === 'renamed' && file.similarity === null && file.hunks.length === 0) file.similarity = 100;
}

/** `--- a/x` / `+++ b/x` / `/dev/null`, possibly quoted and possibly followed by a tab. */
function parseHeaderPath(bytes: Buffer): string | null | undefined {
  let b = bytes;
  if (b[0] !== 0x22) {
    const tab = b.indexOf(0x09);
    if (tab >= 0) b = b.subarray(0, tab);
  }
  const p = unquotePath(b);
  if (p === '/dev/null') return null;
  if (p.startsWith('a/') || p.startsWith('b/')) return p.slice(2);
  return p;
}

/** Splits the `a/X b/Y` part of a `diff --git` line; undefined when it cannot be split reliably. */
function parseDiffGitLine(rest: Buffer): [string, string] | undefined {
  if (rest[0] === 0x22) {
    const [first, afterFirst] = readQuoted(rest, 0);
    const second = rest.subarray(afterFirst + 1);
    return [stripPrefix(first), stripPrefix(unquotePath(second))];
  }
  // Unquoted: when both names are equal (no rename), the line is "a/X b/X".
  const len = rest.length;
  if ((len - 1) % 2 === 0) {
    const half = (len - 1) / 2;
    const a = rest.subarray(0, half);
    const b = rest.subarray(half + 1);
    if (rest[half] === 0x20 && a.subarray(2).equals(b.subarray(2))) {
      return [stripPrefix(decodeBytes(a)), stripPrefix(decodeBytes(b))];
    }
  }
  const split = rest.indexOf(' b/');
  if (split > 0) {
    const second = rest.subarray(split + 1);
    if (second[0] === 0x22) return [stripPrefix(decodeBytes(rest.subarray(0, split))), stripPrefix(unquotePath(second))];
    return [stripPrefix(decodeBytes(rest.subarray(0, split))), stripPrefix(decodeBytes(second))];
  }
  return undefined;
}

function stripPrefix(p: string): string {
  return p.startsWith('a/') || p.startsWith('b/') ? p.slice(2) : p;
}

/** Decodes a path that git may have C-quoted (`"caf\303\251"`). */
export function unquotePath(bytes: Buffer): string {
  if (bytes[0] !== 0x22) return decodeBytes(bytes);
  return readQuoted(bytes, 0)[0];
}

const ESCAPES: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '"': 0x22, '\\': 0x5c };

/** Reads a C-quoted string starting at `start` (the opening quote); returns the decoded text and the index after the closing quote. */
function readQuoted(bytes: Buffer, start: number): [string, number] {
  const out: number[] = [];
  let i = start + 1;
  while (i < bytes.length && bytes[i] !== 0x22) {
    const c = bytes[i];
    if (c !== 0x5c) {
      out.push(c);
      i++;
      continue;
    }
    const n = bytes[i + 1];
    if (n !== undefined && n >= 0x30 && n <= 0x37) {
      out.push(parseInt(bytes.subarray(i + 1, i + 4).toString('latin1'), 8));
      i += 4;
      continue;
    }
    const esc = n === undefined ? undefined : ESCAPES[String.fromCharCode(n)];
    out.push(esc ?? n ?? 0x5c);
    i += 2;
  }
  return [decodeBytes(Uint8Array.from(out)), i + 1];
}
