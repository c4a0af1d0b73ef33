// A large store for the dossier bench: N simulated reports written straight by the database
// (one INSERT … SELECT over a generated series, the report indexes dropped during the fill and
// rebuilt after), plus the 22 Feb 2024 AT&T incident they hold. Kept between runs: SQLite under
// BENCH_STORE_DIR/sqlite-<N>, Postgres as database od_bench_desk_<N>; a second run reuses them.
// The reports: real ZIPs (every 7th, plus the ones the bench filters by), 60 % on AT&T's
// network, evenly over 12 h before the onset to 6 h after the end, UUIDv7-shaped ids in
// receipt order, and one description in 100,000 naming a rare phrase (the text search's worst case).
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { upsertIncidents, type StoredIncident } from '../src/incidents/index.js';
import { allZips } from '../src/reference/index.js';
import { openStore, type Store } from '../src/store/index.js';

export const ID = 'att-20240222T0845Z';
export const ONSET = Date.parse('2024-02-22T08:45:00Z');
export const END = Date.parse('2024-02-22T20:10:00Z');
const FIRST = ONSET - 12 * 3600_000;
const SPAN = END + 6 * 3600_000 - FIRST;
export const RARE_PHRASE = 'tower fire';

export const INCIDENT: StoredIncident = {
  id: ID, network: 'att', status: 'resolved', kind: 'primary', primaryIncidentId: null, scope: { level: 'nation', regions: ['US'] },
  services: { voice: 0.9, sms: 0.5, data: 0.7, '911': 0.1 }, onsetAt: new Date(ONSET).toISOString(), detectedAt: new Date(ONSET + 180_000).toISOString(),
  resolvedAt: new Date(END).toISOString(), reportCount: 1, peak: { at: new Date(ONSET + 5 * 3600_000).toISOString(), count: 1 },
  evidence: { opening: { level: 'nation', region: 'US', windowMinutes: 5, observed: 1, expected: 1, tested: 1, llr: 1, ratio: 1, duplicateShare: 0, elevatedMinutes: 5 }, collateral: null },
  series: [],
};

function zipRows(): { zip: string; county: string; state: string }[] {
  const all = [...allZips()];
  const zips = all.filter((_, k) => k % 7 === 0);
  for (const z of ['59801', '10001', '82001']) if (!zips.some((x) => x.zip === z)) zips.push(all.find((x) => x.zip === z)!);
  return zips.map((z) => ({ zip: z.zip, county: z.county, state: z.state }));
}

const CARRIERS = ['att', 'att', 'att', 'att', 'cricket', 'verizon', 'tmobile', 'visible', 'att', 'att'];
const SERVICES = ['voice', 'voice,data', 'voice,sms,data', 'data', 'voice,sms,data,911', 'sms'];
const DESCRIPTIONS = ['No service', 'SOS only since this morning', 'Calls fail', 'No bars'];
const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;
const caseOf = (expr: string, values: string[]) => `case ${expr} ${values.map((v, k) => `when ${k} then ${lit(v)}`).join(' ')} end`;
const networkOf = (c: string) => `case when ${c} in ('att','cricket') then 'att' when ${c} in ('verizon','visible') then 'verizon' else 'tmobile' end`;

export interface BenchStore {
  store: Store;
  rows: number;
  /** Seconds spent generating (0 when the cached store was reused). */
  generatedS: number;
}

async function timed(fill: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await fill();
  return (performance.now() - t0) / 1000;
}

/** The SQLite bench store with `rows` reports under `dir`, generated unless already there. */
export async function sqliteBenchStore(dir: string, rows: number): Promise<BenchStore> {
  const dataDir = path.join(dir, `sqlite-${rows}`);
  const marker = path.join(dataDir, 'bench-ready.json');
  if (fs.existsSync(marker)) return { store: await openStore({ dataDir }), rows, generatedS: 0 };
  fs.rmSync(dataDir, { recursive: true, force: true });
  const store = await openStore({ dataDir });
  const generatedS = await timed(async () => {
    await sql`pragma synchronous = off`.execute(store.db);
    await sql`pragma cache_size = -1000000`.execute(store.db);
    // The indexes and the text index's triggers go during the fill; each is rebuilt once after.
    const indexes = (await sql<{ type: string; name: string; sql: string }>`select type, name, sql from sqlite_master where type in ('index', 'trigger') and tbl_name = 'reports' and sql is not null`.execute(store.db)).rows;
    for (const i of indexes) await sql.raw(`drop ${i.type} ${i.name}`).execute(store.db);
    await sql`create temp table bench_zips (k integer primary key, zip text, county text, state text)`.execute(store.db);
    const zips = zipRows();
    for (let k = 0; k < zips.length; k += 500) {
      const chunk = zips.slice(k, k + 500);
      await sql.raw(`insert into bench_zips values ${chunk.map((z, j) => `(${k + j}, ${lit(z.zip)}, ${lit(z.county)}, ${lit(z.state)})`).join(',')}`).execute(store.db);
    }
    const step = 1_000_000;
    for (let lo = 1; lo <= rows; lo += step) {
      const hi = Math.min(rows, lo + step - 1);
      await sql.raw(`
        with recursive g(n) as (select ${lo} union all select n + 1 from g where n < ${hi}),
        x as (select n, ${FIRST} + (n * ${SPAN}) / ${rows} as t, ${caseOf(`(n * 7) % 10`, CARRIERS)} as c from g)
        insert into reports (id, reference, received_at, carrier, network, services, sos_mode, zip, county, state, started_at, ended_at, called_carrier, called_network,
          description, contact_name, contact_email, contact_phone, consent_to_contact, source, fingerprint, idempotency_key, request_hash)
        select printf('%08x-%04x-7000-8000-%012x', t >> 16, t & 65535, n), 'OD-B' || n, t, c, ${networkOf('c')},
          ${caseOf('n % 6', SERVICES)}, (n % 3 = 0), z.zip, z.county, z.state, t - 1200000, case when n % 4 = 0 then t + 7200000 end, null, null,
          case when n % 100000 = 0 then ${lit(`A ${RARE_PHRASE} took the mast down`)} else ${caseOf('n % 4', DESCRIPTIONS)} end,
          null, case when n % 10 = 0 then 'r' || n || '@example.org' end, null, 0, 'sim', 'fp' || n, null, null
        from x join bench_zips z on z.k = x.n % ${zips.length}`).execute(store.db);
      process.stderr.write(`  sqlite: ${hi.toLocaleString('en-US')} reports\n`);
    }
    for (const i of indexes) await sql.raw(i.sql).execute(store.db);
    await sql`insert into reports_text (reports_text) values ('rebuild')`.execute(store.db);
    await sql`update reports_text_progress set indexed_rowid = (select coalesce(max(rowid), 0) from reports)`.execute(store.db);
    // No ANALYZE: the server never runs it, so its SQLite plans without statistics; so does the bench.
    await upsertIncidents(store.db, [INCIDENT]);
    await sql`pragma synchronous = full`.execute(store.db);
  });
  fs.writeFileSync(marker, JSON.stringify({ rows, generatedS }));
  return { store, rows, generatedS };
}

