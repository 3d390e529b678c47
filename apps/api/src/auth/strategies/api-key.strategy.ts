import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-custom';
import { AuthService } from '../auth.service';
import type { RequestIdentity } from '../request-identity';

/** `Authorization: Bearer <key>` or `?api_key=<key>`. Absent → next strategy; wrong → error. */
@Injectable()
export class ApiKeyStrategy extends PassportStrategy(Strategy, 'api-key') {
  constructor(private readonly auth: AuthService) {
    super();
  }

  async validate(request: FastifyRequest): Promise<RequestIdentity | false> {
    const key = apiKeyOf(request);
    if (key === undefined) return false;
    return this.auth.identifyByApiKey(key, request.clientIp ?? '');
  }
}

export function apiKeyOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header === 'string' && /^bearer\s+/i.test(header)) return header.replace(/^bearer\s+/i, '').trim();
  const query = (request.query as Record<string, unknown> | undefined)?.['api_key'];
  return typeof query === 'string' ? query : undefined;
}
