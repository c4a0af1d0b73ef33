// The core of every bulk load (file import, demo history): validate each row by the API's
// rules, batch valid ones into large transactions, hand invalid ones back with their reasons.
import { randomUUID } from 'node:crypto';
import { createReportWriter, type ReportRow, type ReportWriter, type Store } from '../store/index.js';
import type { FieldError } from './field-errors.js';
import { toReportRow } from './intake.js';
import { validateReport, type ValidReport } from './validate.js';

export interface BulkCounts {
  accepted: number;
  rejected: number;
  firstReceivedAt: Date | null;
  lastReceivedAt: Date | null;
}

export class BulkImporter {
  readonly counts: BulkCounts = { accepted: 0, rejected: 0, firstReceivedAt: null, lastReceivedAt: null };
  #batch: ReportRow[] = [];
  readonly #writer: ReportWriter;
  /** The batch being committed while the next one is parsed and validated. */
  #committing: Promise<void> = Promise.resolve();

  constructor(
    store: Store,
    private readonly now: Date,
    private readonly batchSize = 5000,
  ) {
    this.#writer = createReportWriter(store);
  }

  /** Returns the row's errors, or null once it is queued; call flush() to commit the queue. */
  add(row: unknown): FieldError[] | null {
    const v = validateReport(row, { receivedAt: this.now, importRow: true });
    if (!v.ok) {
      this.counts.rejected += 1;
      return v.errors;
    }
    const r = v.report;
    const receivedAt = r.receivedAt ?? this.now;
    const converted = this.#convert(r, receivedAt);
    if ('errors' in converted) {
      this.counts.rejected += 1;
      return converted.errors;
    }
    this.#batch.push(converted);
    const c = this.counts;
    if (!c.firstReceivedAt || receivedAt < c.firstReceivedAt) c.firstReceivedAt = receivedAt;
    if (!c.lastReceivedAt || receivedAt > c.lastReceivedAt) c.lastReceivedAt = receivedAt;
    return null;
  }

  /**
   * A row the rules let through can still fail to convert (a time a UUIDv7 cannot encode):
   * that is this row's problem, not a reason to abandon the whole import.
   */
  #convert(r: ValidReport, receivedAt: Date): ReportRow | { errors: FieldError[] } {
    try {
      // Without a client id each imported row is its own reporter (never merged as duplicates).
      return toReportRow({ report: r, source: r.source ?? 'import', fingerprint: r.fingerprint ?? `import:${randomUUID()}`, receivedAt });
    } catch (err) {
      return { errors: [{ path: '(row)', message: `could not be converted for storage: ${err instanceof Error ? err.message : String(err)}` }] };
    }
  }

  get full(): boolean {
    return this.#batch.length >= this.batchSize;
  }

  /** Hands the queue to the writer once the previous batch has committed (one in flight). */
  async flush(): Promise<void> {
    await this.#committing;
    if (this.#batch.length === 0) return;
    const rows = this.#batch;
    this.#batch = [];
    this.#committing = this.#writer.insert(rows).then(() => {
      this.counts.accepted += rows.length;
    });
  }

  /** Commits everything queued and stops the writer; counts are final afterwards. */
  async finish(): Promise<void> {
    try {
      await this.flush();
      await this.#committing;
    } finally {
      await this.#writer.close();
    }
  }
}
