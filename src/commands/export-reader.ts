// An export's records, read and presented in a thread of their own (export-reader-worker.ts, its
// own connection to the store) while this thread writes the previous batch: reading and building
// the records took half of an export's time, writing the CSV the other half. The next batch is
// asked for as one arrives, never more, so an export holds a page and two batches whatever its
// size, and a slow client stops the reads (the response pulls the batches).
import { Worker } from 'node:worker_threads';
import type { ComplaintFilter, Membership } from '../dossier/index.js';
import type { Store } from '../store/index.js';

export interface ExportJob {
  store: { file?: string | undefined; url?: string | undefined };
  membership: Membership;
  filter: ComplaintFilter;
  /** 'csv': records in CSV_COLUMNS order (csvRecordOf); 'jsonl': report views (presentReport). */
  format: 'csv' | 'jsonl';
  withContact: boolean;
}

/**
 * Records per message, and per csv-stringify call: a call per record costs a stream write each,
 * a whole 2,000-row page kept ~10 MB alive past the young generation (both ~40 % slower).
 */
export const EXPORT_BATCH = 500;

export type ReaderReply = { batch: unknown[] } | { done: true } | { error: string };

export const exportStore = (s: Store): ExportJob['store'] => ({ file: s.file, url: s.url });

/** The next batch from the reader thread; fails if the thread fails or exits instead. */
function nextBatch(worker: Worker): Promise<ReaderReply> {
  return new Promise((resolve, reject) => {
    const settle = (done: () => void) => {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      done();
    };
    const onMessage = (m: ReaderReply) => settle(() => resolve(m));
    const onError = (err: Error) => settle(() => reject(err));
    const onExit = (code: number) => settle(() => reject(new Error(`export reader thread exited (${code})`)));
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage('next');
  });
}

export async function* readExport<T>(job: ExportJob): AsyncGenerator<T[]> {
  const worker = new Worker(new URL('./export-reader-worker.js', import.meta.url), { workerData: job });
  let next = nextBatch(worker);
  try {
    for (;;) {
      const reply = await next;
      if ('error' in reply) throw new Error(`export read failed: ${reply.error}`);
      if ('done' in reply) return;
      next = nextBatch(worker); // read while this batch is written
      yield reply.batch as T[];
    }
  } finally {
    next.catch(() => {}); // a batch nobody will write (the client went away)
    await worker.terminate();
  }
}
