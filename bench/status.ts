// bench:status — the public status under a crowd while reports keep arriving. One server
// process on a fresh SQLite store (as `npm start`, live detection on); on 127.0.0.1, autocannon
// with 200 connections asks in turn for a bare route of the same server (GET /healthz: a
// constant 15-byte JSON through the same server, hooks and listener), the status JSON
// (GET /api/v1/status) and the status page (GET /status), both taking gzip as browsers and
// HTTP clients do, while a second autocannon files reports at a steady rate the whole time.
// Prints req/s and p99 (with p50) of each, status vs. bare, the server's CPU time per request
// (from /proc: on a shared machine the req/s follow the neighbours, the CPU per request less
// so), the intake's p99 alone and during the crowd, and one name=value summary line. The page
// is also set beside a bare Fastify route in its own process sending the page's very answer
// (bench/bare-bytes-server.mjs), captured once reports are in (the empty page of a fresh store is
// half the size). The load generator's CPU per answer is printed too: autocannon 9 appends every
// body to a string (lib/pipelinedRequestsQueue.js, `req.body += data`), decoding gzip as UTF-8,
// so on these shared cores a 4.4 kB answer costs the client several times a 15-byte one. From
// the server's own /metrics (METRICS_PORT) each round of the status phases also says how many
// answers came from the hot cache and how many status computations and page renders it paid.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 200;
const INTAKE_RATE = Number(process.env.BENCH_INTAKE_RATE ?? 100); // reports per second

function startServer(env: Record<string, string>, script = [...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []), path.resolve('bin/outage-desk.js'), 'serve']): Promise<{ url: string; pid: number; metricsUrl: string | undefined; stop(): Promise<void> }> {
  const child = spawn(process.execPath, script, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(/listening on (http:\/\/\S+)/i);
      // With METRICS_PORT set, the server announces its metrics listener just after listening.
      const metrics = out.match(/Metrics on (http:\/\/\S+)/);
      if (m && (metrics || env.METRICS_PORT === undefined)) {
        resolve({ url: m[1]!, pid: child.pid!, metricsUrl: metrics?.[1], stop: () => new Promise((r) => { child.once('exit', () => r()); child.kill('SIGTERM'); }) });
      }
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

const CARRIERS = ['att', 'cricket', 'verizon', 'tmobile', 'metro', 'uscellular', 'boost'];
const ZIPS = ['10001', '60601', '90210', '73301', '33101', '98101', '77002', '30301', '02108', '80202'];
const bodies = Array.from({ length: 1024 }, (_, i) => JSON.stringify({ carrier: CARRIERS[i % CARRIERS.length], services: i % 2 ? ['voice'] : ['voice', 'data'], sosMode: i % 3 === 0, zip: ZIPS[(i * 7) % ZIPS.length] }));
let next = 0;

interface Figures { rps: number; p50: number; p99: number; errors: number; non2xx: number; cpuUs?: number; clientUs?: number; wallS?: number; seconds?: number; served?: Served[] }
const figures = (r: autocannon.Result): Figures => ({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx });
const show = (name: string, f: Figures) =>
  console.log(`${name.padEnd(28)} ${Math.round(f.rps).toString().padStart(7)} req/s   p50 ${f.p50} ms   p99 ${f.p99} ms   errors ${f.errors}   non-2xx ${f.non2xx}` +
    (f.cpuUs === undefined ? '' : `   server CPU ${f.cpuUs.toFixed(1)} µs/req`) + (f.clientUs === undefined ? '' : `   client CPU ${f.clientUs.toFixed(1)} µs/req`));

/** The server's user + system CPU time in ms (Linux /proc, 100 ticks a second), or NaN elsewhere. */
function serverCpuMs(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'od-bench-status-'));
const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '', PORT: '0', HOST: '127.0.0.1', INTAKE_RATE_LIMIT: '0', LOG_LEVEL: 'warn', METRICS_PORT: '0' });

/** The server's counters and gauges (its own /metrics listener), by series name with labels. */
async function scrape(): Promise<Map<string, number>> {
  const text = await (await fetch(server.metricsUrl!)).text();
  const series = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    series.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return series;
}
/** What the server did for one phase: answers through Fastify vs. from the hot cache, status computations and page renders. */
interface Served { requests: number; hot: number; computes: number; computeMs: number; renders: number; renderMs: number }
function servedBetween(before: Map<string, number>, after: Map<string, number>, route: string): Served {
  const d = (k: string) => (after.get(k) ?? 0) - (before.get(k) ?? 0);
  const requests = [...after.keys()].filter((k) => k.startsWith(`http_requests_total{route="${route}",`)).reduce((n, k) => n + d(k), 0);
  return {
    requests, hot: d(`http_hot_answers_total{route="${route}"}`),
    computes: d('status_compute_seconds_count'), computeMs: d('status_compute_seconds_sum') * 1000,
    renders: d('status_page_render_seconds_count'), renderMs: d('status_page_render_seconds_sum') * 1000,
  };
}

