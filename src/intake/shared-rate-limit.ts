// The intake limits — a token bucket per client and a looser one per network address — wherever
// their counters live: in this process (the embedded single-process store), in PostgreSQL (one
// statement per check, every process on the database shares it), or in Redis (`REDIS_URL`: one
// script call). Each check takes from the client's bucket and, only if that passed, from the
// address's, so one noisy client behind a shared address does not use up its neighbours' share.
import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { Database, Store } from '../store/index.js';
import { RateLimiter, type RateDecision } from './rate-limit.js';

export interface IntakeLimits {
  /** Counts one report from `client` at `address` (both salted fingerprints, never an address). */
  take(client: string, address: string, nowMs: number): Promise<RateDecision>;
  /**
   * A refusal this process can give alone, without I/O and without taking (its own buckets are
   * empty), else undefined: lets a route refuse before it reads the body.
   */
  refusedHere?(client: string, address: string, nowMs: number): RateDecision | undefined;
}

function refusedBy(clients: RateLimiter, addresses: RateLimiter, client: string, address: string, nowMs: number): RateDecision | undefined {
  const c = clients.peek(client, nowMs);
  if (!c.allowed) return c;
  const a = addresses.peek(address, nowMs);
  return a.allowed ? undefined : a;
}

export interface BucketSizes {
  /** Reports per client per window (a bucket of that many, refilled evenly). */
  perClient: number;
  /** Reports per network address per window. */
  perAddress: number;
  windowMs: number;
}

const ALLOWED: RateDecision = { allowed: true, retryAfterSeconds: 0 };

/** The wait until a bucket holding `tokens` has one whole token again. */
export function retryAfter(tokens: number, perMs: number): number {
  return Math.max(1, Math.ceil((1 - tokens) / perMs / 1000));
}

/** In this process: exact when it is the only one, and no I/O at all on the intake path. */
export function memoryIntakeLimits(sizes: BucketSizes): IntakeLimits {
  const clients = new RateLimiter(sizes.perClient, sizes.windowMs);
  const addresses = new RateLimiter(sizes.perAddress, sizes.windowMs);
  return {
    async take(client, address, nowMs) {
      const c = clients.take(client, nowMs);
      return c.allowed ? addresses.take(address, nowMs) : c;
    },
    refusedHere: (client, address, nowMs) => refusedBy(clients, addresses, client, address, nowMs),
  };
}

/** One bucket's upsert (placeholders for key, size, refill per ms, now in ms), taking a token if it holds one. */
function bucketUpsert(key: string, cap: string, perMs: string, now: string, when = ''): string {
  const refilled = `least(${cap}::float8, b.tokens + greatest(0, ${now}::bigint - b.at_ms) * ${perMs}::float8)`;
  return `insert into rate_buckets as b (key, tokens, at_ms, allowed)
    select ${key}::text, ${cap}::float8 - 1, ${now}::bigint, true ${when}
    on conflict (key) do update set
      tokens = case when ${refilled} >= 1 then ${refilled} - 1 else ${refilled} end,
      allowed = ${refilled} >= 1,
      at_ms = greatest(b.at_ms, ${now}::bigint)
    returning tokens, allowed`;
}

/** Both buckets in one statement: the address's is touched only when the client's allowed. */
const TAKE_SQL = `with c as (${bucketUpsert('$1', '$3', '$4', '$7')}),
  a as (${bucketUpsert('$2', '$5', '$6', '$7', 'from c where c.allowed')})
  select c.tokens as ct, c.allowed as ca, a.tokens as at, a.allowed as aa from c left join a on true`;

/**
 * In PostgreSQL's `rate_buckets` (unlogged: no WAL, so no fsync per check): one prepared
 * statement per check. A row lock per key serialises concurrent checks of one client across
 * processes, so no two of them spend the same token.
 */
export function databaseIntakeLimits(store: Store, sizes: BucketSizes): IntakeLimits {
  const { prepared } = store;
  if (!prepared) throw new Error('shared intake limits need PostgreSQL');
  const clientRate = sizes.perClient / sizes.windowMs;
  const addressRate = sizes.perAddress / sizes.windowMs;
  return {
    async take(client, address, nowMs) {
      const [row] = await prepared<{ ct: number; ca: boolean; at: number | null; aa: boolean | null }>('outage_desk_take_intake', TAKE_SQL, [
        `i:c:${client}`, `i:a:${address}`, sizes.perClient, clientRate, sizes.perAddress, addressRate, nowMs,
      ]);
      if (!row!.ca) return { allowed: false, retryAfterSeconds: retryAfter(Number(row!.ct), clientRate) };
      if (row!.aa === false) return { allowed: false, retryAfterSeconds: retryAfter(Number(row!.at), addressRate) };
      return ALLOWED;
    },
  };
}

