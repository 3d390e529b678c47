// Repository and repo-group names (data-model.md §1, jsonrpc-api.md §7.5/§10) and the web
// form's slug function (web-ui.md §0).
import { CONTROL_CHARACTER, NAME_MAX_LENGTH, PERMANENT_URL_NAME, VALID, invalid, type ValidationResult } from './validation-result';

/** Characters Kallithea's slug function turns into `-` (web-ui.md §0), space included. */
export const SLUG_REPLACED_CHARACTERS = "`?=[]\\;'\"<>,/~!@#$%^&*()+{}|: ";

/** Separator between the segments of a full name (`team/tools/hello`). */
export const NAME_SEPARATOR = '/';

/** Reserved for the admin routes (`/_admin/...`). */
export const RESERVED_ADMIN_NAME = '_admin';

/** What a name names; picks the rules (group segments may not be all digits) and the wording. */
export type NameKind = 'repository' | 'repoGroup';

const LABELS: Readonly<Record<NameKind, string>> = { repository: 'Repository name', repoGroup: 'Repository group name' };
const REPLACED = new Set(SLUG_REPLACED_CHARACTERS);

/**
 * The web forms' slug function (web-ui.md §0): each of `` `?=[]\;'"<>,/~!@#$%^&*()+{}|: `` and
 * space becomes `-`, runs of `-` collapse to one, leading/trailing `-` are trimmed.
 * `slugifyName('My Repo (v2)')` → `My-Repo-v2`. Case is kept.
 */
export function slugifyName(input: string): string {
  let slug = '';
  for (const character of input) slug += REPLACED.has(character) ? '-' : character;
  return slug.replace(/-{2,}/g, '-').replace(/^-+|-+$/g, '');
}

/**
 * One path segment (data-model.md §1): non-empty, not `.`/`..`, unchanged by the slug function,
 * no control characters, not `_admin` or `_<digits>`; a group segment is not all digits.
 */
export function validateNameSegment(segment: string, kind: NameKind): ValidationResult {
  const label = LABELS[kind];
  if (segment === '') return invalid(`${label} may not be empty`);
  if (segment === '.' || segment === '..') return invalid(`${label} may not contain '${segment}' as a path segment`);
  if (segment.length > NAME_MAX_LENGTH) return invalid(`${label} may be at most ${NAME_MAX_LENGTH} characters long`);
  if (CONTROL_CHARACTER.test(segment)) return invalid(`${label} may not contain control characters`);
  for (const character of segment) {
    if (character === ' ') return invalid(`${label} may not contain spaces`);
    if (REPLACED.has(character)) return invalid(`${label} may not contain '${character}'`);
  }
  if (segment.startsWith('-') || segment.endsWith('-')) return invalid(`${label} may not start or end with '-'`);
  if (segment.includes('--')) return invalid(`${label} may not contain '--'`);
  if (segment === RESERVED_ADMIN_NAME) return invalid(`${label} '${RESERVED_ADMIN_NAME}' is reserved`);
  if (PERMANENT_URL_NAME.test(segment)) return invalid(`${label} '${segment}' is reserved for permanent URLs (/_<id>)`);
  if (kind === 'repoGroup' && /^\d+$/.test(segment)) return invalid(`${label} may not consist of digits only`);
  return VALID;
}

/**
 * A full repository name `group/sub/repo`: every segment before the last is a repo-group
 * segment, the last one a repository segment; at most 255 characters in all.
 */
export function validateRepositoryName(fullName: string): ValidationResult {
  return validateFullName(fullName, 'repository');
}

/** A full repo-group name `group/sub`: every segment is a repo-group segment; at most 255 characters. */
export function validateRepoGroupName(fullName: string): ValidationResult {
  return validateFullName(fullName, 'repoGroup');
}

function validateFullName(fullName: string, kind: NameKind): ValidationResult {
  const label = LABELS[kind];
  if (fullName === '') return invalid(`${label} may not be empty`);
  if (fullName.length > NAME_MAX_LENGTH) return invalid(`${label} may be at most ${NAME_MAX_LENGTH} characters long`);
  const segments = fullName.split(NAME_SEPARATOR);
  if (segments.includes('')) return invalid(`${label} may not contain an empty path segment (a leading, trailing or doubled '/')`);
  for (let i = 0; i < segments.length; i++) {
    const isLast = i === segments.length - 1;
    const result = validateNameSegment(segments[i] as string, isLast ? kind : 'repoGroup');
    if (!result.valid) return result;
  }
  return VALID;
}

/** Splits a full name into its parent group path (null at top level) and last segment. */
export function splitFullName(fullName: string): { parentPath: string | null; lastSegment: string } {
  const cut = fullName.lastIndexOf(NAME_SEPARATOR);
  return cut < 0 ? { parentPath: null, lastSegment: fullName } : { parentPath: fullName.slice(0, cut), lastSegment: fullName.slice(cut + 1) };
}

/** Joins a parent group path (null = top level) and a segment into a full name. */
export function joinFullName(parentPath: string | null, segment: string): string {
  return parentPath === null || parentPath === '' ? segment : `${parentPath}${NAME_SEPARATOR}${segment}`;
}

/** The key under which names clash: names that differ only by case are the same name here (data-model.md §1). */
export function nameClashKey(fullName: string): string {
  return fullName.toLowerCase();
}

/**
 * The existing repository or repo-group full name that `candidate` clashes with when compared
 * case-insensitively, or undefined. Pass repositories and groups together: they may not share a path.
 */
export function findCaseInsensitiveClash(candidate: string, existingNames: Iterable<string>): string | undefined {
  const key = nameClashKey(candidate);
  for (const existing of existingNames) if (nameClashKey(existing) === key) return existing;
  return undefined;
}