// The crowd's phases take turns, ROUNDS times each, so that a neighbour's burst on the shared
// cores falls on all of them rather than on one; each phase's figures sum over its rounds.
const ROUNDS = 3;
const SLICE_S = Math.max(2, Math.round(DURATION_S / ROUNDS));
const WARMUP_S = 2;

/** The bare route of the page's size: the page's gzipped answer, captured now and sent by a bare Fastify. */
async function bareOfPageSize(): Promise<Awaited<ReturnType<typeof startServer>> & { bytes: number }> {
  // node:http, not fetch (which would gunzip): the page's bytes as sent, and its headers, in one request.
  const { get } = await import('node:http');
  const { raw, sent } = await new Promise<{ raw: Buffer; sent: import('node:http').IncomingHttpHeaders }>((resolve, reject) => {
    get(`${server.url}/status`, { headers: { 'accept-encoding': 'gzip' } }, (r) => {
      const parts: Buffer[] = [];
      r.on('data', (d: Buffer) => parts.push(d)).on('end', () => resolve({ raw: Buffer.concat(parts), sent: r.headers })).on('error', reject);
    }).on('error', reject);
  });
  const file = path.join(dataDir, 'page.bin');
  fs.writeFileSync(file, raw);
  // Every header the page came with (CSP, ETag, Vary, …), but those Node sets per connection.
  const headers = Object.fromEntries(Object.entries(sent).filter(([k]) => !/^(date|connection|keep-alive|content-length|transfer-encoding)$/.test(k)));
  const bare = await startServer({ BARE_BODY_FILE: file, BARE_HEADERS: JSON.stringify(headers) }, [path.resolve('bench/bare-bytes-server.mjs')]);
  return { ...bare, bytes: raw.length };
}

// Reports filed at a steady rate, first alone (the reference: what the same machine gives the
// intake without a crowd), then the whole time the crowd is on: their latency is what a person
// filing one meets.
const fileReports = (duration: number) => autocannon({
  url: `${server.url}/api/v1/reports`, connections: 10, overallRate: INTAKE_RATE, duration,
  requests: [{ method: 'POST', path: '/api/v1/reports', headers: { 'content-type': 'application/json' }, setupRequest: (req: object) => ({ ...req, body: bodies[next++ % bodies.length] }) }],
});
const alone = figures(await fileReports(6)); // also: some reports in the store before the crowd comes
// The page's bytes as the crowd gets them: with reports in, it carries counts, charts and shaded
// counties (~4.4 kB gzipped, against ~2.3 kB for the empty page of a fresh store).
const sized = await bareOfPageSize();
const intake = fileReports(10 * 60); // stopped when the crowd leaves

const phases: Array<{ url: string; path: string; headers: Record<string, string> }> = [
  { url: server.url, path: '/healthz', headers: {} },
  { url: server.url, path: '/api/v1/status', headers: { 'accept-encoding': 'gzip' } },
  { url: server.url, path: '/status', headers: { 'accept-encoding': 'gzip' } },
  { url: sized.url, path: '/page', headers: { 'accept-encoding': 'gzip' } },
];

// The crowd runs in two worker threads: one client thread would be the bottleneck before the
// server is, and the larger status bodies cost it more to read than /healthz's 15 bytes.
const crowdOptions = (p: { url: string; path: string; headers: Record<string, string> }, duration: number) =>
  ({ url: `${p.url}${p.path}`, connections: CONNECTIONS, headers: p.headers, duration, workers: 2 });

async function crowds(): Promise<Figures[]> {
  for (const p of phases) await autocannon(crowdOptions(p, WARMUP_S)); // warm-up: JIT, caches
  const sums = phases.map(() => ({ requests: 0, seconds: 0, wallS: 0, cpuMs: 0, clientMs: 0, p50: [] as number[], p99: 0, errors: 0, non2xx: 0, served: [] as Served[] }));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, p] of phases.entries()) {
      const pid = p.url === server.url ? server.pid : sized.pid;
      const cpuBefore = serverCpuMs(pid);
      const clientBefore = process.cpuUsage();
      const metricsBefore = await scrape();
      const startedAt = performance.now();
      const r = await autocannon(crowdOptions(p, SLICE_S));
      const sum = sums[i]!;
      sum.wallS += (performance.now() - startedAt) / 1000;
      const client = process.cpuUsage(clientBefore);
      sum.clientMs += (client.user + client.system) / 1000;
      if (p.url === server.url) sum.served.push(servedBetween(metricsBefore, await scrape(), p.path));
      // The intake's reports are in this CPU time too (INTAKE_RATE/s, the same in every phase).
      sum.cpuMs += serverCpuMs(pid) - cpuBefore;
      sum.requests += r.requests.total;
      sum.seconds += r.duration;
      sum.p50.push(r.latency.p50);
      sum.p99 = Math.max(sum.p99, r.latency.p99);
      sum.errors += r.errors;
      sum.non2xx += r.non2xx;
    }
  }
  return sums.map((s) => ({
    rps: s.requests / s.seconds, p50: s.p50.sort((a, b) => a - b)[Math.floor(s.p50.length / 2)]!, p99: s.p99,
    errors: s.errors, non2xx: s.non2xx, cpuUs: (s.cpuMs * 1000) / s.requests, clientUs: (s.clientMs * 1000) / s.requests, wallS: s.wallS, seconds: s.seconds, served: s.served,
  }));
}

