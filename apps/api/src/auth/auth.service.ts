import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isIpAllowed } from '@grove/shared';
import { In, Repository } from 'typeorm';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import type { GroveConfig } from '../config/config';
import { GROVE_CONFIG } from '../config/config.token';
import { UserApiKey } from '../users/user-api-key.entity';
import { UserEmail } from '../users/user-email.entity';
import { UserIp } from '../users/user-ip.entity';
import { DEFAULT_USERNAME, User } from '../users/user.entity';
import { hashPassword, needsRehash, verifyPassword } from './password-hasher';
import { RequestIdentity } from './request-identity';
import { SessionPayload, SessionTokens, passwordFingerprint } from './session-token';
import { LoginThrottleService } from './throttle/login-throttle.service';

const API_KEY_FORMAT = /^[a-zA-Z0-9]{40}$/;
const INVALID_LOGIN = 'Invalid username or password';

/** Proves who a request comes from: passwords, API keys, session cookies, anonymous access. */
@Injectable()
export class AuthService {
  constructor(
    @Inject(GROVE_CONFIG) private readonly config: GroveConfig,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(UserEmail) private readonly emails: Repository<UserEmail>,
    @InjectRepository(UserApiKey) private readonly apiKeys: Repository<UserApiKey>,
    @InjectRepository(UserIp) private readonly ips: Repository<UserIp>,
    private readonly throttle: LoginThrottleService,
    readonly sessions: SessionTokens,
  ) {}

  /**
   * Username (or e-mail, case-insensitive) and password login. Failures are throttled per
   * account and per address; the message never says which part was wrong.
   */
  async loginWithPassword(login: string, password: string, ip: string): Promise<User> {
    await this.throttle.assertAllowed(login, ip);
    const user = await this.findByLogin(login);
    const ok = user !== null && !user.isDefaultUser && (await verifyPassword(password, user.password));
    if (!ok || !user) {
      await this.throttle.recordFailure(login, ip);
      throw new DomainError(ErrorCode.Unauthenticated, INVALID_LOGIN);
    }
    if (!user.active) {
      await this.throttle.recordFailure(login, ip);
      throw new DomainError(ErrorCode.Unauthenticated, 'This account is disabled');
    }
    await this.assertIpAllowed(user, ip);
    await this.throttle.recordSuccess(login);
    user.lastLogin = new Date();
    if (needsRehash(user.password)) user.password = await hashPassword(password);
    await this.users.update(user.id, { lastLogin: user.lastLogin, password: user.password });
    return user;
  }

  /** Finds a user by username or by primary/extra e-mail, case-insensitively. */
  async findByLogin(login: string): Promise<User | null> {
    const needle = login.trim().toLowerCase();
    if (!needle) return null;
    const byName = await this.users.createQueryBuilder('u').where('LOWER(u.username) = :needle', { needle }).getOne();
    if (byName) return byName;
    const byEmail = await this.users.findOne({ where: { email: needle } });
    if (byEmail) return byEmail;
    const extra = await this.emails.findOne({ where: { email: needle } });
    return extra ? this.users.findOne({ where: { id: extra.userId } }) : null;
  }

  /**
   * The active, non-default user owning `key` (built-in key or an unexpired extra key), or null.
   * Malformed keys are refused without a query.
   */
  async userForApiKey(key: string): Promise<User | null> {
    if (!API_KEY_FORMAT.test(key)) return null;
    let user = await this.users.findOne({ where: { apiKey: key } });
    if (!user) {
      const extra = await this.apiKeys.findOne({ where: { apiKey: key } });
      if (!extra || extra.isExpired()) return null;
      user = await this.users.findOne({ where: { id: extra.userId } });
    }
    return user && user.active && !user.isDefaultUser ? user : null;
  }

  /**
   * HTTP Basic credentials of a VCS client: username or e-mail with the password, or with one of
   * the user's API keys as the password. Returns the active user or null (throttled like logins;
   * no IP check and no `last_login` update — a clone makes several requests).
   */
  async verifyBasicCredentials(login: string, secret: string, ip: string): Promise<User | null> {
    await this.throttle.assertAllowed(login, ip);
    const user = await this.findByLogin(login);
    let ok = false;
    if (user && user.active && !user.isDefaultUser) {
      const byKey = API_KEY_FORMAT.test(secret) ? await this.userForApiKey(secret) : null;
      ok = byKey?.id === user.id || (await verifyPassword(secret, user.password));
    }
    if (!ok) {
      await this.throttle.recordFailure(login, ip);
      return null;
    }
    await this.throttle.recordSuccess(login);
    return user;
  }

  /** Identity for an API key; a bad key is an error, not a fallback to anonymous. */
  async identifyByApiKey(key: string, ip: string): Promise<RequestIdentity> {
    const user = await this.userForApiKey(key);
    if (!user) throw new DomainError(ErrorCode.Forbidden, 'Invalid API key');
    await this.assertIpAllowed(user, ip);
    return { user, via: 'api-key' };
  }

  /** Identity for a session cookie, or null when it is invalid, expired or outdated. */
  async identifyBySession(token: string | undefined, ip: string): Promise<RequestIdentity | null> {
    const session = this.sessions.verify(token);
    if (!session) return null;
    const user = await this.users.findOne({ where: { id: session.uid } });
    if (!user || !user.active || user.isDefaultUser || passwordFingerprint(user.password) !== session.pv) return null;
    await this.assertIpAllowed(user, ip);
    return { user, via: 'session', session };
  }

  /** The default user when anonymous access is on and the address passes the global list ([FIX-3]). */
  async identifyAnonymous(ip: string): Promise<RequestIdentity | null> {
    const defaultUser = await this.defaultUser();
    if (!defaultUser.active) return null;
    const globalList = await this.ipEntries([defaultUser.id]);
    if (!isIpAllowed(ip, globalList.get(defaultUser.id) ?? [], [])) return null;
    return { user: defaultUser, via: 'anonymous' };
  }

  async defaultUser(): Promise<User> {
    const user = await this.users.findOne({ where: { username: DEFAULT_USERNAME } });
    if (!user) throw new DomainError(ErrorCode.Unavailable, 'Grove is not set up: run `grove setup`');
    return user;
  }

  /** Starts a session; returns the cookie value and its max-age (undefined = browser session). */
  startSession(user: User, remember: boolean): { token: string; payload: SessionPayload; maxAgeSeconds?: number } {
    const ttl = remember ? this.config.session.rememberTtlSeconds : this.config.session.ttlSeconds;
    const payload = this.sessions.newPayload(user.id, user.password, ttl, remember);
    return { token: this.sessions.sign(payload), payload, maxAgeSeconds: remember ? ttl : undefined };
  }

  /** §11: the user's own entries ∪ the global (default user's) entries; empty = everywhere. */
  async assertIpAllowed(user: User, ip: string): Promise<void> {
    const defaultUser = user.isDefaultUser ? user : await this.defaultUser();
    const lists = await this.ipEntries([defaultUser.id, user.id]);
    const allowed = isIpAllowed(ip, lists.get(defaultUser.id) ?? [], user.isDefaultUser ? [] : (lists.get(user.id) ?? []));
    if (!allowed) throw new DomainError(ErrorCode.Forbidden, `Access from your IP address (${ip}) is not allowed`);
  }

  private async ipEntries(userIds: number[]): Promise<Map<number, string[]>> {
    const rows = await this.ips.find({ where: { userId: In([...new Set(userIds)]) } });
    const byUser = new Map<number, string[]>();
    for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row.ipAddr]);
    return byUser;
  }
}
