import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../db.js';

/**
 * PostgreSQL: every write to `incidents` notifies channel `od_incidents`, so each API process
 * sharing the database reads the change at once (LISTEN) instead of at its next poll. SQLite is
 * one process: nothing to tell.
 */
export function incidentNotify(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect !== 'postgres') return;
      await sql`create or replace function od_incidents_notify() returns trigger language plpgsql as $$
        begin perform pg_notify('od_incidents', ''); return null; end $$`.execute(db);
      await sql`create trigger incidents_notify after insert or update or delete on incidents
        for each statement execute function od_incidents_notify()`.execute(db);
    },
  };
}
