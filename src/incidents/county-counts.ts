// Where an incident's reports came from: stored reports of its network received between its
// onset and its end (or now), per county. A national incident has ~1 M reports to group, so a
// resolved incident's answer (which can no longer change) is kept in memory.
import { sql, type Kysely } from 'kysely';
import type { Store } from '../store/index.js';
import type { Database } from '../store/schema.js';
import type { StoredIncident } from './queries.js';

export interface CountyCount {
  county: string; // 5-digit FIPS
  count: number;
}

export interface IncidentCounties {
  incidentId: string;
  total: number;
  items: CountyCount[];
}

/** One range on the (network, received_at) index, grouped by county. */
async function countRange(db: Kysely<Database>, network: string, from: Date, to: Date, last: boolean): Promise<Array<{ county: string; n: number | string }>> {
  return db
    .selectFrom('reports')
    .select(['county', sql<number | string>`count(*)`.as('n')])
    .where('network', '=', network)
    .where('received_at', '>=', from)
    .where('received_at', last ? '<=' : '<', to)
    .where('county', '!=', '')
    .groupBy('county')
    .execute();
}

/**
 * SQLite runs on the server's own thread: one query over a national incident's ~1 M rows would
 * stall every request (intake too) for seconds, so it is counted in 15-minute slices with a turn
 * for other work between them. PostgreSQL counts in its own process, in one query.
 */
export const SQLITE_SLICE_MS = 15 * 60_000;

/** Reports per county, most first. */
export async function countyCounts(store: Store, network: string, from: Date, to: Date): Promise<CountyCount[]> {
  const slice = store.dialect === 'sqlite' ? SQLITE_SLICE_MS : Infinity;
  const totals = new Map<string, number>();
  for (let start = from.getTime(); start <= to.getTime(); start += slice) {
    const end = Math.min(start + slice, to.getTime());
    const last = end === to.getTime();
    for (const r of await countRange(store.db, network, new Date(start), new Date(end), last)) totals.set(r.county, (totals.get(r.county) ?? 0) + Number(r.n));
    if (last) break;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return [...totals].map(([county, count]) => ({ county, count })).sort((a, b) => b.count - a.count || a.county.localeCompare(b.county));
}

/** Resolved incidents are kept (bounded: the oldest answer goes first); open ones are always counted afresh. */
export class IncidentCountyCounts {
  readonly #cache = new Map<string, IncidentCounties>();

  constructor(
    private readonly store: Store,
    private readonly maxEntries = 200,
  ) {}

  async of(incident: StoredIncident, now: Date): Promise<IncidentCounties> {
    const key = incident.resolvedAt ? `${incident.id}@${incident.resolvedAt}` : undefined;
    const cached = key ? this.#cache.get(key) : undefined;
    if (cached) return cached;
    const to = incident.resolvedAt ? new Date(incident.resolvedAt) : now;
    const items = await countyCounts(this.store, incident.network, new Date(incident.onsetAt), to);
    const answer = { incidentId: incident.id, total: items.reduce((n, c) => n + c.count, 0), items };
    if (key) {
      if (this.#cache.size >= this.maxEntries) this.#cache.delete(this.#cache.keys().next().value!);
      this.#cache.set(key, answer);
    }
    return answer;
  }
}
