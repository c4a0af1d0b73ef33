import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.js';

const T0 = Date.parse('2024-02-22T08:59:59.900Z'); // a burst across a minute boundary

describe('RateLimiter', () => {
  it('allows the limit in a burst, then one more per refill interval, wherever the minute turns', () => {
    const r = new RateLimiter(3);
    const burst = [0, 10, 20, 30, 200].map((dt) => r.take('a', T0 + dt).allowed);
    expect(burst).toEqual([true, true, true, false, false]);
    const denied = r.take('a', T0 + 300);
    expect(denied.retryAfterSeconds).toBe(20); // one request per 20 s at 3 a minute
    expect(r.take('a', T0 + 20_100).allowed).toBe(true);
    expect(r.take('a', T0 + 20_200).allowed).toBe(false);
    expect(r.take('b', T0 + 20_200).allowed).toBe(true);
  });

  it('is off at 0, and forgets clients whose bucket has refilled', () => {
    expect(new RateLimiter(0).take('a', T0).allowed).toBe(true);
    const r = new RateLimiter(2);
    for (let i = 0; i < 10_000; i++) r.take(`c${i}`, T0);
    expect(r.tracked).toBe(10_000);
    r.take('late', T0 + 120_000);
    expect(r.tracked).toBe(1);
  });
});
