// An export's text, read, presented and written in a thread of its own (export-reader-worker.ts,
// with its own connection to the store) while the HTTP thread sends the previous batch: the
// thread hands over each batch as its UTF-8 bytes (the buffer moved, not copied), so the HTTP
// thread only writes them. Handing over records instead cost the HTTP thread their structured
// clone and csv-stringify, ~8 µs a row, and kept it busier than the reader. A batch is asked for
// as one arrives, a few ahead and never more, so an export holds a page and a few batches
// whatever its size, and a slow client stops the reads (the response pulls them). One thread
// serves every export of the app, started with the first (a thread per export cost 0.2-0.8 s
// before its first row).
import { Worker } from 'node:worker_threads';
import type { ComplaintFilter, Membership } from '../dossier/index.js';
import type { Store } from '../store/index.js';

export interface ExportJob {
  membership: Membership;
  filter: ComplaintFilter;
  /** 'csv': CSV records in CSV_COLUMNS order (csvLineOf), without the header; 'jsonl': a JSON report view (presentReport) a line. */
  format: 'csv' | 'jsonl';
  withContact: boolean;
}

/** Where the reader thread connects. */
export interface ReaderStore {
  file?: string | undefined;
  url?: string | undefined;
}

/**
 * Records per message (a write each): a write per record cost a stream write each, a whole
 * 2,000-row page kept ~10 MB alive past the young generation (both ~40 % slower).
 */
export const EXPORT_BATCH = 500;

/**
 * Batches asked for ahead of the one being written: with one, either thread idled whenever the
 * other was slow for a batch (~15 % fewer rows/s); with three, batches waited past the young
 * generation and memory grew ~100 MB over 1 M rows.
 */
const BATCHES_AHEAD = 2;

/** To the thread: start export `id`, give its next batch, or drop it. */
export type ReaderRequest = { id: number; start: ExportJob } | { id: number; next: true } | { id: number; drop: true };
export type ReaderReply = { id: number } & ({ batch: ExportBatch } | { done: true } | { error: string });

/** A batch of an export: its text as UTF-8, whole lines. */
export interface ExportBatch {
  rows: number;
  bytes: Uint8Array;
}

interface Waiting {
  resolve(r: ReaderReply): void;
  reject(err: unknown): void;
}

export class ExportReader {
  readonly #store: ReaderStore;
  /** Per export, the batches asked for, in the order the thread answers. */
  readonly #waiting = new Map<number, Waiting[]>();
  #worker: Worker | undefined;
  #ids = 0;

  constructor(store: Store) {
    this.#store = { file: store.file, url: store.url };
  }

  /** The export's batches, in the table's order. */
  async *read(job: ExportJob): AsyncGenerator<ExportBatch> {
    const id = ++this.#ids;
    this.#thread().postMessage({ id, start: job } satisfies ReaderRequest);
    // Batches asked for and not yet written: read while these are written.
    const ahead = Array.from({ length: BATCHES_AHEAD }, () => this.#next(id));
    try {
      for (;;) {
        const reply = await ahead.shift()!;
        if ('error' in reply) throw new Error(`export read failed: ${reply.error}`);
        if ('done' in reply) return;
        ahead.push(this.#next(id));
        yield reply.batch;
      }
    } finally {
      for (const p of ahead) p.catch(() => {}); // batches nobody will write (the client went away, or the thread failed)
      this.#worker?.postMessage({ id, drop: true } satisfies ReaderRequest);
    }
  }

  async close(): Promise<void> {
    await this.#worker?.terminate();
  }

  #next(id: number): Promise<ReaderReply> {
    return new Promise((resolve, reject) => {
      const worker = this.#worker;
      if (!worker) return reject(new Error('export reader thread exited'));
      this.#waiting.set(id, [...(this.#waiting.get(id) ?? []), { resolve, reject }]);
      // An idle reader must not keep the process alive, a busy one must (a pending promise does not).
      worker.ref();
      worker.postMessage({ id, next: true } satisfies ReaderRequest);
    });
  }

  #thread(): Worker {
    if (this.#worker) return this.#worker;
    if (!this.#store.file && !this.#store.url) throw new Error('an export reader needs the store file or URL');
    const worker = new Worker(new URL('./export-reader-worker.js', import.meta.url), { workerData: this.#store });
    worker.on('message', (r: ReaderReply) => {
      const [w, ...rest] = this.#waiting.get(r.id) ?? [];
      if (rest.length) this.#waiting.set(r.id, rest);
      else this.#waiting.delete(r.id);
      if (this.#waiting.size === 0) worker.unref();
      w?.resolve(r);
    });
    const fail = (err: unknown) => {
      this.#worker = undefined; // the next export starts another
      for (const ws of this.#waiting.values()) for (const w of ws) w.reject(err);
      this.#waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`export reader thread exited (${code})`)));
    worker.unref();
    this.#worker = worker;
    return worker;
  }
}
