// Limits on the public subscribe form, held across processes (counters in the shared store, as
// the sign-in limits in login-limits.ts): per network address, per e-mail address (so nobody's
// inbox is flooded with confirmation e-mails however many addresses send them) and overall (a
// ceiling on the confirmation e-mails the install sends). Keys are hashes, never the address.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from './context.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const hashed = (s: string) => createHash('sha256').update(s).digest('base64url').slice(0, 22);
const emailOf = (req: FastifyRequest): string => {
  const b = req.body as { email?: unknown } | undefined;
  return typeof b?.email === 'string' ? b.email.trim().toLowerCase() : '';
};

/** Counts one sign-up against every limit: the seconds to wait past one, or undefined. */
export type SubscribeCheck = (req: FastifyRequest) => Promise<number | undefined>;

/** Needs @fastify/rate-limit registered on `app` (installLoginLimits does, with the store's counters). */
export function subscribeLimits(app: FastifyInstance, ctx: AppContext): SubscribeCheck {
  const { subscribeRateLimit, subscribeEmailLimit, subscribeGlobalLimit } = ctx.config;
  const checks = [
    app.createRateLimit({ max: subscribeRateLimit, timeWindow: HOUR_MS, keyGenerator: async (req) => `subscribe:addr:${await ctx.salts.fingerprint(req.ip, '', ctx.clock())}` }),
    app.createRateLimit({ max: subscribeEmailLimit, timeWindow: DAY_MS, keyGenerator: (req) => `subscribe:email:${hashed(emailOf(req))}` }),
    app.createRateLimit({ max: subscribeGlobalLimit, timeWindow: HOUR_MS, keyGenerator: () => 'subscribe:all' }),
  ];
  return async (req) => {
    for (const check of checks) {
      const r = await check(req);
      if (!r.isAllowed && r.isExceeded) return Math.max(1, r.ttlInSeconds);
    }
    return undefined;
  };
}
