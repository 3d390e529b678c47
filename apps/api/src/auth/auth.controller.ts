import { Controller, Get, Header, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CsrfTokenResponse, SessionResponse, csrfTokenResponseSchema, loginRequestSchema, sessionResponseSchema } from '@grove/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { ZodBody, ZodResponse } from '../common/openapi/zod-openapi';
import { Public, CurrentIdentity } from './access.decorators';
import { AuthService } from './auth.service';
import { LocalAuthGuard } from './guards/local-auth.guard';
import type { RequestIdentity } from './request-identity';
import { SessionCookie } from './session-cookie';
import { toCurrentUser } from './current-user';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly cookie: SessionCookie,
  ) {}

  @Public()
  @Post('api/v1/auth/login')
  @HttpCode(200)
  @UseGuards(LocalAuthGuard)
  @ApiOperation({ summary: 'Sign in with username (or e-mail) and password; sets the session cookie' })
  @ZodBody(loginRequestSchema)
  @ZodResponse(sessionResponseSchema)
  login(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): SessionResponse {
    const user = request.loginUser!;
    const remember = (request.body as { remember?: boolean }).remember === true;
    const session = this.auth.startSession(user, remember);
    this.cookie.set(reply, session.token, session.maxAgeSeconds);
    return { user: toCurrentUser(user), csrfToken: this.auth.sessions.csrfToken(session.payload) };
  }

  @Post('api/v1/auth/logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out (clears the session cookie)' })
  logout(@Res({ passthrough: true }) reply: FastifyReply): void {
    this.cookie.clear(reply);
  }

  @Public()
  @Get('api/v1/me')
  @ApiOperation({ summary: 'The signed-in user (session or API key), or 401' })
  @ZodResponse(sessionResponseSchema)
  me(@CurrentIdentity() identity: RequestIdentity | undefined): SessionResponse {
    if (!identity || identity.via === 'anonymous') throw new DomainError(ErrorCode.Unauthenticated, 'Not signed in');
    return {
      user: toCurrentUser(identity.user),
      csrfToken: identity.session ? this.auth.sessions.csrfToken(identity.session) : null,
    };
  }

  @Get('api/v1/auth/csrf')
  @ApiOperation({ summary: "The session's CSRF token (send it as X-CSRF-Token)" })
  @ZodResponse(csrfTokenResponseSchema)
  csrf(@CurrentIdentity() identity: RequestIdentity): CsrfTokenResponse {
    if (!identity.session) throw new DomainError(ErrorCode.BadRequest, 'CSRF tokens belong to browser sessions; API keys need none');
    return { csrfToken: this.auth.sessions.csrfToken(identity.session) };
  }

  /** Kallithea's URL for the same token, as plain text. */
  @Get('_admin/session_csrf_secret_token')
  @Header('content-type', 'text/plain; charset=utf-8')
  kallitheaCsrf(@CurrentIdentity() identity: RequestIdentity): string {
    return this.csrf(identity).csrfToken;
  }
}
