// The complaints of an incident: its reports (membership.ts) under the table's filters, newest
// (or oldest) first, keyset-paginated like the reports list so a deep page costs what the first does.
import { sql, SqliteAdapter, type AliasedRawBuilder, type CompiledQuery, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { storedDate, storedMs, type Store, type StoredReportRow, type StoredTime } from '../store/index.js';
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
function filtered(db: Kysely<Database>, m: Membership, f: ComplaintPage, part: Part = 'sources', rareText = false) {
  const oldest = f.order === 'oldest';
  let from = later(m.from, f.since);
  let to = earlier(m.to, f.until);
  let toExclusive = Boolean(f.until && f.until <= m.to);
  if (f.after) {
    if (oldest) from = later(from, f.after.receivedAt);
    else if (f.after.receivedAt <= to) [to, toExclusive] = [f.after.receivedAt, false];
  }
  const text = f.text?.trim();
  let q = part === 'attached'
    ? attachedToIncident(db.selectFrom('reports').selectAll(), m, f.since, f.until)
    : withinIncident(rareText && text ? fromTextIndex(db, text) : f.zip && onSqlite(db) ? fromZipIndex(db, f.zip, from, to) : db.selectFrom('reports').selectAll(), m, from, to, toExclusive);
  if (f.carrier) q = q.where('carrier', '=', f.carrier);
  if (f.state) q = q.where('state', '=', f.state);
  if (f.county) q = q.where('county', '=', f.county);
  if (f.zip) q = q.where('zip', '=', f.zip);
  if (f.source) q = q.where('source', '=', f.source);
  if (f.service) q = q.where('services', 'like', `%${f.service}%`);
  if (f.sos !== undefined) q = q.where('sos_mode', '=', f.sos ? 1 : 0);
  if (text) q = q.where((eb) => eb(eb.fn('lower', ['description']), 'like', likeLiteral(text)));
  return q;
}

/**
 * SQLite: the reports whose description the trigram index matches, and those past the index's
 * mark (not indexed yet: text-index.ts), looked up by rowid. CROSS JOIN fixes the matches as the
 * outer loop; left to itself the planner walked the incident's time range (seconds at 10 M
 * reports) whenever its statistics were absent or partial.
 */
function fromTextIndex(db: Kysely<Database>, text: string) {
  const like = likeLiteral(text);
  return fromHits(db, sql<{ hit: number }>`(select rowid as hit from reports_text where description like ${like}
    union all select rowid from reports where rowid > (${INDEXED_MARK}) and lower(description) like ${like})`);
}

const INDEXED_MARK = sql`select indexed_rowid from reports_text_progress where id = 1`;

/**
 * SQLite: a ZIP's reports in the range, found by (zip, received_at), then ordered (a ZIP holds
 * few of an incident's reports). Without statistics the planner walked the network's time index
 * instead and filtered it: 1-7 s for a quiet ZIP at 10 M reports.
 */
function fromZipIndex(db: Kysely<Database>, zip: string, from: Date, to: Date) {
  return fromHits(db, sql<{ hit: number }>`(select rowid as hit from reports where zip = ${zip} and received_at >= ${from} and received_at <= ${to})`);
}

function fromHits(db: Kysely<Database>, rowids: RawBuilder<{ hit: number }>) {
  return db.selectFrom(rowids.as('hits')).crossJoin('reports').where(sql.ref('reports.rowid'), '=', sql.ref('hits.hit')).selectAll('reports') as unknown as SelectQueryBuilder<Database, 'reports', StoredReportRow>;
}

export const onSqlite = (db: Kysely<Database>): boolean => db.getExecutor().adapter instanceof SqliteAdapter;

/** Matches the text index may hold before walking the incident in order finds a page sooner. */
const RARE_TEXT_MATCHES = 5000;
/** Reports not indexed yet that a search may scan (the writer thread indexes them within seconds unless intake is flooded). */
const MAX_UNINDEXED = 50_000;

/**
 * On SQLite, whether the text search should start from the FTS5 trigram index (migration 0012):
 * when the words occur in few reports of the whole store and few reports wait to be indexed.
 * Common words are found within a few rows of the ordered walk, while reading all their matches
 * first would take seconds. Fewer than 3 characters use no trigram. PostgreSQL's planner makes
 * this choice itself (pg_trgm statistics).
 */
async function rareText(db: Kysely<Database>, f: ComplaintFilter): Promise<boolean> {
  const text = f.text?.trim();
  if (!text || text.length < 3 || !onSqlite(db)) return false;
  const r = await sql<{ n: number; unindexed: number }>`select
    (select count(*) from (select 1 from reports_text where description like ${likeLiteral(text)} limit ${RARE_TEXT_MATCHES + 1})) as n,
    (select count(*) from (select 1 from reports where rowid > (${INDEXED_MARK}) limit ${MAX_UNINDEXED + 1})) as unindexed`.execute(db);
  const row = r.rows[0];
  return Number(row?.n) <= RARE_TEXT_MATCHES && Number(row?.unindexed) <= MAX_UNINDEXED;
}

/** The two parts of an incident's reports: what its sources take, and the single reports staff attached. */
type Part = 'sources' | 'attached';

interface Keyed { readonly receivedAt: StoredTime; readonly id: string }

/**
 * One page of the incident's reports: the sources' page and the attached reports' page, each
 * in the table's order on its own index, merged. A query with both parts OR-ed together would
 * sort the whole incident for each page.
 */
async function pageOf<R>(m: Membership, f: ComplaintPage, key: (r: R) => Keyed, query: (part: Part) => Promise<R[]>): Promise<R[]> {
  const fromSources = await query('sources');
  if (m.attached.length === 0) return fromSources;
  const sign = f.order === 'oldest' ? 1 : -1;
  const order = (a: R, b: R) => {
    const [x, y] = [key(a), key(b)];
    return sign * (storedMs(x.receivedAt) - storedMs(y.receivedAt) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  };
  return [...fromSources, ...(await query('attached'))].sort(order).slice(0, f.limit);
}

const rowKey = (r: StoredReportRow): Keyed => ({ receivedAt: r.received_at, id: r.id });

export async function listComplaints(db: Kysely<Database>, m: Membership, f: ComplaintPage): Promise<StoredReportRow[]> {
  const rare = await rareText(db, f);
  return pageOf(m, f, rowKey, (part) => paged(filtered(db, m, f, part, rare), f).execute());
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

/**
 * Every matching report as one statement, `columns` of each in the table's order, without pages:
 * for a statement that streams its rows (Postgres's COPY). The sources' reports walk the
 * (network, received_at, id) index in order; the reports staff attached (a disjoint few: the
 * sources leave them out) join them by UNION ALL and the whole is sorted, as pageOf merges them.
 */
export function orderedExportQuery(db: Kysely<Database>, m: Membership, f: ComplaintFilter, columns: readonly RawBuilder<unknown>[]): CompiledQuery {
  const dir = f.order === 'oldest' ? sql`asc` : sql`desc`;
  const all: ComplaintPage = { ...f, limit: 0 }; // no cursor, and no limit is applied
  const sources = filtered(db, m, all, 'sources');
  const reports = m.attached.length ? sql`(${sources} union all ${filtered(db, m, all, 'attached')})` : sources;
  return sql`select ${sql.join(columns)} from ${reports} as r order by r.received_at ${dir}, r.id ${dir}`.compile(db);
}

/** Rows an export's slice is sized to hold (~12 batches), and the shortest and first slice. */
const SLICE_ROWS = 6000;
const MIN_SLICE_MS = 1000;
const FIRST_SLICE_MS = 60_000;

/**
 * The export's filter cut into consecutive slices of received time, in the table's order, each
 * matching what the whole does between its bounds (from inclusive, to exclusive; the first and
 * last keep the filter's own bounds, so attached reports outside the incident's window fall in
 * them): read one after another they are the export, read at once (on two threads) its rows
 * come twice as fast. Each slice is sized from the rows the slices before it held, so a slice
 * holds a few batches whether the reports are sparse or a burst. A search by text stays whole:
 * each slice would look its matches up first.
 */
export class ExportSlices {
  readonly #f: ComplaintFilter;
  readonly #from: number;
  readonly #to: number;
  readonly #oldest: boolean;
  /** Where the next slice starts (the table's order: the newest first reads back in time). */
  #at: number;
  #span = FIRST_SLICE_MS;
  #whole: boolean;
  #left = true;

  constructor(m: Membership, f: ComplaintFilter) {
    this.#f = f;
    this.#from = later(m.from, f.since).getTime();
    this.#to = earlier(m.to, f.until).getTime();
    this.#oldest = f.order === 'oldest';
    this.#at = this.#oldest ? this.#from : this.#to;
    this.#whole = Boolean(f.text?.trim()) || !(this.#to > this.#from);
  }

  /** The next slice's filter, and its length in ms; undefined after the last. */
  next(): { filter: ComplaintFilter; ms: number } | undefined {
    if (!this.#left) return undefined;
    if (this.#whole) return (this.#left = false), { filter: this.#f, ms: 0 };
    const [lo, hi] = this.#oldest ? [this.#at, this.#at + this.#span] : [this.#at - this.#span, this.#at];
    const first = this.#at === (this.#oldest ? this.#from : this.#to);
    const last = this.#oldest ? hi >= this.#to : lo <= this.#from;
    this.#left = !last;
    this.#at = this.#oldest ? hi : lo;
    // Bounds inside the range cut it (a middle bound is before the incident's end, so `until` excludes it); the range's own ends stay the filter's.
    const since = (this.#oldest ? first : last) ? this.#f.since : new Date(lo);
    const until = (this.#oldest ? last : first) ? this.#f.until : new Date(hi);
    return { filter: { ...this.#f, since, until }, ms: hi - lo };
  }

  /** A slice of `ms` held `rows`: the next are sized to hold about SLICE_ROWS, within a quarter to 4 times this one. */
  observe(rows: number, ms: number): void {
    if (ms <= 0) return;
    const fit = rows > 0 ? (ms * SLICE_ROWS) / rows : ms * 4;
    this.#span = Math.max(MIN_SLICE_MS, Math.round(Math.min(Math.max(fit, ms / 4), ms * 4)));
  }
}

const TIME_COLUMNS: ReadonlySet<string> = new Set(['received_at', 'started_at', 'ended_at'] satisfies (keyof StoredReportRow)[]);

type ReportColumn = keyof StoredReportRow & string;

/**
 * A column to select, times as epoch milliseconds on both stores (SQLite stores them so):
 * Postgres's driver would parse each timestamptz into a Date, the export's dearest field.
 */
export function asEpochMs(db: Kysely<Database>, column: ReportColumn) {
  if (!TIME_COLUMNS.has(column) || onSqlite(db)) return column;
  // Aliased apart from the column: ORDER BY received_at would otherwise sort by the expression (no index).
  return sql<number>`(extract(epoch from ${sql.ref(column)}) * 1000)::float8`.as(`${column}_ms`);
}

/** What a bulk read selects (a row is these values, in order) and where a row's keyset is among them. */
export interface ExportSelection {
  select: readonly (ReportColumn | AliasedRawBuilder<unknown, string>)[];
  receivedAt: number;
  id: number;
}

/** `columns`, times as epoch milliseconds (asEpochMs). */
export function columnSelection(db: Kysely<Database>, columns: readonly ReportColumn[]): ExportSelection {
  const at = { receivedAt: columns.indexOf('received_at'), id: columns.indexOf('id') };
  if (at.receivedAt < 0 || at.id < 0) throw new Error('an export reads received_at and id (its keyset)');
  return { select: columns.map((c) => asEpochMs(db, c)), ...at };
}

/** The reports with these ids, as `columns`' values (times as epoch ms), in no particular order. */
export async function reportValues(store: Store, ids: readonly string[], columns: readonly ReportColumn[]): Promise<unknown[][]> {
  if (ids.length === 0) return [];
  return store.readArrays(store.db.selectFrom('reports').select(columnSelection(store.db, columns).select as ReportColumn[]).where('id', 'in', [...ids]).compile());
}

/**
 * Every matching report's `selection`, in keyset pages of `pageSize` rows read as arrays: one
 * query per page walking (network, received_at, id) in order (no sort), memory bounded by a page
 * whatever the incident's size. The next page starts after the last row's (received_at, id),
 * and on Postgres is asked for before this one is handed on: the server finds it while the
 * caller presents this one.
 * Pages of 2,000 rows die young: 10,000-row pages were promoted and collected in the old space.
 */
export async function* exportComplaints(store: Store, m: Membership, f: ComplaintFilter, selection: ExportSelection, pageSize = 2000): AsyncGenerator<unknown[][]> {
  const rare = await rareText(store.db, f);
  const arrayKey = (r: unknown[]): Keyed => ({ receivedAt: r[selection.receivedAt] as StoredTime, id: r[selection.id] as string });
  const select = selection.select as ReportColumn[]; // Kysely's select takes columns and aliased expressions alike
  const read = (after: ComplaintPage['after']) => {
    const page: ComplaintPage = { ...f, after, limit: pageSize };
    return pageOf(m, page, arrayKey, (part) => store.readArrays(paged(filtered(store.db, m, page, part, rare).clearSelect().select(select), page).compile()));
  };
  // SQLite reads synchronously: asking early would only hold a second page.
  const ahead = store.dialect === 'postgres';
  let next = read(undefined);
  for (;;) {
    const rows = await next;
    const last = rows.at(-1);
    const more = rows.length === pageSize && last !== undefined;
    const after = more ? { receivedAt: storedDate(last[selection.receivedAt] as StoredTime), id: last[selection.id] as string } : undefined;
    if (after && ahead) {
      next = read(after);
      next.catch(() => {}); // read (and its failure thrown) when awaited, unless the export stopped here
    }
    if (rows.length) yield rows;
    if (!after) return;
    if (!ahead) next = read(after);
  }
}
