// Report queries: the batched insert the group-commit writer uses, and staff reads.
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { Database, ReportsTable } from './schema.js';

/** A row to insert, every column given (the writer thread binds them by position). */
export type ReportRow = Required<Insertable<ReportsTable>>;
export type StoredReportRow = Selectable<ReportsTable>;

/** SQLite allows 32,766 bound parameters per statement; 23 columns x 1000 rows stays under it. */
const ROWS_PER_STATEMENT = 1000;

/** Every column of `reports`; the type check fails if the table gains one this list lacks. */
export const REPORT_COLUMNS = [
  'id', 'reference', 'received_at', 'carrier', 'network', 'services', 'sos_mode', 'zip', 'county',
  'state', 'started_at', 'ended_at', 'called_carrier', 'called_network', 'description',
  'contact_name', 'contact_email', 'contact_phone', 'consent_to_contact', 'source', 'fingerprint',
  'idempotency_key', 'request_hash',
] as const satisfies ReadonlyArray<keyof ReportsTable>;
type Missing = Exclude<keyof ReportsTable, (typeof REPORT_COLUMNS)[number]>;
const complete: [Missing] extends [never] ? true : Missing = true;
void complete;

export interface Inserted {
  id: string;
  inserted: boolean;
}

/**
 * Inserts rows in one transaction. A row whose idempotency key is already stored is skipped
 * (`inserted: false`): the caller answers with the stored row instead.
 */
export async function insertReports(trx: Transaction<Database> | Kysely<Database>, rows: ReportRow[]): Promise<Inserted[]> {
  const insertedIds = new Set<string>();
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
    const hasKeys = chunk.some((r) => r.idempotency_key !== null);
    if (!hasKeys) {
      await trx.insertInto('reports').values(chunk).execute();
      for (const r of chunk) insertedIds.add(r.id);
      continue;
    }
    const out = await trx
      .insertInto('reports')
      .values(chunk)
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .returning('id')
      .execute();
    for (const r of out) insertedIds.add(r.id);
  }
  return rows.map((r) => ({ id: r.id, inserted: insertedIds.has(r.id) }));
}

/** The report stored under this (scoped) idempotency key, received at or after `since` if given. */
export async function findReportByIdempotencyKey(db: Kysely<Database>, key: string, since?: Date): Promise<StoredReportRow | undefined> {
  let q = db.selectFrom('reports').selectAll().where('idempotency_key', '=', key);
  if (since) q = q.where('received_at', '>=', since);
  return q.executeTakeFirst();
}

export async function getReport(db: Kysely<Database>, id: string): Promise<StoredReportRow | undefined> {
  return db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface ReportFilter {
  carrier?: string | undefined;
  network?: string | undefined;
  state?: string | undefined;
  county?: string | undefined;
  zip?: string | undefined;
  reference?: string | undefined;
  service?: string | undefined;
  source?: string | undefined;
  since?: Date | undefined;
  until?: Date | undefined;
  /** Keyset cursor: the (receivedAt, id) of the last row of the previous page. */
  after?: { receivedAt: Date; id: string } | undefined;
  limit: number;
}

/** Newest first, keyset-paginated so deep pages stay as cheap as the first. */
export async function listReports(db: Kysely<Database>, f: ReportFilter): Promise<StoredReportRow[]> {
  let q = db.selectFrom('reports').selectAll();
  if (f.carrier) q = q.where('carrier', '=', f.carrier);
  if (f.network) q = q.where('network', '=', f.network);
  if (f.state) q = q.where('state', '=', f.state);
  if (f.county) q = q.where('county', '=', f.county);
  if (f.zip) q = q.where('zip', '=', f.zip);
  if (f.reference) q = q.where('reference', '=', f.reference);
  if (f.source) q = q.where('source', '=', f.source);
  if (f.service) q = q.where('services', 'like', `%${f.service}%`);
  if (f.since) q = q.where('received_at', '>=', f.since);
  if (f.until) q = q.where('received_at', '<', f.until);
  const after = f.after;
  if (after) {
    q = q.where((eb) =>
      eb.or([eb('received_at', '<', after.receivedAt), eb.and([eb('received_at', '=', after.receivedAt), eb('id', '<', after.id)])]),
    );
  }
  return q.orderBy('received_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
}

export async function countReports(db: Kysely<Database>): Promise<number> {
  const r = await db.selectFrom('reports').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
