// The SQLite report writer thread: owns its own connection to the store file and commits each
// batch it is sent. With synchronous=FULL a commit waits for fsync; doing that here keeps the
// HTTP thread parsing the next requests meanwhile. It runs one prepared statement per row
// (sqlite-report-insert.ts) rather than the query builder: half the time per batch.
import { parentPort, workerData } from 'node:worker_threads';
import { insertWithFreshIdsSync } from './insert-batch.js';
import { openSqliteFile } from './sqlite.js';
import { prepareSqliteReportInsert } from './sqlite-report-insert.js';
import type { ReportRow } from './reports.js';
import type { WriterReply } from './report-writer.js';

interface Job {
  seq: number;
  rows: ReportRow[];
}

const insert = prepareSqliteReportInsert(openSqliteFile(workerData.file as string));
parentPort!.on('message', (job: Job) => {
  let reply: WriterReply;
  try {
    const firstId = job.rows[0]?.id;
    const result = insertWithFreshIdsSync(insert, job.rows);
    reply = { seq: job.seq, inserted: result.map((r) => r.inserted) };
    // A clash redraws every row's id: only then does the caller need them back.
    if (job.rows[0]?.id !== firstId) reply.redrawn = job.rows.map((r) => ({ id: r.id, reference: r.reference }));
  } catch (err) {
    reply = { seq: job.seq, error: err instanceof Error ? { message: err.message, code: (err as { code?: string }).code } : { message: String(err) } };
  }
  parentPort!.postMessage(reply);
});
