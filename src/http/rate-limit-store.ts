// The store behind @fastify/rate-limit when limits must hold across processes: fixed-window
// counters in the database every API process shares (Postgres in cluster mode; SQLite keeps
// the CLI and the server in step). One upsert per check: the window restarts when it has ended.
import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/index.js';

/** Counters whose window ended this long ago are deleted by the periodic purge. */
const KEEP_ENDED_MS = 60_000;

export async function countHit(db: Kysely<Database>, key: string, windowMs: number, nowMs = Date.now()): Promise<{ current: number; ttl: number }> {
  const ends = nowMs + windowMs;
  const row = await db
    .insertInto('rate_limit_hits')
    .values({ key, hits: 1, window_ends_ms: ends })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql<number>`case when rate_limit_hits.window_ends_ms <= ${nowMs} then 1 else rate_limit_hits.hits + 1 end`,
        window_ends_ms: sql<number>`case when rate_limit_hits.window_ends_ms <= ${nowMs} then ${ends} else rate_limit_hits.window_ends_ms end`,
      }),
    )
    .returning(['hits', 'window_ends_ms'])
    .executeTakeFirstOrThrow();
  return { current: Number(row.hits), ttl: Math.max(0, Number(row.window_ends_ms) - nowMs) };
}

export async function purgeEndedHits(db: Kysely<Database>, nowMs = Date.now()): Promise<number> {
  const r = await db.deleteFrom('rate_limit_hits').where('window_ends_ms', '<', nowMs - KEEP_ENDED_MS).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** A store class for the plugin's `store` option, bound to one database. */
export function databaseRateStore(db: Kysely<Database>): new () => FastifyRateLimitStore {
  return class DatabaseRateStore implements FastifyRateLimitStore {
    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      countHit(db, key, timeWindow).then((r) => callback(null, r), (err: Error) => callback(err));
    }

    child(): FastifyRateLimitStore {
      return new DatabaseRateStore();
    }
  };
}
