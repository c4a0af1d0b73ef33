// Counts an incident's reports by how long each reporter was out, for the impact figures. A
// national incident has ~1 M reports; on SQLite (the server's own thread) they are counted in
// 15-minute slices with a turn for other work between them, as the county counts are. The
// answer for a resolved incident cannot change, so it is stored (impact_tallies) and a restart
// or another process reads it back instead of counting again.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { StoredIncident } from '../incidents/index.js';
import { storedMs, type Dialect, type Store } from '../store/index.js';
import type { Database } from '../store/schema.js';
import { nextMonthStart, type OutageTally } from './impact.js';
import { attachedToIncident, incidentMembership, membershipKey, withinIncident, type Membership } from './membership.js';

export interface IncidentTally extends OutageTally {
  /** Reports from the office's own state (JURISDICTION), or null without one. */
  reportsInJurisdiction: number | null;
  /** The end the minutes were counted to (resolved time, or the time of counting). */
  endMs: number;
}

const SLICE_MS = 15 * 60_000;
const VERSION = 'v1';

/** A time column (or bound) as epoch ms: the dialect difference of this query, in one place. */
const ms = (dialect: Dialect, col: string): RawBuilder<number> => (dialect === 'postgres' ? sql<number>`(extract(epoch from ${sql.ref(col)}) * 1000)` : sql<number>`${sql.ref(col)}`);
const wholeMinutes = (dialect: Dialect, x: RawBuilder<number>): RawBuilder<number> => (dialect === 'postgres' ? sql<number>`floor((${x}) / 60000)` : sql<number>`cast((${x}) / 60000 as integer)`);
const positive = (x: RawBuilder<number>): RawBuilder<number> => sql<number>`(case when ${x} > 0 then ${x} else 0 end)`;

interface GroupRow {
  carrier: string;
  m1: number | string;
  m2: number | string;
  n: number | string;
  n911: number | string;
  nsos: number | string;
  njur: number | string;
}

/** A slice of the sources' reports in [from, to], or (without bounds) the reports staff attached. */
async function tallySlice(db: Kysely<Database>, dialect: Dialect, m: Membership, range: { from: Date; to: Date } | 'attached', jurisdiction: string | undefined): Promise<GroupRow[]> {
  const onset = m.from.getTime();
  const end = m.to.getTime();
  const boundary = nextMonthStart(onset);
  const started = ms(dialect, 'started_at');
  const ended = ms(dialect, 'ended_at');
  const reports = range === 'attached' ? attachedToIncident(db.selectFrom('reports'), m) : withinIncident(db.selectFrom('reports'), m, range.from, range.to);
  const inner = reports.select([
    'carrier',
    sql<number>`case when ${started} > ${onset} then (case when ${started} > ${end} then ${end} else ${started} end) else ${onset} end`.as('s'),
    sql<number>`case when ${ended} is null or ${ended} > ${end} then ${end} when ${ended} < ${onset} then ${onset} else ${ended} end`.as('e'),
    sql<number>`case when services like '%911%' then 1 else 0 end`.as('is911'),
    'sos_mode',
    sql<number>`case when state = ${jurisdiction ?? ''} then 1 else 0 end`.as('isjur'),
  ]);
  const beforeB = sql<number>`(case when x.e < ${boundary} then x.e else ${boundary} end) - x.s`;
  const afterB = sql<number>`x.e - (case when x.s > ${boundary} then x.s else ${boundary} end)`;
  const rows = await db
    .selectFrom(inner.as('x'))
    .select([
      'x.carrier as carrier',
      wholeMinutes(dialect, positive(beforeB)).as('m1'),
      wholeMinutes(dialect, positive(afterB)).as('m2'),
      sql<number>`count(*)`.as('n'),
      sql<number>`sum(x.is911)`.as('n911'),
      sql<number>`sum(x.sos_mode)`.as('nsos'),
      sql<number>`sum(x.isjur)`.as('njur'),
    ])
    .groupBy(['x.carrier', 'm1', 'm2'])
    .execute();
  return rows as GroupRow[];
}

/** The first and last receipt among the incident's network's reports in its window (two index probes). */
async function receivedExtent(db: Kysely<Database>, m: Membership): Promise<{ first: number; last: number }> {
  const probe = (dir: 'asc' | 'desc') =>
    db.selectFrom('reports').select('received_at').where('network', '=', m.network).where('received_at', '>=', m.from).where('received_at', '<=', m.to).orderBy('received_at', dir).limit(1).executeTakeFirst();
  const [first, last] = await Promise.all([probe('asc'), probe('desc')]);
  return first && last ? { first: storedMs(first.received_at), last: storedMs(last.received_at) } : { first: 1, last: 0 };
}

