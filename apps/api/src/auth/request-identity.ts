import type { User } from '../users/user.entity';
import type { SessionPayload } from './session-token';

/** Who is making a request and how they proved it. Anonymous visitors act as the default user. */
export interface RequestIdentity {
  user: User;
  via: 'session' | 'api-key' | 'anonymous';
  /** set when `via` is 'session' */
  session?: SessionPayload;
}

/** Fastify request fields Grove adds. */
declare module 'fastify' {
  interface FastifyRequest {
    /** set by the authentication guard; null when nobody could be identified */
    user?: RequestIdentity | null;
    /** the client address after the trusted-proxy rule */
    clientIp?: string;
    /** the user who just proved their password (login route only) */
    loginUser?: User;
  }
}
