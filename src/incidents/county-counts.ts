// Where an incident's reports came from: stored reports of its network received between its
// onset and its end (or now), per county. A national incident has ~1 M reports to group, so a
// resolved incident's answer (which can no longer change) is kept in memory.
import { sql, type Kysely } from 'kysely';
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

/** One range on the (network, received_at) index, grouped by county; most reports first. */
export async function countyCounts(db: Kysely<Database>, network: string, from: Date, to: Date): Promise<CountyCount[]> {
  const rows = await db
    .selectFrom('reports')
    .select(['county', sql<number | string>`count(*)`.as('n')])
    .where('network', '=', network)
    .where('received_at', '>=', from)
    .where('received_at', '<=', to)
    .where('county', '!=', '')
    .groupBy('county')
    .execute();
  return rows.map((r) => ({ county: r.county, count: Number(r.n) })).sort((a, b) => b.count - a.count || a.county.localeCompare(b.county));
}

/** Resolved incidents are kept (bounded: the oldest answer goes first); open ones are always counted afresh. */
export class IncidentCountyCounts {
  readonly #cache = new Map<string, IncidentCounties>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly maxEntries = 200,
  ) {}

  async of(incident: StoredIncident, now: Date): Promise<IncidentCounties> {
    const key = incident.resolvedAt ? `${incident.id}@${incident.resolvedAt}` : undefined;
    const cached = key ? this.#cache.get(key) : undefined;
    if (cached) return cached;
    const to = incident.resolvedAt ? new Date(incident.resolvedAt) : now;
    const items = await countyCounts(this.db, incident.network, new Date(incident.onsetAt), to);
    const answer = { incidentId: incident.id, total: items.reduce((n, c) => n + c.count, 0), items };
    if (key) {
      if (this.#cache.size >= this.maxEntries) this.#cache.delete(this.#cache.keys().next().value!);
      this.#cache.set(key, answer);
    }
    return answer;
  }
}
