// The investigation's queries on a large store, embedded and Postgres: p50/p95 of the incident
// API and of a complaints page under each filter, the CSV export (rows/s and the server
// process's peak memory at 100 k and at 1 M rows) and the PDF dossier's time, each beside its
// target. A real HTTP server in this process, real stores filled by bench/desk-store.ts.
//   npm run bench:dossier (from source, with the loader its worker threads need)
//     BENCH_REPORTS     stored reports (default 10,000,000)
//     BENCH_STORES      sqlite,postgres (default both)
//     BENCH_STORE_DIR   where the SQLite store is kept between runs (default $TMPDIR/od-bench-desk);
//                       Postgres keeps database od_bench_desk_<reports>
//     BENCH_PG_DB       the Postgres database's name before _<reports> (default od_bench_desk),
//                       so benches run side by side keep their own
//     BENCH_CSV_ONLY=1  only the CSV export
// Ends with one summary line: dossier_bench=<store>:rows=…,incident_p95=…,worst_page_p95=…,csv_rows_s=…,csv_peak_mb=…,pdf_s=…;…
import { execFile } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.js';
import { buildApp } from '../src/http/app.js';
import { createContext } from '../src/http/server.js';
import { createUser, issueApiToken } from '../src/staff/index.js';
import type { Store } from '../src/store/index.js';
import { ID, postgresBenchStore, RARE_PHRASE, sqliteBenchStore, type BenchStore } from './desk-store.js';

const CALLS = 15;
const PAGE_TARGET_MS = 100;
const CSV_TARGET_ROWS_S = 200_000;
const PDF_TARGET_S = 3;

const QUERIES = [
  `incidents/${ID}`,
  `incidents/${ID}/reports?limit=50`,
  `incidents/${ID}/reports?order=oldest&limit=50`,
  `incidents/${ID}/reports?zip=59801&limit=50`,
  `incidents/${ID}/reports?zip=59801&order=oldest&limit=50`,
  `incidents/${ID}/reports?zip=10001&service=911&limit=50`,
  `incidents/${ID}/reports?county=36061&limit=50`,
  `incidents/${ID}/reports?county=36061&order=oldest&limit=50`,
  `incidents/${ID}/reports?state=56&limit=50`,
  `incidents/${ID}/reports?state=56&service=sms&limit=50`,
  `incidents/${ID}/reports?jurisdiction=true&limit=50`,
  `incidents/${ID}/reports?carrier=cricket&limit=50`,
  `incidents/${ID}/reports?service=911&limit=50`,
  `incidents/${ID}/reports?sos=true&limit=50`,
  `incidents/${ID}/reports?sos=false&order=oldest&limit=50`,
  `incidents/${ID}/reports?since=2024-02-22T12:00:00Z&until=2024-02-22T12:30:00Z&limit=50`,
  `incidents/${ID}/reports?since=2024-02-22T12:00:00Z&until=2024-02-22T12:30:00Z&order=oldest&limit=50`,
  `incidents/${ID}/reports?q=sos&limit=50`,
  `incidents/${ID}/reports?q=${encodeURIComponent(RARE_PHRASE)}&limit=50`,
  `incidents/${ID}/reports?zip=59801&q=${encodeURIComponent(RARE_PHRASE)}&limit=50`,
  'reports?zip=59801&limit=50',
  'reports?county=36061&limit=50',
  'reports?state=56&service=sms&limit=50',
];

/**
 * Downloads in another process (so this one's memory is the server's) and stops reading after
 * `max` lines; resolves with the lines read.
 */
