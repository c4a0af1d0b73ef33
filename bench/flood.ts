// bench:flood — 30 s of reports from 200 loopback addresses (127.0.0.2-201), each client far
// over its limit, against one server (embedded store, defaults as `npm start`). Prints answers
// by status, how many shed answers carried Retry-After, latency of the admitted (201) ones
// (median and p99, worst), the server's peak resident memory against MEMORY_CAP_MB, and whether
// it stayed up; and, beside the client-side latency, the server's own (its /metrics histogram,
// arrival to answer) and this load generator's event-loop delay, since both share the cores: a
// slow client-side figure with a fast server-side one is the generator's own waiting. Ends with
// one name=value line.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const ADDRESSES = 200;
const PER_ADDRESS = 2; // concurrent requests per address: 400 in flight
const body = JSON.stringify({ carrier: 'att', services: ['voice'], zip: '10001', description: 'flood' });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'od-flood-'));
const METRICS_TOKEN = 'flood-bench-metrics';

const server = spawn(process.execPath, ['bin/outage-desk.js', 'serve', '--port', '0'], {
  env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', HOST: '0.0.0.0', LOG_LEVEL: 'warn', METRICS_TOKEN },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const base = await new Promise<string>((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    const m = out.match(/listening on (http:\/\/\S+)/);
    if (m) resolve(m[1]!.replace('localhost', '127.0.0.1'));
  });
  server.once('exit', (code) => reject(new Error(`server exited ${code}`)));
});
const port = Number(new URL(base).port);
let exited = false;
server.once('exit', () => (exited = true));