/** The Postgres bench store (database `<prefix>_<rows>`), generated unless already complete. */
export async function postgresBenchStore(adminUrl: string, rows: number, prefix = 'od_bench_desk'): Promise<BenchStore> {
  const name = `${prefix}_${rows}`;
  const url = adminUrl.replace(/\/[^/]*$/, `/${name}`);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  if (exists) {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const ready = await c.query(`select 1 from pg_tables where tablename = 'bench_ready'`);
    await c.end();
    if (ready.rowCount === 1) {
      await admin.end();
      return { store: await openStore({ dataDir: '', databaseUrl: url }), rows, generatedS: 0 };
    }
    await admin.query(`drop database ${name}`);
  }
  await admin.query(`create database ${name}`);
  await admin.end();
  const store = await openStore({ dataDir: '', databaseUrl: url });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const generatedS = await timed(async () => {
    await client.query(`set maintenance_work_mem = '1GB'`);
    await client.query('set synchronous_commit = off');
    // Plain indexes only: those behind constraints (primary and unique keys) stay.
    const indexes = (await client.query<{ indexname: string; indexdef: string }>(`select indexname, indexdef from pg_indexes i where tablename = 'reports'
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`)).rows;
    for (const i of indexes) await client.query(`drop index ${i.indexname}`);
    const zips = zipRows();
    await client.query('create temp table bench_zips (k int primary key, zip text, county text, state text)');
    await client.query(`insert into bench_zips select * from unnest($1::int[], $2::text[], $3::text[], $4::text[])`,
      [zips.map((_, k) => k), zips.map((z) => z.zip), zips.map((z) => z.county), zips.map((z) => z.state)]);
    const step = 1_000_000;
    for (let lo = 1; lo <= rows; lo += step) {
      const hi = Math.min(rows, lo + step - 1);
      await client.query(`
        insert into reports (id, reference, received_at, carrier, network, services, sos_mode, zip, county, state, started_at, ended_at, called_carrier, called_network,
          description, contact_name, contact_email, contact_phone, consent_to_contact, source, fingerprint, idempotency_key, request_hash)
        select lpad(to_hex(t >> 16), 8, '0') || '-' || lpad(to_hex(t & 65535), 4, '0') || '-7000-8000-' || lpad(to_hex(n), 12, '0'), 'OD-B' || n,
          (timestamptz 'epoch' + t * interval '1 millisecond'), c, ${networkOf('c')}, ${caseOf('n % 6', SERVICES)}, (n % 3 = 0)::int, z.zip, z.county, z.state,
          (timestamptz 'epoch' + (t - 1200000) * interval '1 millisecond'), case when n % 4 = 0 then (timestamptz 'epoch' + (t + 7200000) * interval '1 millisecond') end, null, null,
          case when n % 100000 = 0 then ${lit(`A ${RARE_PHRASE} took the mast down`)} else ${caseOf('n % 4', DESCRIPTIONS)} end,
          null, case when n % 10 = 0 then 'r' || n || '@example.org' end, null, 0, 'sim', 'fp' || n, null, null
        from (select n, ${FIRST}::bigint + (n * ${SPAN}::bigint) / ${rows} as t, ${caseOf('(n * 7) % 10', CARRIERS)} as c from generate_series(${lo}::bigint, ${hi}::bigint) n) x
        join bench_zips z on z.k = x.n % ${zips.length}`);
      process.stderr.write(`  postgres: ${hi.toLocaleString('en-US')} reports\n`);
    }
    for (const i of indexes) await client.query(i.indexdef);
    await client.query('analyze');
    await upsertIncidents(store.db, [INCIDENT]);
    await client.query('create table bench_ready (rows bigint)');
  });
  await client.end();
  return { store, rows, generatedS };
}
