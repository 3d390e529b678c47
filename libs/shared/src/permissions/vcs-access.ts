// The VCS-over-HTTP decision of permissions.md §13 (Kallithea's order plus Grove's architecture
// note), split at the point where credentials would be checked so that they are only checked
// when anonymous access is not enough.
import { hasLevel } from './permission-levels';
import type { RepositoryPermission } from './permission-names';

/** A classified VCS request: pull needs `read`, push needs `write`. */
export type VcsAction = 'pull' | 'push';

export type VcsRefusalStatus = 400 | 401 | 403 | 404;

/** What to do before looking at credentials. */
export type VcsPreAuthenticationDecision =
  | { outcome: 'refuse'; status: 400 | 404 }
  | { outcome: 'serve'; as: 'default' }
  | { outcome: 'authenticate' };

/** What to do once credentials were looked at. */
export type VcsDecision = { outcome: 'refuse'; status: VcsRefusalStatus } | { outcome: 'serve'; as: 'user' };

/** Result of authenticating a VCS request (container header or HTTP Basic). */
export type VcsCredentials =
  /** The request carried no credentials. */
  | { kind: 'missing' }
  /** Wrong password, unknown user or **inactive** user. */
  | { kind: 'rejected' }
  | { kind: 'authenticated'; ipAllowed: boolean; permission: RepositoryPermission | undefined };

/** The level an action needs (§13: pull → read, push → write). */
export function requiredLevelFor(action: VcsAction): 'read' | 'write' {
  return action === 'pull' ? 'read' : 'write';
}

/**
 * §13 steps 1–3: missing repository → 404 (before any authentication); unrecognised action →
 * 400; if anonymous access is on for this client (see `isAnonymousAccessAllowed`) and the
 * default user has the level, serve as `default` — any credentials sent are not checked.
 */
export function decideVcsBeforeAuthentication(input: {
  repositoryExists: boolean;
  action: VcsAction | 'unrecognised';
  anonymousAccessAllowed: boolean;
  /** The default user's effective permission on the repository. */
  anonymousPermission: RepositoryPermission | undefined;
}): VcsPreAuthenticationDecision {
  if (!input.repositoryExists) return { outcome: 'refuse', status: 404 };
  if (input.action === 'unrecognised') return { outcome: 'refuse', status: 400 };
  if (input.anonymousAccessAllowed && hasLevel(input.anonymousPermission, requiredLevelFor(input.action))) {
    return { outcome: 'serve', as: 'default' };
  }
  return { outcome: 'authenticate' };
}

/**
 * §13 steps 4–6 with Grove's architecture note: no/invalid credentials or an inactive user →
 * 401 (or `authFailureStatus` when `auth_ret_code = 403`); IP refused → 403; no read access →
 * 404 (hides the repository); can read but push needs write → 403; otherwise serve as the user.
 */
export function decideVcsAfterAuthentication(input: {
  action: VcsAction;
  credentials: VcsCredentials;
  authFailureStatus?: 401 | 403;
}): VcsDecision {
  const { credentials } = input;
  if (credentials.kind !== 'authenticated') return { outcome: 'refuse', status: input.authFailureStatus ?? 401 };
  if (!credentials.ipAllowed) return { outcome: 'refuse', status: 403 };
  if (!hasLevel(credentials.permission, 'read')) return { outcome: 'refuse', status: 404 };
  if (!hasLevel(credentials.permission, requiredLevelFor(input.action))) return { outcome: 'refuse', status: 403 };
  return { outcome: 'serve', as: 'user' };
}

/** §13 SSH: `write`/`admin` may push, `read` may only pull, `none` is denied. */
export function sshAccessFor(permission: RepositoryPermission | undefined): 'push' | 'pull' | 'denied' {
  if (hasLevel(permission, 'write')) return 'push';
  if (hasLevel(permission, 'read')) return 'pull';
  return 'denied';
}
