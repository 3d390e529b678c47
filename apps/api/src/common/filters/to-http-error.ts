import { HttpException } from '@nestjs/common';
import { DomainError, ErrorCode } from '../errors/domain-error';
import { isVcsError } from '@grove/vcs';
import { httpStatusOf, httpStatusOfVcsError } from '../errors/error-status';

export interface HttpError {
  status: number;
  body: { message: string } & Record<string, unknown>;
  headers?: Record<string, string>;
}

interface FastifyLikeError {
  statusCode?: number;
  code?: string;
  message?: string;
}

/** Maps anything thrown to a status and a safe body; unknown errors become an opaque 500. */
export function toHttpError(exception: unknown): HttpError {
  if (exception instanceof DomainError) {
    const status = httpStatusOf(exception.code);
    const headers: Record<string, string> = {};
    if (exception.code === ErrorCode.TooManyRequests && typeof exception.details?.['retryAfter'] === 'number') {
      headers['retry-after'] = String(exception.details['retryAfter']);
    }
    return { status, body: { message: exception.message, ...(exception.details ?? {}) }, headers };
  }
  if (isVcsError(exception)) {
    // libs/vcs messages are safe to show (credentials stripped); failures of the tools stay opaque.
    const status = httpStatusOfVcsError(exception.code);
    return { status, body: { message: status >= 500 && exception.code === 'VcsFailure' ? 'The repository operation failed' : exception.message } };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const message =
      typeof response === 'string'
        ? response
        : Array.isArray((response as { message?: unknown }).message)
          ? ((response as { message: string[] }).message[0] ?? exception.message)
          : String((response as { message?: unknown }).message ?? exception.message);
    return { status, body: { message: status >= 500 ? 'Internal server error' : message } };
  }
  const fastifyError = exception as FastifyLikeError;
  if (
    fastifyError &&
    typeof fastifyError.statusCode === 'number' &&
    fastifyError.statusCode >= 400 &&
    fastifyError.statusCode < 500 &&
    typeof fastifyError.code === 'string' &&
    fastifyError.code.startsWith('FST_')
  ) {
    // Body parser / routing errors from Fastify carry a client-safe message.
    return { status: fastifyError.statusCode, body: { message: fastifyError.message ?? 'Bad request' } };
  }
  return { status: 500, body: { message: 'Internal server error' } };
}
