import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-custom';
import { AuthService } from '../auth.service';
import type { RequestIdentity } from '../request-identity';
import { SessionCookie } from '../session-cookie';

/** The signed session cookie of the SPA. */
@Injectable()
export class SessionStrategy extends PassportStrategy(Strategy, 'session-cookie') {
  constructor(
    private readonly auth: AuthService,
    private readonly cookie: SessionCookie,
  ) {
    super();
  }

  async validate(request: FastifyRequest): Promise<RequestIdentity | false> {
    const identity = await this.auth.identifyBySession(this.cookie.read(request), request.clientIp ?? '');
    return identity ?? false;
  }
}
