// The investigation's queries on a large store, embedded and Postgres: p50/p95 of the incident
// API and of a complaints page under each filter, the CSV export (rows/s and peak memory over up
// to 1 M rows) and the PDF dossier's time. A real HTTP server in this process, real stores.
//   tsx bench/dossier.ts                     SQLite: BENCH_SQLITE_DIR (a store holding the replayed
//                                            22 Feb 2024 day, e.g. the contract's), else skipped
//                                            Postgres: BENCH_PG_ROWS synthetic reports (default 2 M)
// Ends with one summary line: dossier_bench=<store>:incident_p95=…,worst_page_p95=…,csv_rows_s=…,csv_peak_mb=…,pdf_s=…
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { buildApp } from '../src/http/app.js';
import { createContext } from '../src/http/server.js';
import { upsertIncidents, type StoredIncident } from '../src/incidents/index.js';
import { allZips } from '../src/reference/index.js';
import { createUser, issueApiToken } from '../src/staff/index.js';
import { openStore, type Store } from '../src/store/index.js';

const ID = 'att-20240222T0845Z';
const ONSET = Date.parse('2024-02-22T08:45:00Z');
const END = Date.parse('2024-02-22T20:10:00Z');
const CALLS = 15;

const QUERIES = [
  `incidents/${ID}`,
  `incidents/${ID}/reports?limit=50`,
  `incidents/${ID}/reports?zip=59801&limit=50`,
  `incidents/${ID}/reports?zip=10001&service=911&limit=50`,
  `incidents/${ID}/reports?county=36061&limit=50`,
  `incidents/${ID}/reports?state=56&service=sms&limit=50`,
  `incidents/${ID}/reports?carrier=cricket&limit=50`,
  `incidents/${ID}/reports?sos=true&limit=50`,
  `incidents/${ID}/reports?since=2024-02-22T12:00:00Z&until=2024-02-22T12:30:00Z&limit=50`,
  `incidents/${ID}/reports?q=sos&limit=50`,
  `incidents/${ID}/reports?order=oldest&limit=50`,
  'reports?zip=59801&limit=50',
  'reports?county=36061&limit=50',
  'reports?state=56&service=sms&limit=50',
];

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.ceil(p * xs.length) - 1]!;

/** Synthetic reports straight into Postgres (generate_series): real ZIPs, AT&T-heavy during the outage. */
async function fillPostgres(url: string, rows: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const zips = [...allZips()].filter((_, k) => k % 7 === 0);
  for (const z of ['59801', '10001', '82001']) if (!zips.some((x) => x.zip === z)) zips.push([...allZips()].find((x) => x.zip === z)!);
  const span = END + 6 * 3600_000 - (ONSET - 12 * 3600_000);
  await client.query(`
    insert into reports (id, reference, received_at, carrier, network, services, sos_mode, zip, county, state, started_at, ended_at, called_carrier, called_network,
      description, contact_name, contact_email, contact_phone, consent_to_contact, source, fingerprint, idempotency_key, request_hash)
    select 'b' || lpad(g::text, 12, '0'), 'OD-B' || g, t, c, case when c in ('att','cricket') then 'att' when c in ('verizon','visible') then 'verizon' else 'tmobile' end,
      (array['voice','voice,data','voice,sms,data','data','voice,sms,data,911','sms'])[1 + g % 6], (g % 3 = 0)::int, z.zip, z.county, z.state,
      t - interval '20 minutes', case when g % 4 = 0 then t + interval '2 hours' else null end, null, null,
      (array['No service','SOS only since this morning','Calls fail','No bars'])[1 + g % 4], null, case when g % 10 = 0 then 'r' || g || '@example.org' else null end, null, 0, 'sim', 'fp' || g, null, null
    from generate_series(1, $1::int) g
    cross join lateral (select to_timestamp(($2::bigint + (g::bigint * $3::bigint) / $1::bigint) / 1000.0) as t,
      (array['att','att','att','att','cricket','verizon','tmobile','visible','att','att'])[1 + (g * 7) % 10] as c) x
    cross join lateral (select (array[${zips.map((_, k) => `$${4 + k * 3}::text`).join(',')}])[1 + g % ${zips.length}] as zip,
      (array[${zips.map((_, k) => `$${5 + k * 3}::text`).join(',')}])[1 + g % ${zips.length}] as county,
      (array[${zips.map((_, k) => `$${6 + k * 3}::text`).join(',')}])[1 + g % ${zips.length}] as state) z`,
    [rows, ONSET - 12 * 3600_000, span, ...zips.flatMap((z) => [z.zip, z.county, z.state])]);
  await client.query('analyze reports');
  await client.end();
}

