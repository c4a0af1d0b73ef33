// The live path end to end across processes on one PostgreSQL: reports POSTed to process A (no
// detection there), the detector of process B (the leader) opens the incident, and an SSE
// client on A — and one on B — sees it within 2 s of B writing it (B prints the line as it
// stores the incident; NOTIFY from the incidents table wakes A's stream). Both processes run
// the built server on one accelerated clock (60 simulated seconds a second), so the minutes of
// elevated reports detection wants pass in seconds.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { BulkImporter } from '../../src/intake/bulk-import.js';
import { openStore } from '../../src/store/index.js';
import { openSse } from '../support/sse.js';
import { newStoreLocation, type TestStoreLocation } from '../support/stores.js';

const SERVER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../support/clocked-server.mjs');
const SPEED = 60;
const MINUTE = 60_000;
const WAIT_MS = 30_000;

function startProcess(env: Record<string, string>) {
  const child = spawn(process.execPath, [SERVER], { env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: '0', INTAKE_RATE_LIMIT: '0', MAX_EVENT_LOOP_DELAY_MS: '0', MAX_IN_FLIGHT: '0', MAX_QUEUE_WAIT_MS: '0', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines: Array<{ at: number; line: string }> = [];
  let out = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    let cut: number;
    while ((cut = out.indexOf('\n')) >= 0) {
      lines.push({ at: Date.now(), line: out.slice(0, cut) });
      out = out.slice(cut + 1);
    }
  });
  const url = new Promise<string>((resolve, reject) => {
    const look = setInterval(() => {
      const m = lines.map((l) => /listening on (http:\/\/\S+)/.exec(l.line)).find(Boolean);
      if (m) {
        clearInterval(look);
        resolve(m[1]!);
      }
    }, 20);
    child.once('exit', (code) => {
      clearInterval(look);
      reject(new Error(`server exited ${code}`));
    });
  });
  const stop = () => new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
  return { url, lines, stop };
}

const until = async <T>(what: string, fn: () => Promise<T | undefined> | T | undefined): Promise<T> => {
  const end = Date.now() + WAIT_MS;
  for (;;) {
    const v = await fn();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('SSE through the live detector in another process', () => {
  let loc: TestStoreLocation;
  const procs: Array<ReturnType<typeof startProcess>> = [];
  afterAll(async () => {
    for (const p of procs) await p.stop();
    await loc?.destroy();
  });

  it('a client of A sees the incident B detects from reports filed through A within 2 s of B storing it', async () => {
    loc = await newStoreLocation('postgres');
    const t0 = Date.now();
    const simNow = () => t0 + (Date.now() - t0) * SPEED;
    // Two quiet days before now as history for the baselines (a report every 20 min somewhere).
    const store = await openStore(loadConfig({ DATABASE_URL: loc.databaseUrl, DATA_DIR: loc.dataDir }));
    try {
      const importer = new BulkImporter(store, new Date(t0));
      const zips = ['10001', '60601', '90210', '73301', '33101', '98101'];
      let n = 0;
      for (let t = t0 - 2 * 24 * 60 * MINUTE; t < t0 - 30 * MINUTE; t += 20 * MINUTE) {
        expect(importer.add({ carrier: ['verizon', 'att', 'tmobile'][n % 3], services: ['data'], zip: zips[n % zips.length], receivedAt: new Date(t).toISOString(), fingerprint: `bg-${n++}` })).toBeNull();
      }
      await importer.finish();
    } finally {
      await store.close();
    }
    const clockEnv = { DATABASE_URL: loc.databaseUrl!, DATA_DIR: loc.dataDir, OD_TEST_CLOCK_T0: String(t0), OD_TEST_CLOCK_SPEED: String(SPEED) };
    const b = startProcess({ ...clockEnv, DETECT: 'true' });
    procs.push(b);
    const urlB = await b.url;
    const a = startProcess({ ...clockEnv, DETECT: 'false' });
    procs.push(a);
    const urlA = await a.url;
    // B holds the detection leader's lock (A does not detect at all).
    const check = await openStore(loadConfig({ DATABASE_URL: loc.databaseUrl, DATA_DIR: loc.dataDir }));
    try {
      await until('B to lead detection', async () => (await sql<{ n: number }>`select count(*)::int as n from pg_locks where locktype = 'advisory' and objid = 7411002 and granted`.execute(check.db)).rows[0]!.n === 1);
    } finally {
      await check.close();
    }

    const onA = await openSse(`${urlA}/api/v1/events`);
    const onB = await openSse(`${urlB}/api/v1/events`);
    try {
      await onA.next((e) => e.event === ': watching');
      await onB.next((e) => e.event === ': watching');
      const seen = (s: typeof onA) => s.next((e) => e.event === 'incident' && JSON.parse(e.data).network === 'tmobile').then((e) => ({ at: Date.now(), id: JSON.parse(e.data).id as string }));
      const seenA = seen(onA);
      const seenB = seen(onB);
      // Harris County, TX: 40 T-Mobile customers a simulated minute (one second), each from its own phone.
      let sent = 0;
      const file = async () => {
        const res = await fetch(`${urlA}/api/v1/reports`, { method: 'POST', headers: { 'content-type': 'application/json', 'user-agent': `phone-${sent++}` }, body: JSON.stringify({ carrier: 'tmobile', services: ['voice', 'data'], sosMode: true, zip: '77002' }) });
        expect(res.status).toBe(201);
      };
      const opened = () => b.lines.find((l) => /^incident opened: \S+ \w+ tmobile /.test(l.line));
      while (!opened()) {
        const minute = Math.floor(simNow() / MINUTE);
        await Promise.all(Array.from({ length: 40 }, file));
        await until('the next simulated minute', () => Math.floor(simNow() / MINUTE) > minute);
        expect(sent).toBeLessThan(40 * 20); // detection must come within 20 simulated minutes
      }
      const stored = opened()!;
      const id = stored.line.split(' ')[2]!;
      const [gotA, gotB] = await Promise.all([seenA, seenB]);
      expect(gotA.id).toBe(id);
      expect(gotB.id).toBe(id);
      expect(gotA.at - stored.at).toBeLessThan(2_000);
      expect(gotB.at - stored.at).toBeLessThan(2_000);
    } finally {
      onA.close();
      onB.close();
    }
  }, 90_000);
});
