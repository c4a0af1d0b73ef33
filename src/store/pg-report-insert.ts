// PostgreSQL's batch insert: one statement of 23 array parameters, unnested server-side, so
// its text is the same for any batch size and the client builds 23 arrays instead of a
// statement of 23 x N placeholders (measured on 50-row batches: 1.7 ms a commit, against
// 2.5 ms for the multi-row VALUES statement). One statement is atomic by itself, so it runs
// without BEGIN/COMMIT: one round trip a batch instead of three. Same semantics as
// insertReports: a row whose idempotency key is stored is skipped; a repeated id or
// reference raises.
import { sql, type Kysely } from 'kysely';
import { REPORT_COLUMNS, type Inserted, type ReportRow } from './reports.js';
import type { Database, ReportsTable } from './schema.js';

const PG_TYPES: Record<keyof ReportsTable, string> = {
  id: 'text', reference: 'text', received_at: 'timestamptz', carrier: 'text', network: 'text', services: 'text',
  sos_mode: 'int4', zip: 'text', county: 'text', state: 'text', started_at: 'timestamptz', ended_at: 'timestamptz',
  called_carrier: 'text', called_network: 'text', description: 'text', contact_name: 'text', contact_email: 'text',
  contact_phone: 'text', consent_to_contact: 'int4', source: 'text', fingerprint: 'text', idempotency_key: 'text',
  request_hash: 'text',
};

const columnList = sql.raw(REPORT_COLUMNS.join(', '));

export async function insertReportsUnnest(db: Kysely<Database>, rows: ReportRow[]): Promise<Inserted[]> {
  const arrays = REPORT_COLUMNS.map((c) => sql`${rows.map((r) => r[c] ?? null)}::${sql.raw(PG_TYPES[c])}[]`);
  const insert = sql`insert into reports (${columnList}) select * from unnest(${sql.join(arrays)})`;
  // Without idempotency keys every row is inserted or the statement fails: no ids to read back.
  if (rows.every((r) => r.idempotency_key === null)) {
    await insert.execute(db);
    return rows.map((r) => ({ id: r.id, inserted: true }));
  }
  const result = await sql<{ id: string }>`${insert} on conflict (idempotency_key) do nothing returning id`.execute(db);
  const inserted = new Set(result.rows.map((r) => r.id));
  return rows.map((r) => ({ id: r.id, inserted: inserted.has(r.id) }));
}
