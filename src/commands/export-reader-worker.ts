// The export reader thread (export-reader.ts): reads each export's keyset pages on its own
// connection to the store and writes their rows' text, a batch each time it is asked.
import { parentPort, workerData } from 'node:worker_threads';
import { sql } from 'kysely';
import { columnSelection, exportComplaints } from '../dossier/complaints.js';
import { csvPages } from '../dossier/complaints-csv.js';
import { EXPORT_COLUMNS, exportedReport, presentReport } from '../presenters/report.js';
import { connectPostgres } from '../store/db.js';
import { openSqliteConnection } from '../store/sqlite.js';
import { EXPORT_BATCH, type ExportBatch, type ExportJob, type ReaderReply, type ReaderRequest, type ReaderStore } from './export-reader.js';

const at = workerData as ReaderStore;
const store = at.url ? connectPostgres(at.url, 2) : openSqliteConnection(at.file!);
// A few MB of page cache: an export reads each page once, and the store's 64 MB would fill as it goes (memory growing with the rows sent).
if (store.dialect === 'sqlite') await sql`pragma cache_size = -4096`.execute(store.db);

/** An export's lines, a page at a time. */
async function* pages(job: ExportJob): AsyncGenerator<string[]> {
  if (job.format === 'csv') return yield* csvPages(store, job.membership, job.filter, job.withContact);
  for await (const page of exportComplaints(store, job.membership, job.filter, columnSelection(store.db, EXPORT_COLUMNS))) {
    yield page.map((v) => `${JSON.stringify(presentReport(exportedReport(v), job.withContact))}\n`);
  }
}

/** The pages cut into batches of text: a batch dies young, a whole page was promoted and the heap grew with the rows sent. */
async function* batches(job: ExportJob): AsyncGenerator<ExportBatch> {
  for await (const lines of pages(job)) {
    for (let k = 0; k < lines.length; k += EXPORT_BATCH) {
      const end = Math.min(k + EXPORT_BATCH, lines.length);
      let text = '';
      for (let j = k; j < end; j++) text += lines[j];
      yield { rows: end - k, bytes: Buffer.from(text) };
    }
  }
}

const running = new Map<number, AsyncGenerator<ExportBatch>>();
const reply = (r: ReaderReply) => {
  // A batch's own buffer moves to the HTTP thread; a small one may sit in Buffer's shared pool, and is copied.
  const bytes = 'batch' in r ? r.batch.bytes : undefined;
  parentPort!.postMessage(r, bytes && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? [bytes.buffer as ArrayBuffer] : []);
};

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
