import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** What the session cookie carries. The server keeps nothing: any process with the secret can read it. */
export interface SessionPayload {
  /** user id */
  uid: number;
  /** expiry, Unix milliseconds */
  exp: number;
  /** random per-login value; the CSRF token is derived from it */
  n: string;
  /** fingerprint of the password hash at login: changing the password ends other sessions */
  pv: string;
  /** "stay logged in" was ticked */
  rem?: boolean;
}

export const SESSION_COOKIE = 'grove_session';

const b64url = (buf: Buffer) => buf.toString('base64url');

/** Signs and reads stateless session cookies and derives their CSRF tokens. */
export class SessionTokens {
  constructor(private readonly secret: string) {}

  /** A fresh payload for a login now. */
  newPayload(userId: number, passwordHash: string, ttlSeconds: number, remember: boolean, now = Date.now()): SessionPayload {
    return { uid: userId, exp: now + ttlSeconds * 1000, n: b64url(randomBytes(16)), pv: passwordFingerprint(passwordHash), rem: remember || undefined };
  }

  sign(payload: SessionPayload): string {
    const body = b64url(Buffer.from(JSON.stringify(payload)));
    return `${body}.${this.mac('session', body)}`;
  }

  /** The payload if the signature is right and it has not expired; otherwise null. */
  verify(token: string | undefined, now = Date.now()): SessionPayload | null {
    if (!token || token.length > 2048) return null;
    const [body, mac, extra] = token.split('.');
    if (!body || !mac || extra !== undefined || !safeEqual(mac, this.mac('session', body))) return null;
    let payload: SessionPayload;
    try {
      payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as SessionPayload;
    } catch {
      return null;
    }
    if (typeof payload.uid !== 'number' || typeof payload.exp !== 'number' || typeof payload.n !== 'string') return null;
    return payload.exp > now ? payload : null;
  }

  /** The CSRF token of a session: an HMAC of its nonce, so it needs no storage. */
  csrfToken(payload: SessionPayload): string {
    return this.mac('csrf', payload.n);
  }

  checkCsrf(payload: SessionPayload, candidate: string | undefined): boolean {
    return !!candidate && safeEqual(candidate, this.csrfToken(payload));
  }

  private mac(purpose: string, value: string): string {
    return b64url(createHmac('sha256', this.secret).update(`${purpose}:${value}`).digest());
  }
}

/** Short, non-reversible fingerprint of a password hash. */
export function passwordFingerprint(passwordHash: string): string {
  return createHash('sha256').update(passwordHash).digest('base64url').slice(0, 16);
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
