// Which stored reports belong to an incident: by default its network's reports received between
// its onset and its end (or now), from its scope (counties, states or the nation). Staff can
// change that by merging and splitting: the incident's membership is then a list of sources,
// each "the reports of incident X" (X's own window and scope, as detection keeps them), narrowed
// to some regions or excluding some. A report is the incident's when any source takes it, so a
// merge counts a report once however many sources hold it, and a split's two sides (regions R,
// everything but R) take each report exactly once. The one definition the complaints table, the
// exports and the impact tally share. On top of the sources, staff attach or detach single
// reports (case_reports): an attached report is its incident's alone (every other incident
// leaves it out), a detached one leaves that incident (and the incidents it is merged or split into).
import type { Kysely, SelectQueryBuilder } from 'kysely';
import { getIncident, type StoredIncident } from '../incidents/index.js';
import type { Database } from '../store/schema.js';

export interface RegionSet {
  level: 'county' | 'state';
  regions: string[];
}

/** As stored in the case file: which incident's reports, narrowed to `only` (all of them) and not in `exclude` (any). */
export interface StoredSource {
  of: string;
  only: RegionSet[];
  exclude: RegionSet[];
}

export interface MembershipSource {
  from: Date;
  to: Date;
  /** The source incident's own scope, then the narrowing. */
  only: RegionSet[];
  exclude: RegionSet[];
}

export interface Membership {
  network: string;
  /** Earliest and latest receipt any source takes (for slicing and the impact's bounds). */
  from: Date;
  to: Date;
  sources: MembershipSource[];
  /** Reports staff attached to this incident: in it wherever and whenever they are. */
  attached: string[];
  /** Reports the sources would take that are not this incident's: detached from it, or attached (here or elsewhere). */
  excluded: string[];
}

const endOf = (i: StoredIncident, now: Date) => (i.resolvedAt ? new Date(i.resolvedAt) : now);

/** The incident's own scope as a narrowing (a nation needs none). */
export function scopeSet(i: StoredIncident): RegionSet[] {
  if (i.scope.level === 'county') return [{ level: 'county', regions: i.scope.regions }];
  if (i.scope.level === 'state') return [{ level: 'state', regions: i.scope.regions }];
  return [];
}

const sourceOf = (i: StoredIncident, now: Date, s: Pick<StoredSource, 'only' | 'exclude'> = { only: [], exclude: [] }): MembershipSource => ({
  from: new Date(i.onsetAt), to: endOf(i, now), only: [...scopeSet(i), ...s.only], exclude: s.exclude,
});

function bounded(network: string, sources: MembershipSource[], fallback: StoredIncident, now: Date): Membership {
  if (sources.length === 0) return { network, from: new Date(fallback.onsetAt), to: endOf(fallback, now), sources, attached: [], excluded: [] };
  return {
    network,
    from: new Date(Math.min(...sources.map((s) => s.from.getTime()))),
    to: new Date(Math.max(...sources.map((s) => s.to.getTime()))),
    sources,
    attached: [],
    excluded: [],
  };
}

/** Membership without staff changes: the incident's own window and scope. */
export function membershipOf(i: StoredIncident, now: Date): Membership {
  return bounded(i.network, [sourceOf(i, now)], i, now);
}

export const DEFAULT_SOURCES = (id: string): StoredSource[] => [{ of: id, only: [], exclude: [] }];

/** The membership of an incident, with the sources staff set by merging or splitting (if any) and the reports they attached or detached. */
export async function incidentMembership(db: Kysely<Database>, i: StoredIncident, now: Date): Promise<Membership> {
  const row = await db.selectFrom('case_files').select('membership').where('incident_id', '=', i.id).executeTakeFirst();
  return withReportLinks(db, i.id, await sourcesOf(db, i, row?.membership ?? null, now));
}

async function sourcesOf(db: Kysely<Database>, i: StoredIncident, membership: string | null, now: Date): Promise<Membership> {
  if (!membership) return membershipOf(i, now);
  const sources: MembershipSource[] = [];
  for (const s of JSON.parse(membership) as StoredSource[]) {
    const of = s.of === i.id ? i : await getIncident(db, s.of);
    if (of) sources.push(sourceOf(of, now, s));
  }
  return bounded(i.network, sources, i, now);
}