function downloadLines(url: string, authorization: string, max: number): Promise<number> {
  const client = `const r = await fetch(process.argv[1], { headers: { authorization: process.argv[2] } }); if (r.status !== 200) console.error(r.status, await r.text()); const reader = r.body.getReader(); let lines = 0;
    for (;;) { const { done, value } = await reader.read(); if (done) break; for (let at = value.indexOf(10); at !== -1; at = value.indexOf(10, at + 1)) lines++; if (lines >= ${max}) { await reader.cancel(); break; } }
    process.stdout.write(String(lines));`;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--input-type=module', '-e', client, url, authorization], (e, out) => (e ? reject(e) : resolve(Number(out))));
  });
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.ceil(p * xs.length) - 1]!;

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
  let worstQuery = '';
  let incidentP95 = 0;
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
    else if (p95 > worstPage) [worstPage, worstQuery] = [p95, q];
    console.log(`  ${q.replace(ID, ':id').padEnd(78)} p50 ${pct(ts, 0.5).toFixed(1).padStart(7)} ms  p95 ${p95.toFixed(1).padStart(7)} ms  (target < ${PAGE_TARGET_MS})  ${status}`);
  }
  // CSV: the incident's first 100 k rows, then its first 1 M (the client stops reading there);
  // rows/s and this process's (the server's) peak resident memory during each.
  const csv: { rows: number; rowsS: number; peakMb: number }[] = [];
  for (const limit of [100_000, 1_000_000]) {
    global.gc?.();
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const rss0 = process.memoryUsage().rss;
    const c0 = performance.now();
    const lines = await downloadLines(`${base}/api/v1/incidents/${ID}/reports.csv`, H.authorization, limit + 1);
    const csvS = (performance.now() - c0) / 1000;
    clearInterval(sampler);
    const rows = Math.min(lines - 1, limit);
    csv.push({ rows, rowsS: Math.round(rows / csvS), peakMb: peak / 2 ** 20 });
    console.log(`  CSV: ${rows.toLocaleString('en-US')} rows in ${csvS.toFixed(1)} s = ${Math.round(rows / csvS).toLocaleString('en-US')} rows/s (target >= ${CSV_TARGET_ROWS_S.toLocaleString('en-US')}); memory ${(rss0 / 2 ** 20).toFixed(0)} MB before, peak ${(peak / 2 ** 20).toFixed(0)} MB (target: flat)`);
  }
  const big = csv.at(-1)!;
  const pdfTimes: number[] = [];
  for (let k = 0; k < (process.env.BENCH_CSV_ONLY ? 0 : 3); k++) {
    const s = performance.now();
    const r = await fetch(`${base}/api/v1/incidents/${ID}/dossier.pdf`, { headers: H });
    const size = (await r.arrayBuffer()).byteLength;
    pdfTimes.push((performance.now() - s) / 1000);
    if (k === 0) console.log(`  PDF: ${(size / 1024).toFixed(0)} KiB`);
  }
  if (pdfTimes.length) console.log(`  PDF: first ${pdfTimes[0]!.toFixed(2)} s, warm ${pdfTimes.slice(1).map((x) => x.toFixed(2)).join(', ')} s (target < ${PDF_TARGET_S})`);
  if (worstQuery) console.log(`  worst page: ${worstQuery.replace(ID, ':id')} p95 ${worstPage.toFixed(1)} ms`);
  await app.close();
  await ctx.intake.close();
  return `${name}:rows=${total},incident_p95=${incidentP95.toFixed(0)}ms,worst_page_p95=${worstPage.toFixed(0)}ms,csv_rows_s=${big.rowsS},csv_peak_mb=${csv.map((c) => c.peakMb.toFixed(0)).join('/')},pdf_s=${pdfTimes.length ? pdfTimes.map((x) => x.toFixed(2)).join('/') : 'skipped'}`;
}

async function main(): Promise<void> {
  const rows = Number(process.env.BENCH_REPORTS ?? 10_000_000);
  const stores = (process.env.BENCH_STORES ?? 'sqlite,postgres').split(',');
  const dir = process.env.BENCH_STORE_DIR ?? path.join(os.tmpdir(), 'od-bench-desk');
  const out: string[] = [];
  for (const name of stores) {
    const open = (): Promise<BenchStore> => (name === 'sqlite' ? sqliteBenchStore(dir, rows) : postgresBenchStore(process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', rows, process.env.BENCH_PG_DB));
    const b = await open();
    console.log(b.generatedS ? `${name}: ${rows.toLocaleString('en-US')} reports generated in ${b.generatedS.toFixed(0)} s` : `${name}: reusing the stored ${rows.toLocaleString('en-US')} reports`);
    out.push(await measure(name, b.store));
    await b.store.close();
  }
  console.log(`dossier_bench=${out.join(';')}`);
}

await main();