/** Counts afresh: slices on SQLite, one query on Postgres. */
export async function countTally(store: Store, m: Membership, jurisdiction: string | undefined): Promise<IncidentTally> {
  const groups = new Map<string, { carrier: string; minutes: number; minutesNextMonth: number; reports: number }>();
  const t = { reports: 0, reports911: 0, reportsSos: 0, jur: 0 };
  const slice = store.dialect === 'sqlite' ? SLICE_MS : Infinity;
  const endMs = m.to.getTime();
  const extent = slice === Infinity ? { first: m.from.getTime(), last: endMs } : await receivedExtent(store.db, m);
  const add = (rows: GroupRow[]) => {
    for (const r of rows) {
      const minutes = Number(r.m1);
      const minutesNextMonth = Number(r.m2);
      const n = Number(r.n);
      const key = `${r.carrier}|${minutes}|${minutesNextMonth}`;
      const g = groups.get(key) ?? { carrier: r.carrier, minutes, minutesNextMonth, reports: 0 };
      g.reports += n;
      groups.set(key, g);
      t.reports += n;
      t.reports911 += Number(r.n911);
      t.reportsSos += Number(r.nsos);
      t.jur += Number(r.njur);
    }
  };
  for (let start = extent.first; start <= endMs && extent.first <= extent.last; start += slice) {
    const stop = Math.min(start + slice, endMs);
    const last = stop === endMs || stop > extent.last;
    // Slices are [start, stop) except the last, which includes the end (as the membership does).
    const upTo = last ? m.to : new Date(stop - 1);
    add(await tallySlice(store.db, store.dialect, m, { from: new Date(start), to: upTo }, jurisdiction));
    if (last) break;
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (m.attached.length) add(await tallySlice(store.db, store.dialect, m, 'attached', jurisdiction));
  return { groups: [...groups.values()], reports: t.reports, reports911: t.reports911, reportsSos: t.reportsSos, reportsInJurisdiction: jurisdiction ? t.jur : null, endMs };
}

/** An open incident's tally is reused for this long (its figures say as of when). */
export const OPEN_TALLY_MAX_AGE_MS = 60_000;

const keyOf = (i: StoredIncident, m: Membership, jurisdiction: string | undefined) =>
  [VERSION, i.onsetAt, i.resolvedAt ?? 'open', i.network, membershipKey(m), jurisdiction ?? ''].join('|');

/** Tallies per incident: resolved ones stored in the database and kept in memory, open ones for a minute. */
export class ImpactTallies {
  readonly #memory = new Map<string, { key: string; at: number; tally: IncidentTally }>();
  readonly #pending = new Map<string, Promise<IncidentTally>>();

  constructor(
    private readonly store: Store,
    private readonly jurisdiction: string | undefined,
    private readonly maxEntries = 200,
  ) {}

  async of(i: StoredIncident, now: Date): Promise<IncidentTally> {
    const m = await incidentMembership(this.store.db, i, now);
    // An open incident's end moves with the clock: its key is its start and sources, not its end.
    const key = keyOf(i, i.resolvedAt ? m : { ...m, sources: m.sources.map((s) => ({ ...s, to: new Date(0) })) }, this.jurisdiction);
    const hit = this.#memory.get(i.id);
    if (hit && hit.key === key && (i.resolvedAt || now.getTime() - hit.at < OPEN_TALLY_MAX_AGE_MS)) return hit.tally;
    const running = this.#pending.get(key);
    if (running) return running;
    const p = this.#load(i, m, key, now).finally(() => this.#pending.delete(key));
    this.#pending.set(key, p);
    return p;
  }

  async #load(i: StoredIncident, m: Membership, key: string, now: Date): Promise<IncidentTally> {
    if (i.resolvedAt) {
      const row = await this.store.db.selectFrom('impact_tallies').select(['key', 'body']).where('incident_id', '=', i.id).executeTakeFirst();
      if (row && row.key === key) return this.#remember(i.id, key, now, JSON.parse(row.body) as IncidentTally);
    }
    const tally = await countTally(this.store, m, this.jurisdiction);
    if (i.resolvedAt) {
      const values = { incident_id: i.id, key, computed_at: now, body: JSON.stringify(tally) };
      await this.store.db
        .insertInto('impact_tallies')
        .values(values)
        .onConflict((oc) => oc.column('incident_id').doUpdateSet({ key, computed_at: now, body: values.body }))
        .execute();
    }
    return this.#remember(i.id, key, now, tally);
  }

  /** Reads the stored tallies of these resolved incidents into memory (never counts). */
  async preload(incidents: readonly StoredIncident[], now: Date): Promise<string[]> {
    const loaded: string[] = [];
    for (const i of incidents) {
      if (!i.resolvedAt || this.#memory.has(i.id)) continue;
      const m = await incidentMembership(this.store.db, i, now);
      const key = keyOf(i, m, this.jurisdiction);
      const row = await this.store.db.selectFrom('impact_tallies').select(['key', 'body']).where('incident_id', '=', i.id).executeTakeFirst();
      if (row && row.key === key) {
        this.#remember(i.id, key, now, JSON.parse(row.body) as IncidentTally);
        loaded.push(i.id);
      }
    }
    return loaded;
  }

  #remember(id: string, key: string, now: Date, tally: IncidentTally): IncidentTally {
    if (!this.#memory.has(id) && this.#memory.size >= this.maxEntries) this.#memory.delete(this.#memory.keys().next().value!);
    this.#memory.set(id, { key, at: now.getTime(), tally });
    return tally;
  }
}

/**
 * Counts and stores the tallies of resolved incidents that have none yet (after an import), so
 * the first look at a national incident is as quick as the next. Returns how many were counted.
 */
export async function warmImpactTallies(store: Store, jurisdiction: string | undefined, incidents: readonly StoredIncident[]): Promise<number> {
  const tallies = new ImpactTallies(store, jurisdiction);
  let n = 0;
  for (const i of incidents) {
    if (!i.resolvedAt) continue;
    await tallies.of(i, new Date());
    n++;
  }
  return n;
}