const ID_CHUNK = 500;

/**
 * Adds the single reports staff attached here, and leaves out of the sources the reports
 * detached from here or attached to any incident (this one's come back as attached). Attached
 * reports are few (one staff action each); only those of the sources' network and window are
 * excluded, so the list stays as short as the incident's own decisions.
 */
async function withReportLinks(db: Kysely<Database>, id: string, m: Membership): Promise<Membership> {
  const links = await db.selectFrom('case_reports').select(['incident_id', 'report_id', 'kind']).where((eb) => eb.or([eb('incident_id', '=', id), eb('kind', '=', 'attached')])).execute();
  if (links.length === 0) return m;
  const mine = links.filter((l) => l.incident_id === id);
  const attached = mine.filter((l) => l.kind === 'attached').map((l) => l.report_id);
  const excluded = new Set(mine.filter((l) => l.kind === 'detached').map((l) => l.report_id));
  const pinned = [...new Set(links.filter((l) => l.kind === 'attached').map((l) => l.report_id))];
  for (let k = 0; k < pinned.length && m.sources.length; k += ID_CHUNK) {
    const inWindow = await db.selectFrom('reports').select('id').where('id', 'in', pinned.slice(k, k + ID_CHUNK))
      .where('network', '=', m.network).where('received_at', '>=', m.from).where('received_at', '<=', m.to).execute();
    for (const r of inWindow) excluded.add(r.id);
  }
  return { ...m, attached: attached.sort(), excluded: [...excluded].sort() };
}

type ReportsQuery<O> = SelectQueryBuilder<Database, 'reports', O>;

/**
 * Restricts a query on `reports` to the incident's reports received in [from, to] (or [from, to)
 * with `toExclusive`), a range inside the membership's. One range on received_at, so an index
 * walks only it.
 */
export function withinIncident<O>(q: ReportsQuery<O>, m: Membership, from = m.from, to = m.to, toExclusive = false): ReportsQuery<O> {
  let out = q.where('network', '=', m.network).where('received_at', '>=', from).where('received_at', toExclusive ? '<' : '<=', to);
  if (m.sources.length === 0) return out.where('id', '=', ''); // merged away: no reports
  if (m.excluded.length) out = out.where('id', 'not in', m.excluded);
  if (m.sources.length === 1) return narrowed(out, m.sources[0]!);
  out = out.where((eb) =>
    eb.or(
      m.sources.map((s) => {
        const parts = [eb('received_at', '>=', s.from), eb('received_at', '<=', s.to)];
        for (const r of s.only) parts.push(eb(r.level, 'in', r.regions));
        for (const r of s.exclude) parts.push(eb(r.level, 'not in', r.regions));
        return eb.and(parts);
      }),
    ),
  );
  return out;
}

/**
 * Restricts a query on `reports` to the reports attached to the incident, received in
 * [since, until) when given (attached reports may lie outside the sources' window and scope).
 */
export function attachedToIncident<O>(q: ReportsQuery<O>, m: Membership, since?: Date, until?: Date): ReportsQuery<O> {
  let out = q.where('id', 'in', m.attached.length ? m.attached : ['']);
  if (since) out = out.where('received_at', '>=', since);
  if (until) out = out.where('received_at', '<', until);
  return out;
}

/** One source: its bounds are the membership's (already applied), plus its regions. */
function narrowed<O>(q: ReportsQuery<O>, s: MembershipSource): ReportsQuery<O> {
  let out = q;
  for (const r of s.only) out = out.where(r.level, 'in', r.regions);
  for (const r of s.exclude) out = out.where(r.level, 'not in', r.regions);
  return out;
}

/** A stable text of a membership (for cache keys; without single reports as before they existed, so stored tallies stay valid). */
export function membershipKey(m: Membership): string {
  const sources = JSON.stringify(m.sources.map((s) => [s.from.toISOString(), s.to.toISOString(), s.only, s.exclude]));
  return m.attached.length || m.excluded.length ? `${sources}|${JSON.stringify([m.attached, m.excluded])}` : sources;
}
