/**
 * What went wrong, independent of transport. Services throw `DomainError`s; the HTTP filter and
 * the JSON-RPC controller map the same codes to their own error forms.
 */
export enum ErrorCode {
  BadRequest = 'BAD_REQUEST',
  Validation = 'VALIDATION',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  TooManyRequests = 'TOO_MANY_REQUESTS',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  Unavailable = 'UNAVAILABLE',
  Internal = 'INTERNAL',
}

/**
 * Why a rule refused, in a form transports can switch on. REST shows the message; JSON-RPC needs
 * the reason to pick Kallithea's exact error string (jsonrpc/jsonrpc-errors.ts). Never sent as such.
 */
export type ErrorReason =
  /** A global permission (create repositories, fork, create user groups) is missing: the API's "gate". */
  | { kind: 'global-permission' }
  /** API channel: only super-admins may name an owner. */
  | { kind: 'owner-param' }
  /** API channel: non-admins need `hg.create.repository` to fork (`move: false`) or rename (`move: true`). */
  | { kind: 'no-create-permission'; move: boolean }
  /** The location rule of permissions.md §10 ([FIX-2]) refused the target group. */
  | { kind: 'location' }
  /** The source of a fork is not readable (reported as missing). */
  | { kind: 'source-hidden' }
  /** A name is taken (case-insensitively) by an object of this kind; `isFork` for repositories. */
  | { kind: 'name-taken'; object: 'repository' | 'repoGroup' | 'user' | 'email' | 'userGroup'; isFork?: boolean }
  /** The parent repository group named by a full name does not exist. */
  | { kind: 'missing-group'; path: string }
  /** The user named as owner does not exist. */
  | { kind: 'unknown-owner'; owner: string }
  /** A repository still has forks and no fork handling was chosen. */
  | { kind: 'has-forks'; count: number }
  /** A user group still holds entries on these repositories. */
  | { kind: 'in-use'; repositories: string[] }
  /** The user is not a member of the user group. */
  | { kind: 'not-member' };

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra data safe to show the client (e.g. the failing field, retry-after seconds). */
    readonly details?: Record<string, unknown>,
    /** Machine-readable cause for transports that need more than the code; not serialized. */
    readonly reason?: ErrorReason,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badRequest = (message: string, details?: Record<string, unknown>) => new DomainError(ErrorCode.BadRequest, message, details);
export const notFound = (message: string) => new DomainError(ErrorCode.NotFound, message);
export const forbidden = (message = 'You do not have permission to do this') => new DomainError(ErrorCode.Forbidden, message);
export const unauthenticated = (message = 'You need to sign in') => new DomainError(ErrorCode.Unauthenticated, message);
export const conflict = (message: string) => new DomainError(ErrorCode.Conflict, message);
