import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-custom';
import { AuthService } from '../auth.service';
import type { RequestIdentity } from '../request-identity';

/** Last resort: the default user, when anonymous access is on for this address. */
@Injectable()
export class AnonymousStrategy extends PassportStrategy(Strategy, 'anonymous') {
  constructor(private readonly auth: AuthService) {
    super();
  }

  async validate(request: FastifyRequest): Promise<RequestIdentity | false> {
    return (await this.auth.identifyAnonymous(request.clientIp ?? '')) ?? false;
  }
}
