// The complaints of an incident: its reports (membership.ts) under the table's filters, newest
// (or oldest) first, keyset-paginated like the reports list so a deep page costs what the first does.
import type { Kysely } from 'kysely';
import { storedDate, type StoredReportRow } from '../store/index.js';
import type { Database } from '../store/schema.js';
import { withinIncident, type Membership } from './membership.js';

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

function filtered(db: Kysely<Database>, m: Membership, f: ComplaintFilter) {
  let q = withinIncident(db.selectFrom('reports').selectAll(), m);
  if (f.carrier) q = q.where('carrier', '=', f.carrier);
  if (f.state) q = q.where('state', '=', f.state);
  if (f.county) q = q.where('county', '=', f.county);
  if (f.zip) q = q.where('zip', '=', f.zip);
  if (f.source) q = q.where('source', '=', f.source);
  if (f.service) q = q.where('services', 'like', `%${f.service}%`);
  if (f.sos !== undefined) q = q.where('sos_mode', '=', f.sos ? 1 : 0);
  if (f.since) q = q.where('received_at', '>=', f.since);
  if (f.until) q = q.where('received_at', '<', f.until);
  const text = f.text?.trim();
  if (text) q = q.where((eb) => eb(eb.fn('lower', ['description']), 'like', likeLiteral(text)));
  return q;
}

export async function listComplaints(db: Kysely<Database>, m: Membership, f: ComplaintPage): Promise<StoredReportRow[]> {
  let q = filtered(db, m, f);
  const oldest = f.order === 'oldest';
  const after = f.after;
  if (after) {
    const cmp = oldest ? '>' : '<';
    q = q.where((eb) => eb.or([eb('received_at', cmp, after.receivedAt), eb.and([eb('received_at', '=', after.receivedAt), eb('id', cmp, after.id)])]));
  }
  const dir = oldest ? 'asc' : 'desc';
  return q.orderBy('received_at', dir).orderBy('id', dir).limit(f.limit).execute();
}

/** Every matching report, page by page in constant memory (the exports). */
export async function* allComplaints(db: Kysely<Database>, m: Membership, f: ComplaintFilter, pageSize = 2000): AsyncGenerator<StoredReportRow> {
  let after: ComplaintPage['after'];
  for (;;) {
    const rows = await listComplaints(db, m, { ...f, after, limit: pageSize });
    for (const r of rows) yield r;
    const last = rows.at(-1);
    if (rows.length < pageSize || !last) return;
    after = { receivedAt: storedDate(last.received_at), id: last.id };
  }
}
