// The core of every bulk load (file import, demo history): validate each row by the API's
// rules, batch valid ones into large transactions, hand invalid ones back with their reasons.
import { randomUUID } from 'node:crypto';
import { insertWithFreshIds, type ReportRow, type Store } from '../store/index.js';
import type { FieldError } from './field-errors.js';
import { toReportRow } from './intake.js';
import { validateReport } from './validate.js';

export interface BulkCounts {
  accepted: number;
  rejected: number;
  firstReceivedAt: Date | null;
  lastReceivedAt: Date | null;
}

export class BulkImporter {
  readonly counts: BulkCounts = { accepted: 0, rejected: 0, firstReceivedAt: null, lastReceivedAt: null };
  #batch: ReportRow[] = [];

  constructor(
    private readonly store: Store,
    private readonly now: Date,
    private readonly batchSize = 5000,
  ) {}

  /** Returns the row's errors, or null once it is queued; call flush() to commit the queue. */
  add(row: unknown): FieldError[] | null {
    const v = validateReport(row, { receivedAt: this.now, importRow: true });
    if (!v.ok) {
      this.counts.rejected += 1;
      return v.errors;
    }
    const r = v.report;
    const receivedAt = r.receivedAt ?? this.now;
    // Without a client id each imported row is its own reporter (never merged as duplicates).
    this.#batch.push(toReportRow({ report: r, source: r.source ?? 'import', fingerprint: r.fingerprint ?? `import:${randomUUID()}`, receivedAt }));
    const c = this.counts;
    if (!c.firstReceivedAt || receivedAt < c.firstReceivedAt) c.firstReceivedAt = receivedAt;
    if (!c.lastReceivedAt || receivedAt > c.lastReceivedAt) c.lastReceivedAt = receivedAt;
    return null;
  }

  get full(): boolean {
    return this.#batch.length >= this.batchSize;
  }

  async flush(): Promise<void> {
    if (this.#batch.length === 0) return;
    const rows = this.#batch;
    this.#batch = [];
    await insertWithFreshIds(this.store.db, rows);
    this.counts.accepted += rows.length;
  }
}
