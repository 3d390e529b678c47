import type { VcsErrorCode } from '@grove/vcs';
import { ErrorCode } from './domain-error';

/** HTTP status of each domain error code (exhaustive: a new code fails to compile until mapped). */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.BadRequest:
    case ErrorCode.Validation:
      return 400;
    case ErrorCode.Unauthenticated:
      return 401;
    case ErrorCode.Forbidden:
      return 403;
    case ErrorCode.NotFound:
      return 404;
    case ErrorCode.Conflict:
      return 409;
    case ErrorCode.PayloadTooLarge:
      return 413;
    case ErrorCode.TooManyRequests:
      return 429;
    case ErrorCode.Unavailable:
      return 503;
    case ErrorCode.Internal:
      return 500;
  }
}

/** HTTP status of each libs/vcs error code (exhaustive). */
export function httpStatusOfVcsError(code: VcsErrorCode): number {
  switch (code) {
    case 'NotFound':
    case 'InvalidRevision':
      return 404;
    case 'InvalidName':
    case 'InvalidPath':
    case 'InvalidArgument':
      return 400;
    case 'Conflict':
      return 409;
    case 'Unsupported':
      return 501;
    case 'Timeout':
      return 504;
    case 'Aborted':
      return 503;
    case 'VcsFailure':
      return 500;
  }
}
