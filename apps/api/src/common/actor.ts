import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { User } from '../users/user.entity';

/** Who performs an action and from where: what services need for permission checks and the journal. */
export interface Actor {
  user: User;
  ip: string;
}

/** The request's actor (the default user for anonymous visitors on `@AllowAnonymous` routes). */
export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest>();
  if (!request.user) throw new Error('CurrentActor used on a route without an identity');
  return { user: request.user.user, ip: request.clientIp ?? '' };
});
