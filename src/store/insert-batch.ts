// Committing a batch of reports in one transaction, shared by live intake and bulk import.
import type { Kysely } from 'kysely';
import { isUniqueViolation } from './errors.js';
import { reportReference, uuidv7 } from './ids.js';
import { insertReports, type Inserted, type ReportRow } from './reports.js';
import type { Database } from './schema.js';

/** How a batch is written, atomically: portable, or a store's own fast statement. */
export type BatchInsert = (db: Kysely<Database>, rows: ReportRow[]) => Promise<Inserted[]>;

/** Portable: chunked INSERT statements inside one transaction. */
const insertInTransaction: BatchInsert = (db, rows) => db.transaction().execute((trx) => insertReports(trx, rows));

/**
 * Random ids and references are unique in practice; if one ever repeats a stored one, the
 * batch gets fresh ones and commits again rather than fail the reports. Rows are updated in
 * place, so callers answer with the ids that were stored. `attempt` writes the batch
 * atomically: through the query layer, or the SQLite writer thread's prepared statement.
 */
export async function withFreshIds(rows: ReportRow[], attempt: (rows: ReportRow[]) => Inserted[] | Promise<Inserted[]>): Promise<Inserted[]> {
  try {
    return await attempt(rows);
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    drawFreshIds(rows);
    return attempt(rows);
  }
}

export function insertWithFreshIds(db: Kysely<Database>, rows: ReportRow[], insert: BatchInsert = insertInTransaction): Promise<Inserted[]> {
  return withFreshIds(rows, (batch) => insert(db, batch));
}

function drawFreshIds(rows: ReportRow[]): void {
  for (const row of rows) {
    row.id = uuidv7(row.received_at.getTime());
    row.reference = reportReference(Date.now(), true);
  }
}
