import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../db.js';

/**
 * `rate_buckets`: the intake token buckets every API process shares (intake/shared-rate-limit.ts).
 * Keys are hashes (salted daily fingerprints), never an address. On PostgreSQL the table is
 * UNLOGGED: a check writes no WAL, so its commit waits for no fsync; after a crash the buckets
 * start full, which costs nothing but one minute of limits.
 */
export function rateBuckets(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const unlogged = sql.raw(dialect === 'postgres' ? 'unlogged' : '');
      await sql`create ${unlogged} table rate_buckets (
        key text primary key,
        tokens double precision not null,
        at_ms bigint not null,
        allowed boolean not null
      )`.execute(db);
      await sql`create index rate_buckets_at_ms on rate_buckets (at_ms)`.execute(db);
    },
  };
}
