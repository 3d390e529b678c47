import Redis from 'ioredis';
import { RedisFailureCounter, RedisLike } from './login-throttle';

// Runs against the real Redis that CI provides (REDIS_URL); the embedded mode uses the memory counter.
const url = process.env['REDIS_URL'];
const describeWithRedis = url ? describe : describe.skip;

describeWithRedis('RedisFailureCounter (real Redis)', () => {
  let redis: Redis;
  let counter: RedisFailureCounter;
  const prefix = `grove:test:${process.pid}:${Date.now()}:`;

  beforeAll(() => {
    redis = new Redis(url!);
    counter = new RedisFailureCounter(redis as unknown as RedisLike, prefix);
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it('counts failures in a window shared by every process, with an expiry', async () => {
    expect(await counter.increment('acct', 60)).toEqual({ count: 1, ttlSeconds: 60 });
    const second = await counter.increment('acct', 60);
    expect(second.count).toBe(2);
    expect(second.ttlSeconds).toBeGreaterThan(55);
    // a second client (another API process) sees the same count
    const other = new RedisFailureCounter(redis as unknown as RedisLike, prefix);
    expect((await other.peek('acct')).count).toBe(2);
    await other.reset('acct');
    expect((await counter.peek('acct')).count).toBe(0);
  });

  it('lets the window expire', async () => {
    await counter.increment('short', 1);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect((await counter.peek('short')).count).toBe(0);
  });
});
