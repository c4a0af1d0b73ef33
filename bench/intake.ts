// bench:intake — durable report intake vs. a bare Fastify route, driven by autocannon with 50
// connections. Each server runs in its own process (as in production); prints req/s, p50/p99
// latency and the ratio, and ends with one summary line of name=value pairs. The servers run
// as `npm start` does (live detection on), on a fresh store each. Live detection's cost on
// the server's main thread (its engine, and its whole polls: store reads, engine, incident
// writes) is read from /metrics once it has fed every accepted report: µs per report and its
// share of the event loop at the rate the bench drove.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const body = JSON.stringify({
  carrier: 'att', services: ['voice', 'data'], sosMode: true, zip: '10001', calledCarrier: 'verizon',
  description: 'SOS since 4am, cannot call anyone', contact: { email: 'ana@example.org' }, consentToContact: true,
});

function startProcess(args: string[], env: Record<string, string>): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(/listening on (http:\/\/\S+)/i);
      if (m) resolve({ url: m[1]!, stop: () => new Promise((r) => { child.once('exit', () => r()); child.kill('SIGTERM'); }) });
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

interface Figures { rps: number; p50: number; p99: number; errors: number; non2xx: number }

// The varied run: what an outage day sends — many carriers, places and service mixes — so
// every index takes its real share of the writes (one fixed body appends to the same spots).
const CARRIERS = ['att', 'cricket', 'verizon', 'visible', 'tmobile', 'metro', 'mint', 'uscellular', 'boost'];
const ZIPS = ['10001', '60601', '90210', '73301', '33101', '98101', '77002', '30301', '02108', '80202', '85001', '97201', '55401', '63101', '70112', '48201', '19103', '15222', '27601', '37201'];
const SERVICE_MIXES = [['voice'], ['data'], ['voice', 'sms'], ['voice', 'sms', 'data'], ['voice', 'sms', 'data', '911']];
const variedBodies = Array.from({ length: 4096 }, (_, i) => JSON.stringify({
  carrier: CARRIERS[i % CARRIERS.length], services: SERVICE_MIXES[i % SERVICE_MIXES.length], sosMode: i % 3 === 0,
  zip: ZIPS[(i * 7) % ZIPS.length], calledCarrier: i % 4 === 0 ? CARRIERS[(i + 2) % CARRIERS.length] : null,
  description: `No service since ${i % 12} am (${i})`,
}));
let nextBody = 0;
const varied = [{ method: 'POST' as const, path: '/api/v1/reports', headers: { 'content-type': 'application/json' }, setupRequest: (req: object) => ({ ...req, body: variedBodies[nextBody++ % variedBodies.length] }) }];

async function drive(url: string, bodies: 'fixed' | 'varied' = 'fixed'): Promise<Figures> {
  const opts = { url: `${url}/api/v1/reports`, method: 'POST' as const, headers: { 'content-type': 'application/json' }, body, connections: CONNECTIONS, ...(bodies === 'varied' ? { requests: varied } : {}) };
  // Warm up (JIT, connection pools), then measure.
  await autocannon({ ...opts, duration: 2 });
  const r = await autocannon({ ...opts, duration: DURATION_S });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}

const show = (name: string, f: Figures) =>
  console.log(`${name.padEnd(22)} ${Math.round(f.rps).toString().padStart(7)} req/s   p50 ${f.p50} ms   p99 ${f.p99} ms   errors ${f.errors}   non-2xx ${f.non2xx}`);

const bin = path.resolve('bin/outage-desk.js');
const METRICS_TOKEN = 'bench-intake';

/** Sum of a metric's samples (all label sets) in Prometheus text. */
function metric(text: string, name: string): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith(`${name} `) || line.startsWith(`${name}{`)) sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}

interface DetectionCost { reports: number; engineS: number; pollS: number }

