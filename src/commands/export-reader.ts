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
import { ExportSlices, type ComplaintFilter, type Membership } from '../dossier/index.js';
import type { Store } from '../store/index.js';

export interface ExportJob {
  membership: Membership;
  filter: ComplaintFilter;
  /** 'csv': CSV records in CSV_COLUMNS order (as csv-stringify writes csvRecordOf's), without the header; 'jsonl': a JSON report view (presentReport) a line. */
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

/** A reader thread and, per export it serves, the batches asked for in the order it answers. */
interface Thread {
  worker: Worker;
  waiting: Map<number, Waiting[]>;
  alive: boolean;
}

/** One time slice of an export, on one thread: its batches asked for and not yet written. */
interface Run {
  id: number;
  thread: Thread;
  ahead: Promise<ReaderReply>[];
  /** The slice's length in ms, and the rows it held so far. */
  ms: number;
  rows: number;
}

/**
 * Reader threads an export's slices alternate between. A thread read, presented and encoded a
 * row in ~5 µs, the export's limit on both stores (SQLite: its steps; Postgres: its server's
 * page, waited for, then the driver's parsing): two share the work, and a Postgres export keeps
 * two server connections busy.
 */
const THREADS = 2;

/**
 * Batches a slice waiting its turn may read ahead (~90 KB each): about a whole slice, so its
 * thread reads it while the slice before it is written, and memory stays bounded when a slice
 * holds a burst of reports.
 */
const SLICE_AHEAD = 16;

export class ExportReader {
  readonly #store: ReaderStore;
  readonly #threads: (Thread | undefined)[] = [];
  #ids = 0;

  constructor(store: Store) {
    this.#store = { file: store.file, url: store.url };
  }

  /**
   * The export's batches, in the table's order: its time slices (ExportSlices) read on
   * alternate threads, at most one slice per thread at a time, written one after the other.
   */
  async *read(job: ExportJob): AsyncGenerator<ExportBatch> {
    const slices = new ExportSlices(job.membership, job.filter);
    const running: Run[] = [];
    let started = 0;
    const startNext = (): boolean => {
      const slice = slices.next();
      if (!slice) return false;
      const thread = this.#thread(started++ % THREADS);
      const run: Run = { id: ++this.#ids, thread, ahead: [], ms: slice.ms, rows: 0 };
      thread.worker.postMessage({ id: run.id, start: { ...job, filter: slice.filter } } satisfies ReaderRequest);
      for (let k = 0; k < (running.length ? SLICE_AHEAD : BATCHES_AHEAD); k++) run.ahead.push(this.#next(run));
      running.push(run);
      return true;
    };
    try {
      while (running.length < THREADS && startNext());
      while (running.length) {
        const run = running[0]!;
        const reply = await run.ahead.shift()!;
        if ('error' in reply) throw new Error(`export read failed: ${reply.error}`);
        if ('done' in reply) {
          this.#drop(running.shift()!);
          slices.observe(run.rows, run.ms);
          startNext();
          continue;
        }
        run.rows += reply.batch.rows;
        // The slice being written is read a few batches ahead of the writes, and no more.
        if (run.ahead.length < BATCHES_AHEAD) run.ahead.push(this.#next(run));
        yield reply.batch;
      }
    } finally {
      for (const run of running) this.#drop(run); // the client went away, or a thread failed
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.#threads.map((t) => t?.worker.terminate()));
  }

  #drop(run: Run): void {
    run.thread.worker.postMessage({ id: run.id, drop: true } satisfies ReaderRequest);
  }

  #next(run: Run): Promise<ReaderReply> {
    const reply = new Promise<ReaderReply>((resolve, reject) => {
      const { worker, waiting } = run.thread;
      if (!run.thread.alive) return reject(new Error('export reader thread exited'));
      waiting.set(run.id, [...(waiting.get(run.id) ?? []), { resolve, reject }]);
      // An idle reader must not keep the process alive, a busy one must (a pending promise does not).
      worker.ref();
      worker.postMessage({ id: run.id, next: true } satisfies ReaderRequest);
    });
    // Handled where it is awaited; a thread's exit rejects batches asked ahead while the export waits at a yield, which must not count as unhandled.
    reply.catch(() => {});
    return reply;
  }

  #thread(k: number): Thread {
    const running = this.#threads[k];
    if (running) return running;
    if (!this.#store.file && !this.#store.url) throw new Error('an export reader needs the store file or URL');
    const worker = new Worker(new URL('./export-reader-worker.js', import.meta.url), { workerData: this.#store });
    const thread: Thread = { worker, waiting: new Map(), alive: true };
    worker.on('message', (r: ReaderReply) => {
      const [w, ...rest] = thread.waiting.get(r.id) ?? [];
      if (rest.length) thread.waiting.set(r.id, rest);
      else thread.waiting.delete(r.id);
      if (thread.waiting.size === 0) worker.unref();
      w?.resolve(r);
    });
    const fail = (err: unknown) => {
      thread.alive = false;
      if (this.#threads[k] === thread) this.#threads[k] = undefined; // the next export starts another
      for (const ws of thread.waiting.values()) for (const w of ws) w.reject(err);
      thread.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`export reader thread exited (${code})`)));
    worker.unref();
    this.#threads[k] = thread;
    return thread;
  }
}
