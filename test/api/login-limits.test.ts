// Sign-in as an attacker meets it: an unknown email costs what a known one does (no account
// enumeration by timing), password checks are limited per address, per account and overall —
// across processes (two app instances on one store) — and hashing runs one at a time.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createUser, hashingLoad } from '../../src/staff/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { newStoreLocation, STORE_KINDS, type TestStoreLocation } from '../support/stores.js';

const HIGH = { LOGIN_RATE_LIMIT: '100000', LOGIN_ACCOUNT_LIMIT: '100000', LOGIN_GLOBAL_LIMIT: '100000' };

const attempt = (t: TestApp, email: string, address = '203.0.113.5', password = 'wrong password!') =>
  t.app.inject({ method: 'POST', url: '/api/v1/session', remoteAddress: address, payload: { email, password } });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('sign-in timing', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite', HIGH);
  });
  afterAll(async () => t.destroy());

  it('a known email with a wrong password and an unknown email answer within 20 % of each other', async () => {
    const { user } = await createUser(t.ctx.store.db, 'known@example.org', 'analyst');
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 15; i++) {
      for (const [email, into] of [[user.email, known], [`nobody${i}@example.org`, unknown]] as const) {
        const t0 = process.hrtime.bigint();
        const res = await attempt(t, email);
        into.push(Number(process.hrtime.bigint() - t0) / 1e6);
        expect(res.statusCode).toBe(401);
        expect(res.json().type).toBe('https://outage-desk.dev/problems/bad-credentials');
      }
    }
    const [k, u] = [median(known), median(unknown)];
    expect(Math.abs(k - u) / Math.max(k, u), `known ${k.toFixed(1)} ms, unknown ${u.toFixed(1)} ms`).toBeLessThan(0.2);
    expect(Math.min(k, u)).toBeGreaterThan(5); // both paths really hash
  });
});

describe.each(STORE_KINDS)('sign-in limits across two processes on %s', (kind) => {
  let location: TestStoreLocation;
  let apps: TestApp[] = [];
  beforeAll(async () => {
    location = await newStoreLocation(kind);
  });
  afterEach(async () => {
    for (const a of apps) await a.close();
    apps = [];
  });
  afterAll(async () => location.destroy());

  async function twoProcesses(env: Record<string, string>): Promise<[TestApp, TestApp]> {
    apps = [await startTestApp(kind, { ...HIGH, ...env }, {}, location), await startTestApp(kind, { ...HIGH, ...env }, {}, location)];
    await apps[0]!.ctx.store.db.deleteFrom('rate_limit_hits').execute(); // each case starts with fresh counters
    return apps as [TestApp, TestApp];
  }

  it('per account, from many addresses: the attempt past the limit is 429 with Retry-After, known or unknown account alike', async () => {
    const [a, b] = await twoProcesses({ LOGIN_ACCOUNT_LIMIT: '3' });
    for (const email of ['victim@example.org', 'ghost@example.org']) {
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await attempt(i % 2 ? b : a, email, `198.51.100.${i + 1}`));
      expect(answers.map((r) => r.statusCode)).toEqual([401, 401, 401, 429]);
      expect(Number(answers[3]!.headers['retry-after'])).toBeGreaterThan(60);
      expect(answers[3]!.json().type).toBe('https://outage-desk.dev/problems/login-rate-limited');
    }
  });

  it('per address, over any number of accounts', async () => {
    const [a, b] = await twoProcesses({ LOGIN_RATE_LIMIT: '2' });
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await attempt(i % 2 ? b : a, `someone${i}@example.org`, '192.0.2.9')).statusCode);
    expect(codes).toEqual([401, 401, 429]);
    expect((await attempt(b, 'someone@example.org', '192.0.2.10')).statusCode).toBe(401); // another address is not held back
  });

  it('overall, from any number of addresses and accounts', async () => {
    const [a, b] = await twoProcesses({ LOGIN_GLOBAL_LIMIT: '3' });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await attempt(i % 2 ? b : a, `user${i}@example.org`, `192.0.2.${i + 20}`)).statusCode);
    expect(codes).toEqual([401, 401, 401, 429]);
  });

  it('stores no address, and no email, in the counters', async () => {
    const [a] = await twoProcesses({});
    await attempt(a, 'clear@example.org', '192.0.2.77');
    const keys = (await a.ctx.store.db.selectFrom('rate_limit_hits').select('key').execute()).map((r) => r.key);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(' ')).not.toMatch(/192\.0\.2\.77|clear@example/);
  });
});

describe('concurrent sign-ins', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite', HIGH);
  });
  afterAll(async () => t.destroy());

  it('hash one at a time; past the waiting line they are refused 503 at once, never a 500', async () => {
    let most = 0;
    const watch = setInterval(() => (most = Math.max(most, hashingLoad().running)), 1);
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt(t, `crowd${i}@example.org`, `192.0.2.${i + 100}`)));
    clearInterval(watch);
    const codes = new Set(answers.map((r) => r.statusCode));
    expect([...codes].sort()).toEqual([401, 503]);
    const refused = answers.find((r) => r.statusCode === 503)!;
    expect(refused.headers['retry-after']).toBeDefined();
    expect(most).toBe(1);
  });
});
