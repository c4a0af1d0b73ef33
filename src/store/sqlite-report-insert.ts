// The SQLite writer thread's insert: one prepared statement run once per row inside one
// transaction. Measured on 50-row batches: 1.1 ms, against 2.2 ms for the same rows through
// the query builder (which compiles and prepares a fresh 1,150-parameter statement per batch).
// Same rows, same semantics as insertReports: a row whose idempotency key is already stored
// is skipped; an id or reference that repeats a stored one raises, and the caller retries.
import type SqliteDatabase from 'better-sqlite3';
import { REPORT_COLUMNS, type Inserted, type ReportRow } from './reports.js';
import { toEpoch } from './time.js';


export type SqliteReportInsert = (rows: ReportRow[]) => Inserted[];

export function prepareSqliteReportInsert(sqlite: SqliteDatabase.Database): SqliteReportInsert {
  const insert = sqlite.prepare(
    `insert into reports (${REPORT_COLUMNS.join(', ')}) values (${REPORT_COLUMNS.map(() => '?').join(', ')})
     on conflict (idempotency_key) do nothing`,
  );
  // Times as epoch milliseconds, stored as the query layer's time plugin stores them.
  const values = (row: ReportRow): unknown[] => REPORT_COLUMNS.map((c) => toEpoch(row[c]) ?? null);
  return sqlite.transaction((rows: ReportRow[]) => rows.map((row) => ({ id: row.id, inserted: insert.run(values(row)).changes === 1 })));
}
