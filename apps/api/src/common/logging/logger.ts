import { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';

/** One JSON-lines logger per process; Fastify's request log and Nest's log share it. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'grove' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'], censor: '[redacted]' },
  });
}

/** Nest's logger interface over pino, so framework messages are structured too. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  // Nest's start-up chatter (modules, routes) is debug detail, not operational news.
  log(message: unknown, context?: string) {
    const chatter = context === 'InstanceLoader' || context === 'RoutesResolver' || context === 'RouterExplorer' || context === 'NestFactory';
    this.logger[chatter ? 'debug' : 'info']({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}
