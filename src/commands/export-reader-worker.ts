// The export reader thread (export-reader.ts): reads the export's keyset pages on its own
// connection and presents each row, a batch each time it is asked.
import { parentPort, workerData } from 'node:worker_threads';
import { sql } from 'kysely';
import { exportComplaints } from '../dossier/complaints.js';
import { CSV_SOURCE_COLUMNS, csvRecordOf, EXPORT_COLUMNS, exportedReport, presentReport, type ExportValues } from '../presenters/report.js';
import { connectPostgres } from '../store/db.js';
import { openSqliteConnection } from '../store/sqlite.js';
import { EXPORT_BATCH, type ExportJob, type ReaderReply } from './export-reader.js';

const job = workerData as ExportJob;
const store = job.store.url ? connectPostgres(job.store.url, 1) : openSqliteConnection(job.store.file!);
// A few MB of page cache: an export reads each page once, and the store's 64 MB would fill as it goes (memory growing with the rows sent).
if (store.dialect === 'sqlite') await sql`pragma cache_size = -4096`.execute(store.db);
const csv = job.format === 'csv';
const present = (v: ExportValues): unknown => (csv ? csvRecordOf(v, job.withContact) : presentReport(exportedReport(v), job.withContact));

/** The store's pages cut into batches: a batch dies young in the HTTP thread, a whole page there was promoted and its heap grew with the rows sent. */
async function* batches(): AsyncGenerator<unknown[]> {
  for await (const page of exportComplaints(store, job.membership, job.filter, csv ? CSV_SOURCE_COLUMNS : EXPORT_COLUMNS)) {
    for (let at = 0; at < page.length; at += EXPORT_BATCH) yield page.slice(at, at + EXPORT_BATCH).map(present);
  }
}

const pending = batches();
const reply = (r: ReaderReply) => parentPort!.postMessage(r);

// Asked again only after answering, so one batch is read at a time.
parentPort!.on('message', () => {
  pending.next().then(
    (b) => reply(b.done ? { done: true } : { batch: b.value }),
    (err: unknown) => reply({ error: err instanceof Error ? err.message : String(err) }),
  );
});
