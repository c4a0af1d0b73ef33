// Accepting a validated report: give it an id, a reference and a receipt time, and answer
// only after its transaction has committed (through the group committer).
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { createReportWriter, findReportByIdempotencyKey, GroupCommitter, reportReference, uuidv7, type ReportRow, type ReportWriter, type Store } from '../store/index.js';
import { storedDate } from '../store/index.js';
import type { Database } from '../store/schema.js';
import type { Source, ValidReport } from './validate.js';

export interface Accepted {
  id: string;
  receivedAt: Date;
  reference: string;
  /** False when an Idempotency-Key matched an earlier report: this is that report. */
  created: boolean;
  /** False when the key was reused for a different body. */
  sameRequest: boolean;
}

export interface Submission {
  report: ValidReport;
  source: Source;
  fingerprint: string;
  receivedAt: Date;
  idempotencyKey?: string | undefined;
  /** Canonical hash of the request body, to tell a retry from a different report under the same key. */
  requestHash?: string | undefined;
}

export function requestHash(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('base64url');
}

export function toReportRow(s: Submission): ReportRow {
  const r = s.report;
  return {
    id: uuidv7(s.receivedAt.getTime()),
    reference: reportReference(),
    received_at: s.receivedAt,
    carrier: r.carrier,
    network: r.network,
    services: r.services.join(','),
    sos_mode: r.sosMode ? 1 : 0,
    zip: r.zip,
    county: r.county,
    state: r.state,
    started_at: r.startedAt ?? s.receivedAt,
    ended_at: r.endedAt,
    called_carrier: r.calledCarrier,
    called_network: r.calledNetwork,
    description: r.description,
    contact_name: r.contact.name,
    contact_email: r.contact.email,
    contact_phone: r.contact.phone,
    consent_to_contact: r.consentToContact ? 1 : 0,
    source: s.source,
    fingerprint: s.fingerprint,
    idempotency_key: s.idempotencyKey ?? null,
    request_hash: s.requestHash ?? null,
  };
}

async function commitBatch(db: Kysely<Database>, writer: ReportWriter, rows: ReportRow[]): Promise<Accepted[]> {
  const results = await writer.insert(rows);
  return Promise.all(
    rows.map(async (row, i) => {
      if (results[i]!.inserted) {
        return { id: row.id, receivedAt: row.received_at, reference: row.reference, created: true, sameRequest: true };
      }
      const first = await findReportByIdempotencyKey(db, row.idempotency_key!);
      if (!first) throw new Error('idempotency conflict without a stored report');
      return { id: first.id, receivedAt: storedDate(first.received_at), reference: first.reference, created: false, sameRequest: first.request_hash === row.request_hash };
    }),
  );
}

export class Intake {
  readonly #committer: GroupCommitter<ReportRow, Accepted>;
  readonly #writer: ReportWriter;

  constructor(store: Store) {
    this.#writer = createReportWriter(store);
    this.#committer = new GroupCommitter({
      commit: (rows) => commitBatch(store.db, this.#writer, rows),
      // SQLite: the writer thread commits one batch while the next is being gathered.
      concurrency: store.dialect === 'postgres' ? 4 : 2,
    });
  }

  /** Commits the report; rejects with AbandonedError, storing nothing, if `abandoned()` turns true first. */
  accept(s: Submission, abandoned?: () => boolean): Promise<Accepted> {
    return this.#committer.submit(toReportRow(s), abandoned);
  }

  /** Reports waiting for a commit (checked on every submission: no object built). */
  /** How long a commit takes lately (ms): a report taken now is answered about this much later. */
  get expectedCommitMs(): number {
    return this.#committer.commitMs;
  }

  get pending(): number {
    return this.#committer.pending;
  }

  get stats(): { batches: number; reports: number; pending: number; abandoned: number } {
    const c = this.#committer;
    return { batches: c.batches, reports: c.items, pending: c.pending, abandoned: c.abandoned };
  }

  drain(): Promise<void> {
    return this.#committer.drain();
  }

  /** Commits what is waiting, then stops the writer. */
  async close(): Promise<void> {
    await this.#committer.drain();
    await this.#writer.close();
  }
}