const INCIDENT: StoredIncident = {
  id: ID, network: 'att', status: 'resolved', kind: 'primary', primaryIncidentId: null, scope: { level: 'nation', regions: ['US'] },
  services: { voice: 0.9, sms: 0.5, data: 0.7, '911': 0.1 }, onsetAt: new Date(ONSET).toISOString(), detectedAt: new Date(ONSET + 180_000).toISOString(),
  resolvedAt: new Date(END).toISOString(), reportCount: 1, peak: { at: new Date(ONSET + 5 * 3600_000).toISOString(), count: 1 },
  evidence: { opening: { level: 'nation', region: 'US', windowMinutes: 5, observed: 1, expected: 1, tested: 1, llr: 1, ratio: 1, duplicateShare: 0, elevatedMinutes: 5 }, collateral: null },
  series: [],
};

async function measure(name: string, store: Store): Promise<string> {
  const config = loadConfig({ LOG_LEVEL: 'warn', DETECT: 'false', INTAKE_RATE_LIMIT: '0', JURISDICTION: 'NY' });
  const ctx = await createContext(config, store);
  const app = await buildApp(ctx, { logger: false });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const { user } = await createUser(store.db, `bench-${Date.now()}@example.org`, 'investigator');
  await store.db.updateTable('users').set({ must_change_password: 0 }).where('id', '=', user.id).execute();
  const H = { authorization: `Bearer ${(await issueApiToken(store.db, user.id, 'bench')).secret}` };
  const total = Number((await sql<{ n: string }>`select count(*) as n from reports`.execute(store.db)).rows[0]!.n);
  console.log(`${name}: ${total.toLocaleString('en-US')} reports`);
  const t0 = performance.now();
  await (await fetch(`${base}/api/v1/incidents/${ID}`, { headers: H })).arrayBuffer();
  console.log(`  first incident read (tally of its reports, kept after): ${(performance.now() - t0).toFixed(0)} ms`);
  let worstPage = 0;
  let incidentP95 = 0;
  // BENCH_CSV_ONLY=1: skip the pages and the PDF (the CSV runs BENCH_CSV_RUNS times, default 1).
  for (const q of process.env.BENCH_CSV_ONLY ? [] : QUERIES) {
    const ts: number[] = [];
    let status = 0;
    for (let k = 0; k < CALLS; k++) {
      const s = performance.now();
      const r = await fetch(`${base}/api/v1/${q}`, { headers: H });
      await r.arrayBuffer();
      ts.push(performance.now() - s);
      status = r.status;
    }
    const p95 = pct(ts, 0.95);
    if (q === `incidents/${ID}`) incidentP95 = p95;
    else worstPage = Math.max(worstPage, p95);
    console.log(`  ${q.replace(ID, ':id').padEnd(72)} p50 ${pct(ts, 0.5).toFixed(1).padStart(7)} ms  p95 ${p95.toFixed(1).padStart(7)} ms  (${status})`);
  }
  // CSV: the whole incident (up to 1 M rows read), rows/s and the process's peak memory; median and worst over the runs.
  const runs: { rowsS: number; peak: number }[] = [];
  let rows = 0;
  for (let run = 0; run < Number(process.env.BENCH_CSV_RUNS ?? 1); run++) {
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const rss0 = process.memoryUsage().rss;
    const c0 = performance.now();
    const res = await fetch(`${base}/api/v1/incidents/${ID}/reports.csv`, { headers: H });
    const reader = res.body!.getReader();
    let lines = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      for (let at = value.indexOf(10); at !== -1; at = value.indexOf(10, at + 1)) lines++;
      if (lines > 1_000_000) {
        await reader.cancel();
        break;
      }
    }
    const csvS = (performance.now() - c0) / 1000;
    clearInterval(sampler);
    rows = lines - 1;
    runs.push({ rowsS: Math.round(rows / csvS), peak: peak / 2 ** 20 });
    console.log(`  CSV: ${rows.toLocaleString('en-US')} rows in ${csvS.toFixed(1)} s = ${Math.round(rows / csvS).toLocaleString('en-US')} rows/s; memory ${(rss0 / 2 ** 20).toFixed(0)} MB before, peak ${(peak / 2 ** 20).toFixed(0)} MB`);
  }
  const rates = runs.map((r) => r.rowsS);
  const csvMedian = pct(rates, 0.5);
  const csvWorst = Math.min(...rates);
  const csvPeak = Math.max(...runs.map((r) => r.peak));
  if (runs.length > 1) console.log(`  CSV over ${runs.length} runs: median ${csvMedian.toLocaleString('en-US')} rows/s, worst ${csvWorst.toLocaleString('en-US')} rows/s, peak ${csvPeak.toFixed(0)} MB`);
  const pdfTimes: number[] = [];
  for (let k = 0; k < (process.env.BENCH_CSV_ONLY ? 0 : 3); k++) {
    const s = performance.now();
    const r = await fetch(`${base}/api/v1/incidents/${ID}/dossier.pdf`, { headers: H });
    const size = (await r.arrayBuffer()).byteLength;
    pdfTimes.push((performance.now() - s) / 1000);
    if (k === 0) console.log(`  PDF: ${(size / 1024).toFixed(0)} KiB`);
  }
  console.log(`  PDF: ${pdfTimes.map((x) => x.toFixed(2)).join(', ')} s (worst, then warm)`);
  await app.close();
  await ctx.intake.close();
  return `${name}:rows=${total},incident_p95=${incidentP95.toFixed(0)}ms,worst_page_p95=${worstPage.toFixed(0)}ms,csv_rows_s=${csvMedian},csv_worst_rows_s=${csvWorst},csv_peak_mb=${csvPeak.toFixed(0)},pdf_s=${pdfTimes.length ? Math.max(...pdfTimes).toFixed(2) : 'skipped'}`;
}

async function main(): Promise<void> {
  const out: string[] = [];
  const dir = process.env.BENCH_SQLITE_DIR;
  if (dir) {
    const store = await openStore({ dataDir: dir });
    out.push(await measure('sqlite', store));
    await store.close();
  } else console.log('sqlite: skipped (set BENCH_SQLITE_DIR to a store with the replayed 22 Feb 2024 day)');
  const rows = Number(process.env.BENCH_PG_ROWS ?? 2_000_000);
  if (rows > 0) {
    const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
    await admin.connect();
    await admin.query('drop database if exists od_bench_dossier');
    await admin.query('create database od_bench_dossier');
    await admin.end();
    const url = 'postgres://postgres@127.0.0.1:5432/od_bench_dossier';
    const store = await openStore({ dataDir: '', databaseUrl: url });
    const f0 = performance.now();
    await fillPostgres(url, rows);
    console.log(`postgres: ${rows.toLocaleString('en-US')} synthetic reports generated in ${((performance.now() - f0) / 1000).toFixed(0)} s`);
    await upsertIncidents(store.db, [INCIDENT]);
    out.push(await measure('postgres', store));
    await store.close();
  }
  console.log(`dossier_bench=${out.join(';')}`);
}

await main();
