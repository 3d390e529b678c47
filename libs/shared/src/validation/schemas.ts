// zod schemas over the rules of this folder, shared by the server DTOs and the SPA forms.
import { z } from 'zod';
import { normalizeIpEntry, tryParseIpNetwork } from '../permissions/ip-allow-list';
import { isApiKeyFormat, normalizeEmail, validateUserGroupName, validateUsername } from './account-names';
import { slugifyName, validateNameSegment, validateRepoGroupName, validateRepositoryName } from './repository-names';
import type { ValidationResult } from './validation-result';

/** A string schema that reports the rule's message as a custom issue. */
function stringFollowing(rule: (value: string) => ValidationResult) {
  return z.string().superRefine((value, context) => {
    const result = rule(value);
    if (!result.valid) context.addIssue({ code: 'custom', message: result.message });
  });
}

/** Full repository name as stored and sent by the API (`group/sub/repo`), not slugified. */
export const repositoryNameSchema = stringFollowing(validateRepositoryName);

/** Full repo-group name (`group/sub`), not slugified. */
export const repoGroupNameSchema = stringFollowing(validateRepoGroupName);

/** One repository segment (e.g. API `update_repo` `name`). */
export const repositorySegmentSchema = stringFollowing((value) => validateNameSegment(value, 'repository'));

/** One repo-group segment (e.g. API `create_repo_group` `group_name`, where `/` is refused). */
export const repoGroupSegmentSchema = stringFollowing((value) => validateNameSegment(value, 'repoGroup'));

/** Web form field for a new repository's name: slugified as typed, then checked as a segment. */
export const repositoryNameFormSchema = z.string().transform(slugifyName).pipe(repositorySegmentSchema);

/** Web form field for a new repo group's name: slugified as typed, then checked as a segment. */
export const repoGroupNameFormSchema = z.string().transform(slugifyName).pipe(repoGroupSegmentSchema);

/** Username for create/register/update forms and the API. */
export const usernameSchema = stringFollowing(validateUsername);

/** User-group name. */
export const userGroupNameSchema = stringFollowing(validateUserGroupName);

/** E-mail address: trimmed, lower-cased, then checked like a browser's `type=email` field. */
export const emailSchema = z
  .string()
  .transform(normalizeEmail)
  .pipe(z.email({ pattern: z.regexes.html5Email, error: 'Please enter a valid email address' }).max(255, 'Email address may be at most 255 characters long'));

/** An API key: exactly 40 letters or digits. */
export const apiKeySchema = z.string().refine(isApiKeyFormat, { error: 'API key must be exactly 40 letters or digits' });

/** An IP allow-list entry (§11), output in its stored form (`10.0.0.1` → `10.0.0.1/32`). */
export const ipAllowListEntrySchema = z
  .string()
  .superRefine((value, context) => {
    const parsed = tryParseIpNetwork(value);
    if (!parsed.ok) context.addIssue({ code: 'custom', message: parsed.message });
  })
  .transform(normalizeIpEntry);
