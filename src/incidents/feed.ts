// Reads stored reports in receipt order, as the detection engine consumes them.
import type { Kysely, Selectable } from 'kysely';
import { serviceMaskOfText, type DetectionReport, type ReportBatch, type Service } from '../detect/index.js';
import type { Database } from '../store/schema.js';
import { storedMs } from '../store/time.js';

export interface FeedCursor {
  receivedAt: Date;
  id: string;
}

const COLUMNS = ['id', 'received_at', 'network', 'carrier', 'county', 'state', 'services', 'called_network', 'fingerprint', 'started_at'] as const;

/**
 * The next page of reports after `after` (exclusive) and up to `until` (inclusive), ordered by
 * (received_at, id) so a page boundary never skips or repeats a report.
 */
export async function nextReports(db: Kysely<Database>, after: FeedCursor | null, until: Date | null, limit: number): Promise<DetectionReport[]> {
  let q = db.selectFrom('reports').select([...COLUMNS]);
  if (after) {
    q = q.where((eb) => eb.or([eb('received_at', '>', after.receivedAt), eb.and([eb('received_at', '=', after.receivedAt), eb('id', '>', after.id)])]));
  }
  if (until) q = q.where('received_at', '<=', until);
  const rows = await q.orderBy('received_at').orderBy('id').limit(limit).execute();
  return rows.map(toDetectionReport);
}

/**
 * nextReports into the engine's input batch (cleared first), without a report object per row:
 * the cursor after the page's last report, or null when there was none.
 */
export async function nextBatch(db: Kysely<Database>, after: FeedCursor | null, limit: number, batch: ReportBatch): Promise<FeedCursor | null> {
  let q = db.selectFrom('reports').select(['id', 'received_at', 'network', 'county', 'state', 'services', 'called_network', 'fingerprint']);
  if (after) {
    q = q.where((eb) => eb.or([eb('received_at', '>', after.receivedAt), eb.and([eb('received_at', '=', after.receivedAt), eb('id', '>', after.id)])]));
  }
  const rows = await q.orderBy('received_at').orderBy('id').limit(limit).execute();
  batch.clear();
  for (const r of rows) batch.addFields(storedMs(r.received_at), r.network, r.county, r.state, serviceMaskOfText(r.services), r.called_network, r.fingerprint);
  const last = rows.at(-1);
  return last ? { receivedAt: new Date(storedMs(last.received_at)), id: last.id } : null;
}

/** Ids received in [from, to]: a covering scan of the (received_at, id) index, no row reads. */
export async function idsReceivedBetween(db: Kysely<Database>, from: Date, to: Date): Promise<string[]> {
  const rows = await db.selectFrom('reports').select('id').where('received_at', '>=', from).where('received_at', '<=', to).execute();
  return rows.map((r) => r.id);
}

/** These reports, in receipt order. */
export async function reportsByIds(db: Kysely<Database>, ids: readonly string[]): Promise<DetectionReport[]> {
  const out: DetectionReport[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.selectFrom('reports').select([...COLUMNS]).where('id', 'in', ids.slice(i, i + 500)).execute();
    out.push(...rows.map(toDetectionReport));
  }
  return out.sort((a, b) => a.receivedAt - b.receivedAt || (a.id < b.id ? -1 : 1));
}

type FeedRow = { [K in (typeof COLUMNS)[number]]: Selectable<Database['reports']>[K] };

function toDetectionReport(r: FeedRow): DetectionReport {
  return {
    id: r.id,
    receivedAt: storedMs(r.received_at),
    network: r.network,
    carrier: r.carrier,
    county: r.county,
    state: r.state,
    services: r.services.split(',') as Service[],
    calledNetwork: r.called_network,
    fingerprint: r.fingerprint,
    startedAt: storedMs(r.started_at),
  };
}

export const cursorOf = (r: DetectionReport): FeedCursor => ({ receivedAt: new Date(r.receivedAt), id: r.id });
