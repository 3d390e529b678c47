import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { parseCookies, serializeCookie } from '../common/http/cookies';
import type { GroveConfig } from '../config/config';
import { GROVE_CONFIG } from '../config/config.token';
import { SESSION_COOKIE } from './session-token';

/** Reads and writes the session cookie: HttpOnly, SameSite=Lax, Secure when the site says so. */
@Injectable()
export class SessionCookie {
  constructor(@Inject(GROVE_CONFIG) private readonly config: GroveConfig) {}

  read(request: FastifyRequest): string | undefined {
    return parseCookies(request.headers.cookie)[SESSION_COOKIE];
  }

  set(reply: FastifyReply, token: string, maxAgeSeconds?: number): void {
    reply.header(
      'set-cookie',
      serializeCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure: this.config.session.secureCookies, maxAge: maxAgeSeconds }),
    );
  }

  clear(reply: FastifyReply): void {
    reply.header('set-cookie', serializeCookie(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'Lax', secure: this.config.session.secureCookies, maxAge: 0 }));
  }
}
