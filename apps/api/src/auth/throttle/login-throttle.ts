/** Counts failures per key inside a fixed window; shared across processes when Redis is used. */
export interface FailureCounter {
  /** Adds one failure and returns the count in the current window and the seconds left in it. */
  increment(key: string, windowSeconds: number): Promise<{ count: number; ttlSeconds: number }>;
  /** The failures recorded in the current window. */
  peek(key: string): Promise<{ count: number; ttlSeconds: number }>;
  reset(key: string): Promise<void>;
  close?(): Promise<void>;
}

/** In-process counter for the embedded mode. */
export class MemoryFailureCounter implements FailureCounter {
  private readonly entries = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async increment(key: string, windowSeconds: number) {
    const now = this.now();
    let entry = this.entries.get(key);
    if (!entry || entry.resetAt <= now) {
      entry = { count: 0, resetAt: now + windowSeconds * 1000 };
      this.entries.set(key, entry);
    }
    entry.count += 1;
    this.sweep(now);
    return { count: entry.count, ttlSeconds: Math.ceil((entry.resetAt - now) / 1000) };
  }

  async peek(key: string) {
    const now = this.now();
    const entry = this.entries.get(key);
    if (!entry || entry.resetAt <= now) return { count: 0, ttlSeconds: 0 };
    return { count: entry.count, ttlSeconds: Math.ceil((entry.resetAt - now) / 1000) };
  }

  async reset(key: string) {
    this.entries.delete(key);
  }

  // Bound memory under a password-spraying run from many addresses.
  private sweep(now: number) {
    if (this.entries.size < 10_000) return;
    for (const [key, entry] of this.entries) if (entry.resetAt <= now) this.entries.delete(key);
  }
}

/** Minimal slice of ioredis used here. */
export interface RedisLike {
  multi(): { incr(key: string): unknown; ttl(key: string): unknown; exec(): Promise<[Error | null, unknown][] | null> };
  expire(key: string, seconds: number): Promise<unknown>;
  get(key: string): Promise<string | null>;
  ttl(key: string): Promise<number>;
  del(key: string): Promise<unknown>;
  quit(): Promise<unknown>;
}

/** Redis counter, so every API process behind a load balancer sees the same failures. */
export class RedisFailureCounter implements FailureCounter {
  constructor(
    private readonly redis: RedisLike,
    private readonly prefix = 'grove:login-failures:',
  ) {}

  async increment(key: string, windowSeconds: number) {
    const k = this.prefix + key;
    const transaction = this.redis.multi();
    transaction.incr(k);
    transaction.ttl(k);
    const result = await transaction.exec();
    const count = Number(result?.[0]?.[1] ?? 1);
    let ttl = Number(result?.[1]?.[1] ?? -1);
    if (ttl < 0) {
      await this.redis.expire(k, windowSeconds);
      ttl = windowSeconds;
    }
    return { count, ttlSeconds: ttl };
  }

  async peek(key: string) {
    const k = this.prefix + key;
    const [value, ttl] = await Promise.all([this.redis.get(k), this.redis.ttl(k)]);
    return { count: Number(value ?? 0), ttlSeconds: Math.max(ttl, 0) };
  }

  async reset(key: string) {
    await this.redis.del(this.prefix + key);
  }

  async close() {
    await this.redis.quit();
  }
}
