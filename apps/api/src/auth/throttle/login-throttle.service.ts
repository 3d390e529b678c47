import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { GROVE_CONFIG } from '../../config/config.token';
import type { GroveConfig } from '../../config/config';
import { DomainError, ErrorCode } from '../../common/errors/domain-error';
import { FailureCounter } from './login-throttle';

export const FAILURE_COUNTER = Symbol('FAILURE_COUNTER');

/**
 * Refuses logins for an account or a client address after too many failures in the window,
 * so passwords cannot be guessed quickly from one address or against one account.
 */
@Injectable()
export class LoginThrottleService implements OnModuleDestroy {
  constructor(
    @Inject(GROVE_CONFIG) private readonly config: GroveConfig,
    @Inject(FAILURE_COUNTER) private readonly counter: FailureCounter,
  ) {}

  /** Throws 429 when the account or the address is currently locked out. */
  async assertAllowed(login: string, ip: string): Promise<void> {
    const { maxFailures, maxFailuresPerIp } = this.config.loginThrottle;
    const [account, address] = await Promise.all([this.counter.peek(accountKey(login)), this.counter.peek(ipKey(ip))]);
    const blocked = [account.count >= maxFailures ? account : null, address.count >= maxFailuresPerIp ? address : null].filter(
      (c): c is { count: number; ttlSeconds: number } => c !== null,
    );
    if (blocked.length) {
      const retryAfter = Math.max(...blocked.map((c) => c.ttlSeconds), 1);
      throw new DomainError(ErrorCode.TooManyRequests, `Too many failed login attempts. Try again in ${retryAfter} seconds.`, {
        retryAfter,
      });
    }
  }

  async recordFailure(login: string, ip: string): Promise<void> {
    const window = this.config.loginThrottle.windowSeconds;
    await Promise.all([this.counter.increment(accountKey(login), window), this.counter.increment(ipKey(ip), window)]);
  }

  /** A successful login clears the account's count (not the address's: others may be guessing from it). */
  async recordSuccess(login: string): Promise<void> {
    await this.counter.reset(accountKey(login));
  }

  async onModuleDestroy() {
    await this.counter.close?.();
  }
}

const accountKey = (login: string) => `account:${login.trim().toLowerCase()}`;
const ipKey = (ip: string) => `ip:${ip}`;
