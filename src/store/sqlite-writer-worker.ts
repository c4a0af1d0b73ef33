// The SQLite report writer thread: owns its own connection to the store file and commits each
// batch it is sent. With synchronous=FULL a commit waits for fsync; doing that here keeps the
// HTTP thread parsing the next requests meanwhile. It runs one prepared statement per row
// (sqlite-report-insert.ts) rather than the query builder: half the time per batch.
import { parentPort, workerData } from 'node:worker_threads';
import { withFreshIds } from './insert-batch.js';
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
  const firstId = job.rows[0]?.id;
  // The statement runs synchronously inside withFreshIds, so batches still commit in arrival order.
  withFreshIds(job.rows, insert).then(
    (result) => {
      const reply: WriterReply = { seq: job.seq, inserted: result.map((r) => r.inserted) };
      // A clash redraws every row's id: only then does the caller need them back.
      if (job.rows[0]?.id !== firstId) reply.redrawn = job.rows.map((r) => ({ id: r.id, reference: r.reference }));
      parentPort!.postMessage(reply);
    },
    (err: unknown) => parentPort!.postMessage({ seq: job.seq, error: err instanceof Error ? { message: err.message, code: (err as { code?: string }).code } : { message: String(err) } } satisfies WriterReply),
  );
});
