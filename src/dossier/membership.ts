// Which stored reports belong to an incident: its network's reports received between its onset
// and its end (or now), from its scope (counties, states or the nation). The one definition the
// complaints table, the exports and the impact tally share, so they always count the same rows.
import type { ExpressionBuilder, Kysely, SelectQueryBuilder } from 'kysely';
import type { StoredIncident } from '../incidents/index.js';
import type { Database } from '../store/schema.js';

export interface Membership {
  network: string;
  from: Date;
  to: Date;
  counties: string[] | null;
  states: string[] | null;
}

export function membershipOf(i: StoredIncident, now: Date): Membership {
  const to = i.resolvedAt ? new Date(i.resolvedAt) : now;
  const regions = i.scope.regions;
  return {
    network: i.network,
    from: new Date(i.onsetAt),
    to,
    counties: i.scope.level === 'county' ? regions : null,
    states: i.scope.level === 'state' ? regions : null,
  };
}

type ReportsQuery<O> = SelectQueryBuilder<Database, 'reports', O>;

/** Restricts a query on `reports` to the incident's reports (received_at in [from, to]). */
export function withinIncident<O>(q: ReportsQuery<O>, m: Membership, from = m.from, to = m.to): ReportsQuery<O> {
  let out = q.where('network', '=', m.network).where('received_at', '>=', from).where('received_at', '<=', to);
  if (m.counties) out = out.where('county', 'in', m.counties);
  if (m.states) out = out.where('state', 'in', m.states);
  return out;
}

export const reportsOf = (db: Kysely<Database>, m: Membership): ReportsQuery<object> => withinIncident(db.selectFrom('reports'), m);

export type ReportsEb = ExpressionBuilder<Database, 'reports'>;
