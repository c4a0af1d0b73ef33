// The SQLite report writer thread: owns its own connection to the store file and commits each
// batch it is sent. With synchronous=FULL a commit waits for fsync; doing that here keeps the
// HTTP thread parsing the next requests meanwhile. It runs one prepared statement per row
// (sqlite-report-insert.ts) rather than the query builder: half the time per batch. Between
// batches it fills the text index (text-index.ts): freely while no batch has come for a while,
// a few hundred reports a tick while intake is busy, so the unindexed tail stays short.
import { parentPort, workerData } from 'node:worker_threads';
import { withFreshIds } from './insert-batch.js';
import { openSqliteFile } from './sqlite.js';
import { prepareSqliteReportInsert } from './sqlite-report-insert.js';
import type { ReportRow } from './reports.js';
import type { WriterReply } from './report-writer.js';
import { prepareTextIndexer, TEXT_INDEX_BUSY_ROWS, TEXT_INDEX_EVERY_MS, TEXT_INDEX_IDLE_BUDGET_MS } from './text-index.js';

interface Job {
  seq: number;
  rows: ReportRow[];
}

const db = openSqliteFile(workerData.file as string);
const insert = prepareSqliteReportInsert(db);
const textIndex = prepareTextIndexer(db);
let lastBatchAt = 0;

if (textIndex) {
  setInterval(() => {
    try {
      if (performance.now() - lastBatchAt < TEXT_INDEX_EVERY_MS) {
        textIndex.indexBatch(TEXT_INDEX_BUSY_ROWS);
        return;
      }
      const until = performance.now() + TEXT_INDEX_IDLE_BUDGET_MS;
      while (performance.now() < until && textIndex.indexBatch(5000) > 0);
    } catch {
      // Busy or failing: the reports stay past the mark, searched by scanning, and the next tick tries again.
    }
  }, TEXT_INDEX_EVERY_MS);
}

parentPort!.on('message', (job: Job) => {
  lastBatchAt = performance.now();
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
