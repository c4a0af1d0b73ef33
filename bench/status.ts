// bench:status — the public status under a crowd while reports keep arriving. One server
// process on a fresh SQLite store (as `npm start`, live detection on); on 127.0.0.1, autocannon
// with 200 connections asks in turn for a bare route of the same server (/healthz), the status
// JSON (GET /api/v1/status) and the status page (GET /status), both taking gzip as browsers
// and HTTP clients do, while a second autocannon
// files reports at a steady rate the whole time. Prints req/s and p99 (with p50) of each,
// status vs. bare, the intake's p99 during the crowd, and one name=value summary line.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 200;
const INTAKE_RATE = Number(process.env.BENCH_INTAKE_RATE ?? 100); // reports per second

function startServer(env: Record<string, string>): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [path.resolve('bin/outage-desk.js'), 'serve'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
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

const CARRIERS = ['att', 'cricket', 'verizon', 'tmobile', 'metro', 'uscellular', 'boost'];
const ZIPS = ['10001', '60601', '90210', '73301', '33101', '98101', '77002', '30301', '02108', '80202'];
const bodies = Array.from({ length: 1024 }, (_, i) => JSON.stringify({ carrier: CARRIERS[i % CARRIERS.length], services: i % 2 ? ['voice'] : ['voice', 'data'], sosMode: i % 3 === 0, zip: ZIPS[(i * 7) % ZIPS.length] }));
let next = 0;

interface Figures { rps: number; p50: number; p99: number; errors: number; non2xx: number }
const figures = (r: autocannon.Result): Figures => ({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx });
const show = (name: string, f: Figures) =>
  console.log(`${name.padEnd(28)} ${Math.round(f.rps).toString().padStart(7)} req/s   p50 ${f.p50} ms   p99 ${f.p99} ms   errors ${f.errors}   non-2xx ${f.non2xx}`);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'od-bench-status-'));
const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '', PORT: '0', HOST: '127.0.0.1', INTAKE_RATE_LIMIT: '0', LOG_LEVEL: 'warn' });

// Reports filed the whole time, at a steady rate: their latency is what a person filing one meets.
const intake = autocannon({
  url: `${server.url}/api/v1/reports`, connections: 10, overallRate: INTAKE_RATE, duration: 6 + 3 * (DURATION_S + 2),
  requests: [{ method: 'POST', path: '/api/v1/reports', headers: { 'content-type': 'application/json' }, setupRequest: (req: object) => ({ ...req, body: bodies[next++ % bodies.length] }) }],
});

async function crowd(p: string, headers: Record<string, string> = {}): Promise<Figures> {
  const opts = { url: `${server.url}${p}`, connections: CONNECTIONS, headers };
  await autocannon({ ...opts, duration: 2 }); // warm-up: JIT, caches
  return figures(await autocannon({ ...opts, duration: DURATION_S }));
}

await new Promise((r) => setTimeout(r, 6_000)); // some reports in the store before the crowd comes
const bare = await crowd('/healthz');
const api = await crowd('/api/v1/status', { 'accept-encoding': 'gzip' });
const page = await crowd('/status', { 'accept-encoding': 'gzip' });
const filed = figures(await intake);
await server.stop();
fs.rmSync(dataDir, { recursive: true, force: true });

show('bare route (/healthz)', bare);
show('GET /api/v1/status (gzip)', api);
console.log(`  ratio to bare: ${((api.rps / bare.rps) * 100).toFixed(1)} %   (target >= 80 %)`);
show('GET /status (page, gzip)', page);
console.log(`  ratio to bare: ${((page.rps / bare.rps) * 100).toFixed(1)} %   (target >= 80 %)`);
show(`intake meanwhile (${INTAKE_RATE}/s)`, filed);
console.log(`  intake p99 ${filed.p99} ms (target < 100 ms), p50 ${filed.p50} ms`);
console.log([
  `bare_rps=${Math.round(bare.rps)}`, `bare_p99_ms=${bare.p99}`,
  `status_api_rps=${Math.round(api.rps)}`, `status_api_p99_ms=${api.p99}`, `status_api_ratio=${(api.rps / bare.rps).toFixed(3)}`,
  `status_page_rps=${Math.round(page.rps)}`, `status_page_p99_ms=${page.p99}`, `status_page_ratio=${(page.rps / bare.rps).toFixed(3)}`,
  `intake_rps=${Math.round(filed.rps)}`, `intake_p50_ms=${filed.p50}`, `intake_p99_ms=${filed.p99}`, `intake_errors=${filed.errors + filed.non2xx}`,
  `errors=${bare.errors + api.errors + page.errors + bare.non2xx + api.non2xx + page.non2xx}`,
].join(' '));
