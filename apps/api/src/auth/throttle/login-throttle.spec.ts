import { MemoryFailureCounter } from './login-throttle';

describe('MemoryFailureCounter', () => {
  it('counts within a window and starts over after it', async () => {
    let now = 1_000_000;
    const counter = new MemoryFailureCounter(() => now);
    expect((await counter.increment('a', 60)).count).toBe(1);
    expect((await counter.increment('a', 60)).count).toBe(2);
    expect(await counter.peek('a')).toEqual({ count: 2, ttlSeconds: 60 });
    expect((await counter.peek('b')).count).toBe(0);
    now += 61_000;
    expect((await counter.peek('a')).count).toBe(0);
    expect((await counter.increment('a', 60)).count).toBe(1);
    await counter.reset('a');
    expect((await counter.peek('a')).count).toBe(0);
  });
});
