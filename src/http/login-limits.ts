// Limits on password checks, held across processes (counters in the shared store or Redis, through
// @fastify/rate-limit): per network address, per account (whether or not it
// exists, so the answer says nothing about which accounts do), and overall, so that no number
// of addresses makes password guessing — or argon2 work — unbounded. Keys are hashes: an
// address is keyed by its salted daily fingerprint, an account by a hash of the email.
import { createHash } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fail } from '../problems/index.js';
import type { AppContext } from './context.js';
import { databaseRateStore } from './rate-limit-store.js';

const ACCOUNT_WINDOW_MS = 15 * 60_000;
const MINUTE_MS = 60_000;

const emailOf = (req: FastifyRequest): string => {
  const b = req.body as { email?: unknown } | undefined;
  return typeof b?.email === 'string' ? b.email.trim().toLowerCase() : '';
};

const hashed = (s: string) => createHash('sha256').update(s).digest('base64url').slice(0, 22);

declare module 'fastify' {
  interface FastifyInstance {
    /** Counts a sign-in attempt against every limit; throws `login-rate-limited` past one. */
    checkSignIn(req: FastifyRequest): Promise<void>;
  }
}

/** Registers the limits and `app.checkSignIn`, which both sign-in routes hand to the command. */
export async function installLoginLimits(app: FastifyInstance, ctx: AppContext): Promise<void> {
  // Redis when REDIS_URL is set (the plugin's own store, under REDIS_KEY_PREFIX), else the database.
  const counters = ctx.redis ? { redis: ctx.redis, nameSpace: 'login-limit:' } : { store: databaseRateStore(ctx.store.db) };
  await app.register(rateLimit, { global: false, ...counters, skipOnError: false });
  const { loginRateLimit, loginAccountLimit, loginGlobalLimit } = ctx.config;
  const limits = [
    {
      check: app.createRateLimit({ max: loginRateLimit, timeWindow: MINUTE_MS, keyGenerator: async (req) => `login:addr:${await ctx.salts.fingerprint(req.ip, '', ctx.clock())}` }),
      detail: 'Too many sign-in attempts from this address; wait a minute.',
    },
    {
      check: app.createRateLimit({ max: loginAccountLimit, timeWindow: ACCOUNT_WINDOW_MS, keyGenerator: (req) => `login:acct:${hashed(emailOf(req))}` }),
      detail: 'Too many sign-in attempts for this account; wait a few minutes.',
    },
    {
      check: app.createRateLimit({ max: loginGlobalLimit, timeWindow: MINUTE_MS, keyGenerator: () => 'login:all' }),
      detail: 'Too many sign-in attempts right now; wait a minute.',
    },
  ];
  app.decorate('checkSignIn', async (req: FastifyRequest) => {
    for (const { check, detail } of limits) {
      const r = await check(req);
      if (!r.isAllowed && r.isExceeded) fail('login-rate-limited', detail, { retryAfter: Math.max(1, r.ttlInSeconds) });
    }
  });
}
