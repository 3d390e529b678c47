import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { invalidArgument, invalidName, invalidPath, invalidRevision, printable } from './errors';

// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/**
 * Checks a repository name relative to the repos root (`team/tools/hello`): `/`-separated segments,
 * none empty, `.`, `..` or starting with `-`, no backslash, no control characters, not absolute.
 * Returns the name unchanged; throws `InvalidName` otherwise.
 */
export function validateRepoName(name: string): string {
  if (typeof name !== 'string' || name.length === 0) throw invalidName('Repository name is empty');
  if (name.length > 1024) throw invalidName('Repository name is too long');
  if (CONTROL_CHARS.test(name)) throw invalidName(`Repository name ${printable(name)} contains control characters`);
  if (name.includes('\\')) throw invalidName(`Repository name ${printable(name)} contains a backslash`);
  if (name.startsWith('/') || isAbsolute(name)) throw invalidName(`Repository name ${printable(name)} is absolute`);
  for (const segment of name.split('/')) {
    if (segment === '' || segment === '.' || segment === '..') throw invalidName(`Repository name ${printable(name)} has an empty, . or .. segment`);
    if (segment.startsWith('-')) throw invalidName(`Repository name ${printable(name)} has a segment starting with -`);
  }
  return name;
}

/** The absolute directory of repository `name` under `root`, guaranteed not to escape it. */
export function repoPath(root: string, name: string): string {
  validateRepoName(name);
  const base = resolve(root);
  const full = resolve(join(base, ...name.split('/')));
  const rel = relative(base, full);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) {
    throw invalidName(`Repository name ${printable(name)} escapes the repositories root`);
  }
  return full;
}

/**
 * Checks a path inside a repository (`docs/index.rst`); `''` is the root. Rejects absolute paths,
 * `..` and `.` segments, empty segments, NUL bytes and a leading `-`. A trailing `/` is dropped.
 */
export function validateFilePath(path: string, { allowRoot = true }: { allowRoot?: boolean } = {}): string {
  if (typeof path !== 'string') throw invalidPath('Path is not a string');
  if (path.includes('\0')) throw invalidPath('Path contains a NUL byte');
  if (path.startsWith('/')) throw invalidPath(`Path ${printable(path)} is absolute`);
  const trimmed = path.endsWith('/') ? path.slice(0, -1) : path;
  if (trimmed === '') {
    if (!allowRoot) throw invalidPath('Path is empty');
    return '';
  }
  if (trimmed.length > 4096) throw invalidPath('Path is too long');
  if (trimmed.startsWith('-')) throw invalidPath(`Path ${printable(path)} starts with -`);
  for (const segment of trimmed.split('/')) {
    if (segment === '' || segment === '.' || segment === '..') throw invalidPath(`Path ${printable(path)} has an empty, . or .. segment`);
  }
  if (trimmed === '.git' || trimmed.startsWith('.git/') || trimmed === '.hg' || trimmed.startsWith('.hg/')) {
    throw invalidPath(`Path ${printable(path)} is reserved`);
  }
  return trimmed;
}

/**
 * Checks a revision as a user may write it (hash, number, branch, tag, bookmark, `tip`): not empty,
 * no control characters, no leading `-` (it would become an option). Throws `InvalidRevision`.
 */
export function validateRevision(rev: string): string {
  if (typeof rev !== 'string' || rev.length === 0) throw invalidRevision(String(rev));
  if (rev.length > 512 || CONTROL_CHARS.test(rev) || rev.startsWith('-')) throw invalidRevision(rev);
  return rev;
}

/** Checks a branch name for commits and filters (same rules as a revision). */
export function validateBranchName(branch: string): string {
  if (typeof branch !== 'string' || branch.length === 0 || branch.length > 255) throw invalidArgument('Invalid branch name');
  if (CONTROL_CHARS.test(branch) || branch.startsWith('-')) throw invalidArgument(`Invalid branch name ${printable(branch)}`);
  return branch;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes bytes from git or hg (file names, messages): UTF-8 when valid, else Latin-1, so that no
 * name is ever dropped. {@link encodingCandidates} maps such a string back to the original bytes.
 */
export function decodeBytes(bytes: Uint8Array): string {
  try {
    return utf8Strict.decode(bytes);
  } catch {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  }
}

/** True when `bytes` are valid UTF-8. */
export function isUtf8(bytes: Uint8Array): boolean {
  try {
    utf8Strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * The byte strings a decoded name may have come from, most likely first: its UTF-8 form, and its
 * Latin-1 form when that is what {@link decodeBytes} would have produced it from.
 */
export function encodingCandidates(name: string): Buffer[] {
  const utf8 = Buffer.from(name, 'utf8');
  // eslint-disable-next-line no-control-regex
  if (!/[\u0080-\u00ff]/.test(name) || /[^\u0000-\u00ff]/.test(name)) return [utf8];
  const latin1 = Buffer.from(name, 'latin1');
  return isUtf8(latin1) ? [utf8] : [utf8, latin1];
}