const [bare, api, page, bareSized] = (await crowds()) as [Figures, Figures, Figures, Figures];
await sized.stop();
(intake as unknown as { stop(): void }).stop();
const filed = figures(await intake);

const loop = await scrape();
for (const [name, f] of [['/api/v1/status', api], ['/status', page]] as const) {
  console.log(`${name} per round: ` + f.served!.map((d) => `${d.requests} answers, ${(100 * d.hot / Math.max(1, d.requests)).toFixed(1)} % hot, ` +
    `${d.computes} status computations (${d.computeMs.toFixed(0)} ms), ${d.renders} page renders (${d.renderMs.toFixed(0)} ms)`).join('; '));
}
console.log(`autocannon seconds vs wall seconds per phase: ${[bare, api, page, bareSized].map((f) => `${f.seconds!.toFixed(1)}/${f.wallS!.toFixed(1)}`).join(' ')}`);
console.log(`event-loop delay since start: p99 ${(loop.get('process_event_loop_delay_p99_seconds')! * 1000).toFixed(0)} ms, max ${(loop.get('process_event_loop_delay_max_seconds')! * 1000).toFixed(0)} ms`);
console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores (the client runs on them too)`);
console.log(`${ROUNDS} rounds of ${SLICE_S} s per phase, taking turns; p50 the median round's, p99 the worst round's`);
show('bare route (GET /healthz)', bare);
show('GET /api/v1/status (gzip)', api);
console.log(`  ratio to bare: ${((api.rps / bare.rps) * 100).toFixed(1)} %   (target >= 80 %)`);
show('GET /status (page, gzip)', page);
console.log(`  ratio to bare: ${((page.rps / bare.rps) * 100).toFixed(1)} %   (target >= 80 %)`);
show(`bare Fastify, the page's ${sized.bytes} bytes`, bareSized);
console.log(`  page's ratio to a bare route of its size: ${((page.rps / bareSized.rps) * 100).toFixed(1)} %   (target >= 80 %)`);
show(`intake alone (${INTAKE_RATE}/s)`, alone);
show(`intake meanwhile (${INTAKE_RATE}/s)`, filed);
console.log(`  intake p99 ${filed.p99} ms during the crowd (target < 100 ms), p50 ${filed.p50} ms; alone on the same machine p99 ${alone.p99} ms`);
console.log([
  `bare_rps=${Math.round(bare.rps)}`, `bare_p99_ms=${bare.p99}`,
  `status_api_rps=${Math.round(api.rps)}`, `status_api_p99_ms=${api.p99}`, `status_api_ratio=${(api.rps / bare.rps).toFixed(3)}`,
  `status_page_rps=${Math.round(page.rps)}`, `status_page_p99_ms=${page.p99}`, `status_page_ratio=${(page.rps / bare.rps).toFixed(3)}`,
  `bare_sized_rps=${Math.round(bareSized.rps)}`, `status_page_sized_ratio=${(page.rps / bareSized.rps).toFixed(3)}`, `page_bytes=${sized.bytes}`,
  `bare_client_us=${bare.clientUs?.toFixed(1)}`, `status_api_client_us=${api.clientUs?.toFixed(1)}`, `status_page_client_us=${page.clientUs?.toFixed(1)}`, `bare_sized_client_us=${bareSized.clientUs?.toFixed(1)}`,
  `bare_cpu_us=${bare.cpuUs?.toFixed(1)}`, `bare_sized_cpu_us=${bareSized.cpuUs?.toFixed(1)}`, `status_api_cpu_us=${api.cpuUs?.toFixed(1)}`, `status_page_cpu_us=${page.cpuUs?.toFixed(1)}`,
  `load1=${os.loadavg()[0]!.toFixed(1)}`,
  `intake_alone_p50_ms=${alone.p50}`, `intake_alone_p99_ms=${alone.p99}`,
  `intake_rps=${Math.round(filed.rps)}`, `intake_p50_ms=${filed.p50}`, `intake_p99_ms=${filed.p99}`, `intake_errors=${filed.errors + filed.non2xx + alone.errors + alone.non2xx}`,
  `errors=${bare.errors + api.errors + page.errors + bare.non2xx + api.non2xx + page.non2xx}`,
].join(' '));
await server.stop();
fs.rmSync(dataDir, { recursive: true, force: true });