/** Waits until live detection has fed every accepted report (it polls every 2 s), then reads its cost. */
async function detectionCost(url: string): Promise<DetectionCost> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const res = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    const text = await res.text();
    const cost = { reports: metric(text, 'detect_live_reports_total'), engineS: metric(text, 'detect_live_engine_seconds_total'), pollS: metric(text, 'detect_live_poll_seconds_total') };
    if (cost.reports >= metric(text, 'reports_accepted_total') || Date.now() > deadline) return cost;
    await new Promise((r) => setTimeout(r, 250));
  }
}
const summary: string[] = [];

const bare = await startProcess([path.resolve('bench/bare-server.mjs')], {});
const bareFig = await drive(bare.url);
await bare.stop();
show('bare fastify route', bareFig);
summary.push(`bare_rps=${Math.round(bareFig.rps)}`, `bare_p99_ms=${bareFig.p99}`);

/** A fresh database on the server DATABASE_URL names, so runs neither see nor leave data. */
async function freshPostgres(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const pg = (await import('pg')).default;
  const name = `od_bench_intake_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: async () => { await admin.query(`drop database ${name} with (force)`); await admin.end(); } };
}

const stores: Array<[string, Record<string, string>]> = [['sqlite', { DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'od-bench-')), DATABASE_URL: '' }]];
const postgres = process.env.DATABASE_URL ? await freshPostgres(process.env.DATABASE_URL) : null;
if (postgres) stores.push(['postgres', { DATABASE_URL: postgres.url }]);
for (const [name, env] of stores) {
  const server = await startProcess([bin, 'serve'], { ...env, PORT: '0', HOST: '127.0.0.1', INTAKE_RATE_LIMIT: '0', LOG_LEVEL: 'warn', METRICS_TOKEN });
  const started = performance.now();
  const fig = await drive(server.url);
  const mixed = await drive(server.url, 'varied');
  const cost = await detectionCost(server.url);
  const elapsedS = (performance.now() - started) / 1000;
  await server.stop();
  show(`durable intake ${name}`, fig);
  const ratio = fig.rps / bareFig.rps;
  console.log(`  ratio to bare: ${(ratio * 100).toFixed(1)} %   (target >= 50 %, p99 < 50 ms)`);
  show(`  varied reports`, mixed);
  console.log(`  ratio to bare: ${((mixed.rps / bareFig.rps) * 100).toFixed(1)} %   (many carriers, places and service mixes)`);
  summary.push(`${name}_rps=${Math.round(fig.rps)}`, `${name}_p50_ms=${fig.p50}`, `${name}_p99_ms=${fig.p99}`, `${name}_ratio=${ratio.toFixed(3)}`, `${name}_errors=${fig.errors + fig.non2xx}`);
  summary.push(`${name}_varied_rps=${Math.round(mixed.rps)}`, `${name}_varied_p99_ms=${mixed.p99}`, `${name}_varied_ratio=${(mixed.rps / bareFig.rps).toFixed(3)}`, `${name}_varied_errors=${mixed.errors + mixed.non2xx}`);
  const perReport = (s: number) => (cost.reports > 0 ? (s * 1e6) / cost.reports : Number.NaN);
  const share = (s: number) => (100 * s) / elapsedS;
  console.log(`  live detection: ${cost.reports} reports fed over ${elapsedS.toFixed(1)} s (${Math.round(cost.reports / elapsedS)} reports/s); engine ${perReport(cost.engineS).toFixed(2)} µs/report = ${share(cost.engineS).toFixed(1)} % of the main thread; whole polls (store reads, engine, incident writes) ${perReport(cost.pollS).toFixed(2)} µs/report = ${share(cost.pollS).toFixed(1)} %${name === 'postgres' ? ' (includes waits on the server)' : ''}`);
  summary.push(`${name}_detect_engine_us_per_report=${perReport(cost.engineS).toFixed(2)}`, `${name}_detect_engine_loop_pct=${share(cost.engineS).toFixed(1)}`, `${name}_detect_poll_us_per_report=${perReport(cost.pollS).toFixed(2)}`, `${name}_detect_poll_loop_pct=${share(cost.pollS).toFixed(1)}`);
}
await postgres?.drop();
console.log(summary.join(' '));