const peakRssMb = () => {
  const m = fs.readFileSync(`/proc/${server.pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/);
  return m ? Number(m[1]) / 1024 : NaN;
};

const byStatus = new Map<number, number>();
let shedWithRetryAfter = 0;
let shedWithout = 0;
let errors = 0;
const admittedMs: number[] = [];
/** Seconds into the run at which an admitted report took over 1 s. */
const slowAt: number[] = [];
const startedAt = Date.now();
const generatorLag = monitorEventLoopDelay({ resolution: 10 });
generatorLag.enable();
const end = Date.now() + SECONDS * 1000;

function one(agent: http.Agent, localAddress: string): Promise<void> {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const req = http.request({ host: '127.0.0.1', port, path: '/api/v1/reports', method: 'POST', agent, localAddress, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => {
        const s = res.statusCode ?? 0;
        byStatus.set(s, (byStatus.get(s) ?? 0) + 1);
        if (s === 201) {
          const ms = Number(process.hrtime.bigint() - t0) / 1e6;
          admittedMs.push(ms);
          if (ms > 1000) slowAt.push(Math.round((Date.now() - startedAt) / 1000));
        }
        else if (s === 429 || s === 503) res.headers['retry-after'] ? shedWithRetryAfter++ : shedWithout++;
        resolve();
      });
    });
    req.on('error', () => {
      errors++;
      resolve();
    });
    req.end(body);
  });
}

async function client(address: string): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: PER_ADDRESS });
  const lane = async () => {
    while (Date.now() < end && !exited) await one(agent, address);
  };
  await Promise.all(Array.from({ length: PER_ADDRESS }, lane));
  agent.destroy();
}

await Promise.all(Array.from({ length: ADDRESSES }, (_, i) => client(`127.0.0.${i + 2}`)));
generatorLag.disable();
const rss = peakRssMb();
const serverSide = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } }).then((r) => r.text());
const stayedUp = !exited && (await fetch(`${base}/healthz`).then((r) => r.ok, () => false));
server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));
fs.rmSync(dataDir, { recursive: true, force: true });

/** A quantile from a Prometheus histogram, interpolated within its bucket, in ms. */
function histogramQuantile(text: string, name: string, p: number): number {
  const buckets = [...text.matchAll(new RegExp(`^${name}_bucket\\{le="([^"]+)"\\} (\\d+)$`, 'gm'))].map((m) => ({ le: m[1] === '+Inf' ? Infinity : Number(m[1]), n: Number(m[2]) }));
  const count = buckets.at(-1)?.n ?? 0;
  const rank = p * count;
  let prev = { le: 0, n: 0 };
  for (const b of buckets) {
    if (b.n >= rank) return (b.le === Infinity ? prev.le : prev.le + ((b.le - prev.le) * (rank - prev.n)) / Math.max(1, b.n - prev.n)) * 1000;
    prev = b;
  }
  return NaN;
}
const server50 = histogramQuantile(serverSide, 'intake_admitted_seconds', 0.5);
const server99 = histogramQuantile(serverSide, 'intake_admitted_seconds', 0.99);
const handler99 = histogramQuantile(serverSide, 'intake_admitted_handler_seconds', 0.99);
admittedMs.sort((a, b) => a - b);
const q = (p: number) => admittedMs[Math.min(admittedMs.length - 1, Math.floor(p * admittedMs.length))] ?? NaN;
const total = [...byStatus.values()].reduce((a, b) => a + b, 0);
process.stdout.write(`${SECONDS} s from ${ADDRESSES} loopback addresses, ${ADDRESSES * PER_ADDRESS} in flight: ${total} answers (${(total / SECONDS).toFixed(0)}/s), ${errors} socket errors\n`);
for (const [s, n] of [...byStatus].sort()) process.stdout.write(`  ${s}: ${n}\n`);
process.stdout.write(`  shed with Retry-After ${shedWithRetryAfter}, without ${shedWithout}\n`);
process.stdout.write(`  admitted (201) latency: median ${q(0.5).toFixed(1)} ms, p99 ${q(0.99).toFixed(1)} ms, worst ${admittedMs.at(-1)?.toFixed(1)} ms\n`);
process.stdout.write(`  server side (arrival to answer, histogram): median ${server50.toFixed(0)} ms, p99 ${server99.toFixed(0)} ms; handler to answer p99 ${handler99.toFixed(0)} ms\n`);
const gauge = (name: string) => Number(serverSide.match(new RegExp(`^${name} (\\S+)$`, 'm'))?.[1]) * 1000;
process.stdout.write(`  server event-loop delay: p99 ${gauge('process_event_loop_delay_p99_seconds').toFixed(0)} ms, worst ${gauge('process_event_loop_delay_max_seconds').toFixed(0)} ms\n`);
process.stdout.write(`  load generator's own event-loop delay: p50 ${(generatorLag.percentile(50) / 1e6).toFixed(0)} ms, p99 ${(generatorLag.percentile(99) / 1e6).toFixed(0)} ms, max ${(generatorLag.max / 1e6).toFixed(0)} ms\n`);
process.stdout.write(`  admitted over 1 s: ${slowAt.length}, answered at second(s) ${[...new Set(slowAt)].join(', ') || '-'}\n`);
process.stdout.write(`  server peak RSS ${rss.toFixed(0)} MB (cap 1024 MB); stayed up: ${stayedUp}\n`);
process.stdout.write(`flood_answers=${total} flood_admitted=${byStatus.get(201) ?? 0} flood_shed=${shedWithRetryAfter} flood_shed_without_retry_after=${shedWithout} admitted_p50_ms=${q(0.5).toFixed(1)} admitted_p99_ms=${q(0.99).toFixed(1)} admitted_worst_ms=${admittedMs.at(-1)?.toFixed(1)} server_p50_ms=${server50.toFixed(0)} server_p99_ms=${server99.toFixed(0)} generator_lag_p99_ms=${(generatorLag.percentile(99) / 1e6).toFixed(0)} shed_share=${(shedWithRetryAfter / Math.max(1, total)).toFixed(3)} peak_rss_mb=${rss.toFixed(0)} stayed_up=${stayedUp}\n`);
