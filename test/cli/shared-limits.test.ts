// The intake limit holds across processes: two `outage-desk serve` on one PostgreSQL, a client
// sending to both in turn gets INTAKE_RATE_LIMIT reports in all (not that many per process),
// then 429 with Retry-After — with the buckets in PostgreSQL, and in Redis when REDIS_URL is set
// (the sign-in limits then count there too).
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { startCliServer } from '../support/cli.js';
import { newStoreLocation, type TestStoreLocation } from '../support/stores.js';

const REPORT = JSON.stringify({ carrier: 'att', services: ['voice'], zip: '10001' });
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const LIMIT = 3;

async function twoServers(env: Record<string, string>) {
  const servers = [0, 1].map(() => startCliServer(['--port', '0'], { HOST: '127.0.0.1', DETECT: 'false', INTAKE_RATE_LIMIT: String(LIMIT), LOGIN_RATE_LIMIT: '2', ...env }));
  const urls = await Promise.all(servers.map((s) => s.ready));
  const stop = async () => {
    for (const s of servers) s.child.kill('SIGTERM');
    await Promise.all(servers.map((s) => s.exited));
  };
  return { urls, stop };
}

/** Reports from one client (one address, one User-Agent), to each server in turn. */
async function alternate(urls: string[], n: number): Promise<Response[]> {
  const answers: Response[] = [];
  for (let i = 0; i < n; i++) {
    answers.push(await fetch(`${urls[i % urls.length]}/api/v1/reports`, { method: 'POST', headers: { 'content-type': 'application/json', 'user-agent': 'one-phone' }, body: REPORT }));
  }
  return answers;
}

function expectLimitedAcrossBoth(answers: Response[]): void {
  expect(answers.map((r) => r.status)).toEqual([...Array<number>(LIMIT).fill(201), 429, 429, 429]);
  for (const r of answers.slice(LIMIT)) expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
}

describe('rate limits across two server processes on one PostgreSQL', () => {
  const made: TestStoreLocation[] = [];
  afterAll(async () => {
    for (const l of made) await l.destroy();
  });

  it('counts a client in the database: over the limit across both, 429 with Retry-After', async () => {
    const loc = await newStoreLocation('postgres');
    made.push(loc);
    const { urls, stop } = await twoServers({ DATABASE_URL: loc.databaseUrl! });
    try {
      expectLimitedAcrossBoth(await alternate(urls, LIMIT + 3));
    } finally {
      await stop();
    }
  });

  it('counts in Redis when REDIS_URL is set, intake and sign-in alike, under its key prefix', async () => {
    const loc = await newStoreLocation('postgres');
    made.push(loc);
    const prefix = `od-test-${randomBytes(6).toString('hex')}:`;
    const redis = new Redis(REDIS_URL);
    const { urls, stop } = await twoServers({ DATABASE_URL: loc.databaseUrl!, REDIS_URL, REDIS_KEY_PREFIX: prefix });
    try {
      expectLimitedAcrossBoth(await alternate(urls, LIMIT + 3));
      const signIn = (url: string) => fetch(`${url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'nobody@example.org', password: 'wrong password!' }) });
      const logins = [await signIn(urls[0]!), await signIn(urls[1]!), await signIn(urls[0]!)];
      expect(logins.map((r) => r.status)).toEqual([401, 401, 429]);
      expect(Number(logins[2]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      // The counters are in Redis (not in the database), under this run's prefix only.
      const keys = await redis.keys(`${prefix}*`);
      expect(keys.some((k) => k.startsWith(`${prefix}intake:c:`))).toBe(true);
      expect(keys.some((k) => k.startsWith(`${prefix}login-limit:`))).toBe(true);
    } finally {
      await stop();
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    }
  });
});
