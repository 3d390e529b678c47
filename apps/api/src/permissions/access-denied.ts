import { DomainError, ErrorCode } from '../common/errors/domain-error';

/**
 * The refusal for a missing permission: anonymous callers are asked to sign in (401); a signed-in
 * caller who may not even read the object is told it does not exist (404, so names cannot be
 * probed); one who may read it but not do this gets 403.
 */
export function accessDenied(options: { anonymous: boolean; canRead: boolean; what: string; needed: string }): DomainError {
  if (options.anonymous) return new DomainError(ErrorCode.Unauthenticated, `You need to sign in to access ${options.what}`);
  if (!options.canRead) return new DomainError(ErrorCode.NotFound, `${capitalise(options.what)} not found`);
  return new DomainError(ErrorCode.Forbidden, `You need ${options.needed} permission on ${options.what}`);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
