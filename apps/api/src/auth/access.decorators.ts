import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { RequestIdentity } from './request-identity';

/**
 * Who may call a route. Every route has exactly one level; without a decorator a route needs a
 * signed-in user (secure by default).
 *  - `public`: anyone, even when anonymous access is off (login, health, CSRF token);
 *  - `anonymous`: anyone the site lets in — a signed-in user or, while anonymous access is on, the default user;
 *  - `user`: a signed-in user (session or API key);
 *  - `super-admin`: a signed-in super-admin.
 * Object permissions (repository.read, …) are checked by the services through the permission service.
 */
export type AccessLevel = 'public' | 'anonymous' | 'user' | 'super-admin';
export const ACCESS_LEVEL = 'grove:access-level';

export const Public = () => SetMetadata(ACCESS_LEVEL, 'public' satisfies AccessLevel);
export const AllowAnonymous = () => SetMetadata(ACCESS_LEVEL, 'anonymous' satisfies AccessLevel);
export const SuperAdminOnly = () => SetMetadata(ACCESS_LEVEL, 'super-admin' satisfies AccessLevel);

export const OWN_CREDENTIALS = 'grove:own-credentials';
/**
 * A public route that reads its credentials from the request body itself (the JSON-RPC endpoint):
 * the guard identifies nobody from headers, cookies or query and applies no CSRF check, so
 * authentication failures can be answered the route's own way.
 */
export const OwnCredentials = () => applyDecorators(Public(), SetMetadata(OWN_CREDENTIALS, true));

/** The identity of the request (the default user for anonymous visitors); undefined on public routes without one. */
export const CurrentIdentity = createParamDecorator((_data: unknown, ctx: ExecutionContext): RequestIdentity | undefined => {
  return ctx.switchToHttp().getRequest<FastifyRequest>().user ?? undefined;
});

/** The client address after the trusted-proxy rule. */
export const ClientIp = createParamDecorator((_data: unknown, ctx: ExecutionContext): string => {
  return ctx.switchToHttp().getRequest<FastifyRequest>().clientIp ?? '';
});
