// The export reader thread (export-reader.ts): reads each export's keyset pages on its own
// connection to the store and presents their rows, a batch each time it is asked.
import { parentPort, workerData } from 'node:worker_threads';
import { sql } from 'kysely';
import { exportComplaints } from '../dossier/complaints.js';
import { CSV_SOURCE_COLUMNS, csvRecordOf, EXPORT_COLUMNS, exportedReport, presentReport, type ExportValues } from '../presenters/report.js';
import { connectPostgres } from '../store/db.js';
import { openSqliteConnection } from '../store/sqlite.js';
import { EXPORT_BATCH, type ExportJob, type ReaderReply, type ReaderRequest, type ReaderStore } from './export-reader.js';

const at = workerData as ReaderStore;
const store = at.url ? connectPostgres(at.url, 2) : openSqliteConnection(at.file!);
// A few MB of page cache: an export reads each page once, and the store's 64 MB would fill as it goes (memory growing with the rows sent).
if (store.dialect === 'sqlite') await sql`pragma cache_size = -4096`.execute(store.db);

/** The store's pages cut into batches: a batch dies young in the HTTP thread, a whole page there was promoted and its heap grew with the rows sent. */
async function* batches(job: ExportJob): AsyncGenerator<unknown[]> {
  const csv = job.format === 'csv';
  const present = (v: ExportValues): unknown => (csv ? csvRecordOf(v, job.withContact) : presentReport(exportedReport(v), job.withContact));
  for await (const page of exportComplaints(store, job.membership, job.filter, csv ? CSV_SOURCE_COLUMNS : EXPORT_COLUMNS)) {
    for (let k = 0; k < page.length; k += EXPORT_BATCH) yield page.slice(k, k + EXPORT_BATCH).map(present);
  }
}

const running = new Map<number, AsyncGenerator<unknown[]>>();
const reply = (r: ReaderReply) => parentPort!.postMessage(r);

// Each export is asked again only after its answer, so one of its batches is read at a time.
parentPort!.on('message', (m: ReaderRequest) => {
  if ('start' in m) running.set(m.id, batches(m.start));
  else if ('drop' in m) void running.get(m.id)?.return(undefined).finally(() => running.delete(m.id));
  else {
    const pending = running.get(m.id)!;
    pending.next().then(
      (b) => reply(b.done ? { id: m.id, done: true } : { id: m.id, batch: b.value }),
      (err: unknown) => reply({ id: m.id, error: err instanceof Error ? err.message : String(err) }),
    );
  }
});
