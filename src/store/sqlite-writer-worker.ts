// The SQLite report writer thread: owns its own connection to the store file and commits each
// batch it is sent. With synchronous=FULL a commit waits for fsync (milliseconds on common
// disks); doing that here keeps the HTTP thread parsing the next requests meanwhile.
import { parentPort, workerData } from 'node:worker_threads';
import { insertWithFreshIds } from './insert-batch.js';
import { openSqliteConnection } from './sqlite.js';
import type { ReportRow } from './reports.js';

interface Job {
  seq: number;
  rows: ReportRow[];
}

const store = openSqliteConnection(workerData.file as string);
parentPort!.on('message', (job: Job) => {
  insertWithFreshIds(store.db, job.rows).then(
    (result) => parentPort!.postMessage({ seq: job.seq, result, rows: job.rows.map((r) => ({ id: r.id, reference: r.reference })) }),
    (err: unknown) => parentPort!.postMessage({ seq: job.seq, error: err instanceof Error ? { message: err.message, code: (err as { code?: string }).code } : { message: String(err) } }),
  );
});
