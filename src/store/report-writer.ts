// Where report batches are committed. On Postgres the pool does it directly (the server does
// the I/O). On SQLite a writer thread does it, because better-sqlite3 is synchronous and a
// commit's fsync would otherwise stall every request on the event loop.
import { Worker } from 'node:worker_threads';
import type { Store } from './db.js';
import { insertWithFreshIds } from './insert-batch.js';
import { insertReportsUnnest } from './pg-report-insert.js';
import type { Inserted, ReportRow } from './reports.js';

export interface ReportWriter {
  insert(rows: ReportRow[]): Promise<Inserted[]>;
  close(): Promise<void>;
}

/** What the writer thread answers: lean, since it crosses threads for every commit. */
export interface WriterReply {
  seq: number;
  /** Per row: stored, or skipped because its idempotency key was already stored. */
  inserted?: boolean[];
  /** Only after an id or reference clash: the ids and references the rows were stored with. */
  redrawn?: Array<{ id: string; reference: string }>;
  error?: { message: string; code?: string };
}

function startWorker(file: string): Worker {
  return new Worker(new URL('./sqlite-writer-worker.js', import.meta.url), { workerData: { file } });
}

class SqliteThreadWriter implements ReportWriter {
  readonly #worker: Worker;
  readonly #waiting = new Map<number, { rows: ReportRow[]; resolve(r: Inserted[]): void; reject(e: unknown): void }>();
  #seq = 0;
  #dead: unknown = null;

  constructor(file: string) {
    this.#worker = startWorker(file);
    this.#worker.on('message', (m: WriterReply) => this.#settle(m));
    this.#worker.on('error', (err) => this.#failAll(err));
    this.#worker.on('exit', (code) => this.#failAll(new Error(`report writer thread exited (${code})`)));
    this.#worker.unref();
  }

  insert(rows: ReportRow[]): Promise<Inserted[]> {
    const seq = ++this.#seq;
    return new Promise((resolve, reject) => {
      if (this.#dead) {
        reject(this.#dead);
        return;
      }
      this.#waiting.set(seq, { rows, resolve, reject });
      // An idle writer must not keep the process alive, a busy one must (a pending promise does not).
      if (this.#waiting.size === 1) this.#worker.ref();
      this.#worker.postMessage({ seq, rows });
    });
  }

  async close(): Promise<void> {
    await this.#worker.terminate();
  }

  #settle(m: WriterReply): void {
    const job = this.#waiting.get(m.seq);
    if (!job) return;
    this.#waiting.delete(m.seq);
    if (this.#waiting.size === 0) this.#worker.unref();
    if (m.error) {
      job.reject(Object.assign(new Error(m.error.message), { code: m.error.code }));
      return;
    }
    // The thread may have drawn fresh ids after a clash: answer with what was stored.
    m.redrawn?.forEach((r, i) => Object.assign(job.rows[i]!, r));
    job.resolve(job.rows.map((row, i) => ({ id: row.id, inserted: m.inserted![i]! })));
  }

  #failAll(err: unknown): void {
    this.#dead ??= err;
    for (const job of this.#waiting.values()) job.reject(err);
    this.#waiting.clear();
  }
}

export function createReportWriter(store: Store): ReportWriter {
  if (store.dialect === 'sqlite' && store.file) return new SqliteThreadWriter(store.file);
  const insert = store.dialect === 'postgres' ? insertReportsUnnest : undefined;
  return { insert: (rows) => insertWithFreshIds(store.db, rows, insert), close: async () => {} };
}
