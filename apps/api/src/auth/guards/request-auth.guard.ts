import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { DomainError, ErrorCode } from '../../common/errors/domain-error';
import { ACCESS_LEVEL, AccessLevel, OWN_CREDENTIALS } from '../access.decorators';
import type { RequestIdentity } from '../request-identity';
import { SessionTokens } from '../session-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';
/** Kallithea's form field name, accepted for compatibility with scripted form posts. */
export const CSRF_FIELD = '_session_csrf_secret_token';

/**
 * The global guard of every Nest route (except `@OwnCredentials()` routes, which it leaves alone), in this order:
 *  1. identify the caller with passport: API key, then session cookie, then anonymous (default user);
 *  2. enforce the route's access level (see `AccessLevel`);
 *  3. require the CSRF token on state-changing requests authenticated by the session cookie.
 */
@Injectable()
export class RequestAuthGuard extends AuthGuard(['api-key', 'session-cookie', 'anonymous']) {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionTokens,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(OWN_CREDENTIALS, [context.getHandler(), context.getClass()])) return true;
    await super.canActivate(context);
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const level = this.reflector.getAllAndOverride<AccessLevel>(ACCESS_LEVEL, [context.getHandler(), context.getClass()]) ?? 'user';
    const identity = request.user ?? null;
    assertAccess(level, identity);
    if (level !== 'public' && identity?.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const body = request.body as Record<string, unknown> | undefined;
      const candidate = headerOf(request, CSRF_HEADER) ?? (typeof body?.[CSRF_FIELD] === 'string' ? (body[CSRF_FIELD] as string) : undefined);
      if (!identity.session || !this.sessions.checkCsrf(identity.session, candidate)) {
        throw new DomainError(ErrorCode.Forbidden, 'Missing or invalid CSRF token; reload the page and try again');
      }
    }
    return true;
  }

  /** No identity is not an error here: the access level decides. */
  override handleRequest<T = RequestIdentity | null>(err: unknown, user: T | false): T {
    if (err) throw err;
    return (user || null) as T;
  }
}

function assertAccess(level: AccessLevel, identity: RequestIdentity | null): void {
  if (level === 'public') return;
  if (!identity) throw new DomainError(ErrorCode.Unauthenticated, 'You need to sign in');
  if (level === 'anonymous') return;
  if (identity.via === 'anonymous') throw new DomainError(ErrorCode.Unauthenticated, 'You need to sign in');
  if (level === 'super-admin' && !identity.user.admin) {
    throw new DomainError(ErrorCode.Forbidden, 'Only administrators may do this');
  }
}

function headerOf(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
