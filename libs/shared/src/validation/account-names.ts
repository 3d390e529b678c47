// User names, user-group names, e-mail addresses and API keys (Kallithea's form validators,
// jsonrpc-api.md §10, web-ui.md §0).
import { NAME_MAX_LENGTH, PERMANENT_URL_NAME, VALID, invalid, type ValidationResult } from './validation-result';

/** Names no new user may take: the anonymous/template user and Kallithea's `new_user` route word. */
export const RESERVED_USERNAMES: readonly string[] = ['default', 'new_user'];

const USERNAME_PATTERN = /^[a-zA-Z0-9_][a-zA-Z0-9\-_.]*$/;
const USER_GROUP_NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9\-_.]+$/;
const API_KEY_PATTERN = /^[a-zA-Z0-9]{40}$/;

/**
 * A username (Kallithea `ValidUsername`): letters, digits, `_`, `.`, `-`, starting with a letter,
 * digit or underscore; not `default`/`new_user` (any case); not `_<digits>`; at most 255 characters.
 * Uniqueness (case-insensitive) is the caller's check.
 */
export function validateUsername(username: string): ValidationResult {
  if (username === '') return invalid('Username may not be empty');
  if (username.length > NAME_MAX_LENGTH) return invalid(`Username may be at most ${NAME_MAX_LENGTH} characters long`);
  if (RESERVED_USERNAMES.includes(username.toLowerCase())) return invalid(`Username "${username}" cannot be used`);
  if (!USERNAME_PATTERN.test(username)) {
    return invalid(
      'Username may only contain alphanumeric characters, underscores, periods or dashes and must begin with an alphanumeric character or underscore',
    );
  }
  if (PERMANENT_URL_NAME.test(username)) return invalid(`Username "${username}" is reserved (names of the form _<digits> are kept for permanent URLs)`);
  return VALID;
}

/**
 * A user-group name (Kallithea `ValidUserGroup`): at least two characters of letters, digits,
 * `_`, `.`, `-`, starting with a letter or digit; not `default`; at most 255 characters.
 */
export function validateUserGroupName(name: string): ValidationResult {
  if (name === '') return invalid('User group name may not be empty');
  if (name.length > NAME_MAX_LENGTH) return invalid(`User group name may be at most ${NAME_MAX_LENGTH} characters long`);
  if (name.toLowerCase() === 'default') return invalid(`User group name "${name}" cannot be used`);
  if (name.length < 2) return invalid('User group name must be at least 2 characters long');
  if (!USER_GROUP_NAME_PATTERN.test(name)) {
    return invalid('User group name may only contain alphanumeric characters, underscores, periods or dashes and must begin with an alphanumeric character');
  }
  return VALID;
}

/** E-mail addresses are stored and compared lower-case (data-model.md §3.2); surrounding spaces dropped. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** True for the API key format: exactly 40 letters or digits (web-ui.md §0). */
export function isApiKeyFormat(key: string): boolean {
  return API_KEY_PATTERN.test(key);
}
