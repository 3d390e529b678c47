import { ArgumentsHost, Catch, ExceptionFilter, Inject } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { LOGGER } from '../logging/logger.token';
import { toHttpError } from './to-http-error';

/** The one place exceptions become HTTP responses: `{message}` JSON, never a stack trace. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const { status, body, headers } = toHttpError(exception);
    if (status >= 500) {
      this.logger.error({ err: exception, url: request.url, method: request.method }, 'request failed');
    }
    if (reply.sent) return;
    for (const [name, value] of Object.entries(headers ?? {})) reply.header(name, value);
    reply.status(status).send(body);
  }
}

