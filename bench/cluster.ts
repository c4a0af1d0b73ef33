// bench:cluster — durable intake with 1, 2 and 4 server processes (`serve --workers N`) on one
// PostgreSQL, driven by autocannon (64 connections, from this same 2-core machine); prints req/s,
// p50/p99, the ratio to one process, shed answers (503) and the detection failover time (kill -9
// the leader: time until another worker holds the advisory lock). Ends with one name=value line.
import { spawn, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);
const body = JSON.stringify({ carrier: 'att', services: ['voice', 'data'], zip: '10001', description: 'SOS since 4am' });

async function admin(q: string): Promise<void> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try { await c.query(q); } finally { await c.end(); }
}

function serve(workers: number, databaseUrl: string) {
  const child = spawn(process.execPath, ['bin/outage-desk.js', 'serve', '--port', '0', '--workers', String(workers)], {
    env: { ...process.env, DATABASE_URL: databaseUrl, HOST: '127.0.0.1', INTAKE_RATE_LIMIT: process.env.INTAKE_RATE_LIMIT ?? '0', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const listening = out.match(/listening on (http:\/\/\S+)/g) ?? [];
      if (listening.length >= workers) resolve(listening[0]!.replace('listening on ', ''));
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
  const stop = () => new Promise<void>((r) => { child.once('exit', () => r()); child.kill('SIGTERM'); });
  return { child, ready, stop };
}

const workersOf = (primary: number) => execFileSync('ps', ['-o', 'pid=', '--ppid', String(primary)], { encoding: 'utf8' }).split('\n').map(Number).filter((n) => n > 0);

async function leaderBackend(url: string): Promise<number | undefined> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<{ pid: number }>(`select pid from pg_locks where locktype = 'advisory' and granted and database = (select oid from pg_database where datname = current_database())`);
    return r.rows[0]?.pid;
  } finally { await c.end(); }
}

async function run(workers: number) {
  const name = `od_bench_${randomBytes(4).toString('hex')}`;
  await admin(`create database ${name}`);
  const u = new URL(ADMIN_URL); u.pathname = `/${name}`;
  const url = u.toString();
  const s = serve(workers, url);
  try {
    const base = await s.ready;
    const r = await autocannon({ url: `${base}/api/v1/reports`, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: 64, duration: DURATION_S });
    const shed = r.non2xx;
    let failoverMs: number | undefined;
    if (workers > 1) {
      // Kill workers one by one until the leader's lock moves; time until it is held again.
      let before = await leaderBackend(url);
      for (const pid of workersOf(s.child.pid!)) {
        while (before === undefined) { await new Promise((r) => setTimeout(r, 100)); before = await leaderBackend(url); }
        const t0 = Date.now();
        process.kill(pid, 'SIGKILL');
        await new Promise((r) => setTimeout(r, 300));
        const now = await leaderBackend(url);
        if (now === before) continue;
        let holder = now;
        while (holder === undefined || holder === before) { await new Promise((r) => setTimeout(r, 50)); holder = await leaderBackend(url); if (Date.now() - t0 > 30_000) break; }
        failoverMs = Date.now() - t0;
        break;
      }
    }
    return { workers, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, shed, errors: r.errors, failoverMs };
  } finally {
    await s.stop();
    await admin(`drop database if exists ${name} with (force)`);
  }
}

const results: Array<Awaited<ReturnType<typeof run>>> = [];
// BENCH_WORKERS=1,2 runs only those; INTAKE_RATE_LIMIT=1000000000 measures the shared limit's cost.
const WORKERS = (process.env.BENCH_WORKERS ?? '1,2,4').split(',').map(Number);
for (const w of WORKERS) {
  const f = await run(w);
  results.push(f);
  process.stdout.write(`${w} process(es): ${f.rps.toFixed(0)} req/s, p50 ${f.p50} ms, p99 ${f.p99} ms, non-2xx ${f.shed}, errors ${f.errors}${f.failoverMs !== undefined ? `, detection failover ${f.failoverMs} ms` : ''}\n`);
}
const one = results[0]!.rps;
for (const f of results) process.stdout.write(`  ratio ${f.workers}/1: ${(f.rps / one).toFixed(2)}\n`);
const fo = results.map((f) => f.failoverMs).filter((x): x is number => x !== undefined);
process.stdout.write(`cluster_rps_1=${one.toFixed(0)} ${results.slice(1).map((f) => `cluster_rps_${f.workers}=${f.rps.toFixed(0)} ratio_${f.workers}=${(f.rps / one).toFixed(2)} `).join('')}${results.filter((f) => f.workers === 1 || f.workers === results.at(-1)!.workers).map((f) => `p99_${f.workers}_ms=${f.p99} `).join('')}failover_ms_worst=${fo.length ? Math.max(...fo) : 'n/a'}\n`);
