import { sql, type Kysely } from 'kysely';

/**
 * Hardening (issue 11):
 * - `fingerprint_salts`: one random salt per UTC day, deleted once the dedupe window after
 *   the day has passed. The old install-wide `fingerprint_secret` is deleted, so fingerprints
 *   stored before the upgrade cannot be linked to an address any more either.
 * - `rate_limit_hits`: fixed-window counters shared by every process on the store (sign-in
 *   limits per account, per address and overall). Keys are hashes, never an address.
 * - Idempotency keys are kept 24 h: a partial index finds the reports whose key has expired.
 */
export function hardening() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('fingerprint_salts')
        .addColumn('day', 'text', (c) => c.primaryKey())
        .addColumn('salt', 'text', (c) => c.notNull())
        .execute();
      await sql`delete from settings where name = 'fingerprint_secret'`.execute(db);
      await db.schema
        .createTable('rate_limit_hits')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('hits', 'integer', (c) => c.notNull())
        .addColumn('window_ends_ms', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('reports_idempotency_received_at')
        .on('reports')
        .column('received_at')
        .where(sql.ref('idempotency_key'), 'is not', null)
        .execute();
    },
  };
}