/** Buckets untouched for a whole window are full again: forgetting them changes nothing. */
export async function purgeFullBuckets(db: Kysely<Database>, windowMs: number, nowMs = Date.now()): Promise<number> {
  const r = await db.deleteFrom('rate_buckets').where('at_ms', '<', nowMs - windowMs).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/**
 * The same buckets in Redis, one atomic script per check (hash {t: tokens, a: at ms}); a key
 * expires once its bucket would be full again, so Redis holds only the recently active clients.
 */
const TAKE_SCRIPT = `
local function take(key, cap, perMs, now, ttl)
  local b = redis.call('HMGET', key, 't', 'a')
  local tokens, at = tonumber(b[1]), tonumber(b[2])
  if tokens == nil then tokens, at = cap, now end
  tokens = math.min(cap, tokens + math.max(0, now - at) * perMs)
  local ok = tokens >= 1
  if ok then tokens = tokens - 1 end
  redis.call('HSET', key, 't', tostring(tokens), 'a', tostring(math.max(at, now)))
  redis.call('PEXPIRE', key, ttl)
  return {ok and 1 or 0, tostring(tokens)}
end
local now, ttl = tonumber(ARGV[1]), tonumber(ARGV[2])
local c = take(KEYS[1], tonumber(ARGV[3]), tonumber(ARGV[4]), now, ttl)
if c[1] == 0 then return {0, c[2], 'c'} end
local a = take(KEYS[2], tonumber(ARGV[5]), tonumber(ARGV[6]), now, ttl)
return {a[1], a[2], 'a'}
`;

type TakeReply = [number, string, 'c' | 'a'];
interface WithTake {
  outageDeskTakeIntake(client: string, address: string, ...args: Array<string | number>): Promise<TakeReply>;
}

export function redisIntakeLimits(redis: Redis, sizes: BucketSizes): IntakeLimits {
  redis.defineCommand('outageDeskTakeIntake', { numberOfKeys: 2, lua: TAKE_SCRIPT });
  const clientRate = sizes.perClient / sizes.windowMs;
  const addressRate = sizes.perAddress / sizes.windowMs;
  const r = redis as unknown as WithTake;
  return {
    async take(client, address, nowMs) {
      const [ok, tokens, which] = await r.outageDeskTakeIntake(`intake:c:${client}`, `intake:a:${address}`, nowMs, sizes.windowMs, sizes.perClient, clientRate, sizes.perAddress, addressRate);
      if (ok === 1) return ALLOWED;
      return { allowed: false, retryAfterSeconds: retryAfter(Number(tokens), which === 'c' ? clientRate : addressRate) };
    },
  };
}

/**
 * A shared limit behind this process's own buckets, which count only the reports the shared
 * store allowed from here: never fewer tokens locally than in the store, so a local refusal is
 * the shared answer too, given without a round trip. A client flooding one process thus costs
 * the store its limit per window, not one locked row update per request (which would hold the
 * pool's connections in a queue behind that client's row).
 */
export function locallyFiltered(shared: IntakeLimits, sizes: BucketSizes): IntakeLimits {
  const clients = new RateLimiter(sizes.perClient, sizes.windowMs);
  const addresses = new RateLimiter(sizes.perAddress, sizes.windowMs);
  return {
    async take(client, address, nowMs) {
      const local = refusedBy(clients, addresses, client, address, nowMs);
      if (local) return local;
      const decision = await shared.take(client, address, nowMs);
      if (decision.allowed) {
        clients.take(client, nowMs);
        addresses.take(address, nowMs);
      }
      return decision;
    },
    refusedHere: (client, address, nowMs) => refusedBy(clients, addresses, client, address, nowMs),
  };
}

/** `INTAKE_RATE_LIMIT=0`: no limit, no counting. */
export const noIntakeLimits: IntakeLimits = { take: async () => ALLOWED };
