import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../db.js';

/**
 * Two reads of the complaints table at 10 M stored reports:
 * - The table and its exports read an incident's reports in (received_at, id) order on one
 *   network. With (network, received_at) only, every page sorted its rows again to break ties by
 *   id (a 10,000-row export page took ~240 ms, ~75 ms without the sort). The index with id
 *   replaces it (the old one is its prefix), so the write path keeps the same number of B-trees.
 *   It carries the county too: the per-county counts of an incident (its map, the PDF) read the
 *   index alone instead of each report's row (the first PDF at 10 M reports took 13.6 s).
 * - Text search (`q`, any words inside the description) walked the incident's every report when
 *   the words are rare: ~5 s over 2.7 M. A trigram index finds them: SQLite's FTS5 trigram table,
 *   PostgreSQL's pg_trgm GIN index on lower(description) when the extension can be had (else the
 *   search works as before, unindexed). On SQLite the table is filled off the write path, by the
 *   writer thread when intake leaves it time (text-index.ts): kept by triggers it cost intake
 *   about 30 % of its reports/s. `reports_text_progress` is how far it got; reports past it are
 *   searched by scanning them. FTS5 keeps no positions or sizes (detail none, columnsize 0):
 *   LIKE needs neither.
 */
export function exportOrder(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.createIndex('reports_network_received_at_id').on('reports').columns(['network', 'received_at', 'id', 'county']).execute();
      await db.schema.dropIndex('reports_network_received_at').execute();
      if (dialect === 'sqlite') await sqliteTextIndex(db);
      else await postgresTextIndex(db);
    },
  };
}

async function sqliteTextIndex(db: Kysely<unknown>): Promise<void> {
  await sql`create virtual table reports_text using fts5(description, content='reports', content_rowid='rowid', tokenize='trigram', detail='none', columnsize=0)`.execute(db);
  await sql`create table reports_text_progress (id integer primary key check (id = 1), indexed_rowid integer not null)`.execute(db);
  await sql`insert into reports_text_progress (id, indexed_rowid) values (1, 0)`.execute(db);
}

async function postgresTextIndex(db: Kysely<unknown>): Promise<void> {
  const can = await sql<{ ok: boolean }>`select exists (select 1 from pg_extension where extname = 'pg_trgm')
    or (exists (select 1 from pg_available_extensions where name = 'pg_trgm') and has_database_privilege(current_database(), 'CREATE')) as ok`.execute(db);
  if (!can.rows[0]?.ok) return;
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create index reports_description_trgm on reports using gin (lower(description) gin_trgm_ops)`.execute(db);
}
