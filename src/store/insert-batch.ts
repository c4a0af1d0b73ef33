// Committing a batch of reports in one transaction, shared by live intake and bulk import.
import type { Kysely } from 'kysely';
import { isUniqueViolation } from './errors.js';
import { reportReference, uuidv7 } from './ids.js';
import { insertReports, type Inserted, type ReportRow } from './reports.js';
import type { Database } from './schema.js';
import type { SqliteReportInsert } from './sqlite-report-insert.js';

/** How a batch is written, atomically: portable, or a store's own fast statement. */
export type BatchInsert = (db: Kysely<Database>, rows: ReportRow[]) => Promise<Inserted[]>;

/** Portable: chunked INSERT statements inside one transaction. */
const insertInTransaction: BatchInsert = (db, rows) => db.transaction().execute((trx) => insertReports(trx, rows));

/**
 * Random ids and references are unique in practice; if one ever repeats a stored one, the
 * batch gets fresh ones and commits again rather than fail the reports. Rows are updated in
 * place, so callers answer with the ids that were stored.
 */
export async function insertWithFreshIds(db: Kysely<Database>, rows: ReportRow[], insert: BatchInsert = insertInTransaction): Promise<Inserted[]> {
  try {
    return await insert(db, rows);
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    drawFreshIds(rows);
    return insert(db, rows);
  }
}

/** The same on the SQLite writer thread, with its prepared statement (synchronous). */
export function insertWithFreshIdsSync(insert: SqliteReportInsert, rows: ReportRow[]): Inserted[] {
  try {
    return insert(rows);
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    drawFreshIds(rows);
    return insert(rows);
  }
}

function drawFreshIds(rows: ReportRow[]): void {
  for (const row of rows) {
    row.id = uuidv7(row.received_at.getTime());
    row.reference = reportReference(Date.now(), true);
  }
}
