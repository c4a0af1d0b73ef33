// The complaints of an incident: its reports (membership.ts) under the table's filters, newest
// (or oldest) first, keyset-paginated like the reports list so a deep page costs what the first does.
import type { Kysely, SelectQueryBuilder } from 'kysely';
import { storedDate, storedMs, type StoredReportRow, type StoredTime } from '../store/index.js';
import type { Database } from '../store/schema.js';
import { attachedToIncident, withinIncident, type Membership } from './membership.js';

export interface ComplaintFilter {
  carrier?: string | undefined;
  state?: string | undefined;
  county?: string | undefined;
  zip?: string | undefined;
  service?: string | undefined;
  source?: string | undefined;
  sos?: boolean | undefined;
  since?: Date | undefined;
  until?: Date | undefined;
  /** Words to find in the description (case-insensitive, as typed). */
  text?: string | undefined;
  order?: 'newest' | 'oldest' | undefined;
}

export interface ComplaintPage extends ComplaintFilter {
  after?: { receivedAt: Date; id: string } | undefined;
  limit: number;
}

/** A LIKE pattern matching `text` literally. */
const likeLiteral = (text: string): string => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const later = (a: Date, b: Date | undefined) => (b && b > a ? b : a);
const earlier = (a: Date, b: Date | undefined) => (b && b < a ? b : a);

/**
 * The time filters and the cursor narrow the incident's one received_at range rather than add
 * second bounds beside it: SQLite walks an index over one range, and two lower bounds on a
 * column made it walk the whole incident (a 30-minute filter took ~1 s at 2 M reports).
 */
function filtered(db: Kysely<Database>, m: Membership, f: ComplaintPage, part: Part = 'sources') {
  const oldest = f.order === 'oldest';
  let from = later(m.from, f.since);
  let to = earlier(m.to, f.until);
  let toExclusive = Boolean(f.until && f.until <= m.to);
  if (f.after) {
    if (oldest) from = later(from, f.after.receivedAt);
    else if (f.after.receivedAt <= to) [to, toExclusive] = [f.after.receivedAt, false];
  }
  const all = db.selectFrom('reports').selectAll();
  let q = part === 'sources' ? withinIncident(all, m, from, to, toExclusive) : attachedToIncident(all, m, f.since, f.until);
  if (f.carrier) q = q.where('carrier', '=', f.carrier);
  if (f.state) q = q.where('state', '=', f.state);
  if (f.county) q = q.where('county', '=', f.county);
  if (f.zip) q = q.where('zip', '=', f.zip);
  if (f.source) q = q.where('source', '=', f.source);
  if (f.service) q = q.where('services', 'like', `%${f.service}%`);
  if (f.sos !== undefined) q = q.where('sos_mode', '=', f.sos ? 1 : 0);
  const text = f.text?.trim();
  if (text) q = q.where((eb) => eb(eb.fn('lower', ['description']), 'like', likeLiteral(text)));
  return q;
}

/** The two parts of an incident's reports: what its sources take, and the single reports staff attached. */
type Part = 'sources' | 'attached';

type Keyed = { received_at: StoredTime; id: string };

/**
 * One page of the incident's reports: the sources' page and the attached reports' page, each
 * in the table's order on its own index, merged. A query with both parts OR-ed together would
 * sort the whole incident for each page.
 */
async function pageOf<R extends Keyed>(m: Membership, f: ComplaintPage, query: (part: Part) => Promise<R[]>): Promise<R[]> {
  const fromSources = await query('sources');
  if (m.attached.length === 0) return fromSources;
  const sign = f.order === 'oldest' ? 1 : -1;
  const order = (a: R, b: R) => sign * (storedMs(a.received_at) - storedMs(b.received_at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return [...fromSources, ...(await query('attached'))].sort(order).slice(0, f.limit);
}

export async function listComplaints(db: Kysely<Database>, m: Membership, f: ComplaintPage): Promise<StoredReportRow[]> {
  return pageOf(m, f, (part) => paged(filtered(db, m, f, part), f).execute());
}

/** The table's order and keyset cut on any selection of the filtered reports. */
function paged<O>(query: SelectQueryBuilder<Database, 'reports', O>, f: ComplaintPage) {
  let q = query;
  const oldest = f.order === 'oldest';
  // Within the range already cut at the cursor's time, the tie on that time is broken by id.
  const after = f.after;
  if (after) {
    const cmp = oldest ? '>' : '<';
    q = q.where((eb) => eb.or([eb('received_at', cmp, after.receivedAt), eb.and([eb('received_at', '=', after.receivedAt), eb('id', cmp, after.id)])]));
  }
  const dir = oldest ? 'asc' : 'desc';
  return q.orderBy('received_at', dir).orderBy('id', dir).limit(f.limit);
}

/** The columns an export reads (not the fingerprint, idempotency key or request hash). */
export const EXPORT_COLUMNS = [
  'id', 'reference', 'received_at', 'carrier', 'network', 'services', 'sos_mode', 'zip', 'county', 'state', 'started_at', 'ended_at',
  'called_carrier', 'called_network', 'description', 'source', 'consent_to_contact', 'contact_name', 'contact_email', 'contact_phone',
] as const;
export type ExportRow = Pick<StoredReportRow, (typeof EXPORT_COLUMNS)[number]>;

/**
 * Every matching report's exported columns, in keyset pages of `pageSize` rows: one query per
 * page, memory bounded by a page whatever the incident's size.
 */
export async function* exportComplaints(db: Kysely<Database>, m: Membership, f: ComplaintFilter, pageSize = 10_000): AsyncGenerator<ExportRow[]> {
  let after: ComplaintPage['after'];
  for (;;) {
    const page: ComplaintPage = { ...f, after, limit: pageSize };
    const rows: ExportRow[] = await pageOf(m, page, (part) => paged(filtered(db, m, page, part).clearSelect().select(EXPORT_COLUMNS), page).execute());
    if (rows.length) yield rows;
    const last = rows.at(-1);
    if (rows.length < pageSize || !last) return;
    after = { receivedAt: storedDate(last.received_at), id: last.id };
  }
}

/** Every matching report, a page at a time in constant memory (the exports work on whole pages: a step per row costs more than the row). */
export async function* allComplaints(db: Kysely<Database>, m: Membership, f: ComplaintFilter, pageSize = 2000): AsyncGenerator<StoredReportRow[]> {
  let after: ComplaintPage['after'];
  for (;;) {
    const rows = await listComplaints(db, m, { ...f, after, limit: pageSize });
    if (rows.length) yield rows;
    const last = rows.at(-1);
    if (rows.length < pageSize || !last) return;
    after = { receivedAt: storedDate(last.received_at), id: last.id };
  }
}
