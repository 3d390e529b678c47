import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { loginRequestSchema } from '@grove/shared';
import type { FastifyRequest } from 'fastify';
import { ZodValidationPipe } from '../../common/pipes/zod-validation.pipe';
import type { User } from '../../users/user.entity';

/** Login: validates the form first (guards run before pipes), then runs passport's local strategy. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  private readonly validator = new ZodValidationPipe(loginRequestSchema, 'body');

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    request.body = this.validator.transform(request.body, { type: 'body' });
    return (await super.canActivate(context)) as boolean;
  }

  override getAuthenticateOptions() {
    // Keep the signed-in user apart from the request identity that the global guard set.
    return { session: false, property: 'loginUser' };
  }

  override handleRequest<T = User>(err: unknown, user: T | false): T {
    if (err) throw err;
    if (!user) throw new Error('local strategy returned no user');
    return user;
  }
}
