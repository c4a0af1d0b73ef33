// The store reads behind the status page: grouped counts per time bucket. The bucket expression
// differs between the stores (SQLite keeps epoch milliseconds, PostgreSQL timestamptz), so it is
// chosen explicitly; both answer the bucket start in epoch milliseconds.
import { sql, type RawBuilder } from 'kysely';
import type { Dialect, Store } from '../store/index.js';
import type { CountyRow, TotalsRow } from './counts.js';

function bucketOf(dialect: Dialect, ms: number): RawBuilder<number | string> {
  if (dialect === 'sqlite') return sql<number>`(received_at / ${sql.lit(ms)}) * ${sql.lit(ms)}`;
  if (dialect === 'postgres') return sql<string>`(floor(extract(epoch from received_at) * 1000 / ${sql.lit(ms)}) * ${sql.lit(ms)})::bigint`;
  throw new Error(`no bucket expression for store ${String(dialect)}`);
}

/** Reports received in [from, to), per slice of `sliceMs`, network, service list and SOS mode. */
export async function totalsBetween(store: Store, from: Date, to: Date, sliceMs: number): Promise<TotalsRow[]> {
  const at = bucketOf(store.dialect, sliceMs);
  const rows = await store.db
    .selectFrom('reports')
    .select([at.as('at'), 'network', 'services', 'sos_mode', sql<number | string>`count(*)`.as('n')])
    .where('received_at', '>=', from)
    .where('received_at', '<', to)
    .groupBy([at, 'network', 'services', 'sos_mode'])
    .execute();
  return rows.map((r) => ({ at: Number(r.at), network: r.network, services: r.services, sos: r.sos_mode === 1, n: Number(r.n) }));
}

/** Reports received in [from, to), per hour of `hourMs`, network and county. */
export async function countiesBetween(store: Store, from: Date, to: Date, hourMs: number): Promise<CountyRow[]> {
  const at = bucketOf(store.dialect, hourMs);
  const rows = await store.db
    .selectFrom('reports')
    .select([at.as('at'), 'network', 'county', sql<number | string>`count(*)`.as('n')])
    .where('received_at', '>=', from)
    .where('received_at', '<', to)
    .groupBy([at, 'network', 'county'])
    .execute();
  return rows.map((r) => ({ at: Number(r.at), network: r.network, county: r.county, n: Number(r.n) }));
}

/** Reports from one county received after `since`, per network. */
export async function countyNetworksSince(store: Store, county: string, since: Date): Promise<Map<string, number>> {
  const rows = await store.db
    .selectFrom('reports')
    .select(['network', sql<number | string>`count(*)`.as('n')])
    .where('received_at', '>', since)
    .where('county', '=', county)
    .groupBy('network')
    .execute();
  return new Map(rows.map((r) => [r.network, Number(r.n)]));
}
