// bench:intake — durable report intake vs. a bare Fastify route, driven by autocannon with 50
// connections. Each server runs in its own process (as in production); prints req/s, p50/p99
// latency and the ratio, and ends with one summary line of name=value pairs.
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

async function drive(url: string): Promise<Figures> {
  // Warm up (JIT, connection pools), then measure.
  await autocannon({ url: `${url}/api/v1/reports`, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: CONNECTIONS, duration: 2 });
  const r = await autocannon({ url: `${url}/api/v1/reports`, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: CONNECTIONS, duration: DURATION_S });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}

const show = (name: string, f: Figures) =>
  console.log(`${name.padEnd(22)} ${Math.round(f.rps).toString().padStart(7)} req/s   p50 ${f.p50} ms   p99 ${f.p99} ms   errors ${f.errors}   non-2xx ${f.non2xx}`);

const bin = path.resolve('bin/outage-desk.js');
const summary: string[] = [];

const bare = await startProcess([path.resolve('bench/bare-server.mjs')], {});
const bareFig = await drive(bare.url);
await bare.stop();
show('bare fastify route', bareFig);
summary.push(`bare_rps=${Math.round(bareFig.rps)}`, `bare_p99_ms=${bareFig.p99}`);

const stores: Array<[string, Record<string, string>]> = [['sqlite', { DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'od-bench-')), DATABASE_URL: '' }]];
if (process.env.DATABASE_URL) stores.push(['postgres', { DATABASE_URL: process.env.DATABASE_URL }]);
for (const [name, env] of stores) {
  const server = await startProcess([bin, 'serve'], { ...env, PORT: '0', HOST: '127.0.0.1', INTAKE_RATE_LIMIT: '0', LOG_LEVEL: 'warn', DETECT: 'false' });
  const fig = await drive(server.url);
  await server.stop();
  show(`durable intake ${name}`, fig);
  const ratio = fig.rps / bareFig.rps;
  console.log(`  ratio to bare: ${(ratio * 100).toFixed(1)} %   (target >= 50 %, p99 < 50 ms)`);
  summary.push(`${name}_rps=${Math.round(fig.rps)}`, `${name}_p50_ms=${fig.p50}`, `${name}_p99_ms=${fig.p99}`, `${name}_ratio=${ratio.toFixed(3)}`, `${name}_errors=${fig.errors + fig.non2xx}`);
}
console.log(summary.join(' '));
