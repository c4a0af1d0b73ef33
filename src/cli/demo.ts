// `outage-desk serve --demo`: a fresh server on a temporary SQLite store, the day before the
// 22 Feb 2024 outage loaded as history, then the outage replayed through the live path (HTTP
// intake -> store -> live detection) on an accelerated clock, so a newcomer can watch the
// form, the incident opening and the counts as they happen.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config.js';
import { startServer, type RunningServer } from '../http/server.js';
import { BulkImporter } from '../intake/bulk-import.js';
import { progressBar } from '../ops/progress.js';
import { simulateReports, type SimReport } from '../sim/index.js';
import { openStore } from '../store/index.js';
import { deskAppRoutes } from '../web/desk-app.js';
import { webNotFoundPage, webRoutes } from '../web/index.js';
import { demoAddress, DemoClock, keepReporter } from './demo-clock.js';
import { detectionWorker } from './detection-worker.js';

export interface DemoOptions {
  port?: string | undefined;
  speed: number;
  sample: number;
  from: Date;
}

const SCENARIO = 'att-2024-02-22';
const MAX_IN_FLIGHT = 128;

async function loadHistory(dataDir: string, reports: Iterator<SimReport>, o: DemoOptions): Promise<SimReport | undefined> {
  const store = await openStore({ dataDir });
  const importer = new BulkImporter(store, o.from);
  const bar = progressBar('demo: loading the day before as history (sim time)', o.from.getTime() - Date.parse('2024-02-21T00:00:00Z'));
  try {
    for (let next = reports.next(); !next.done; next = reports.next()) {
      const r = next.value;
      if (Date.parse(r.receivedAt) >= o.from.getTime()) return r;
      if (!keepReporter(r.fingerprint, o.sample)) continue;
      importer.add(r);
      if (importer.full) {
        await importer.flush();
        bar.set(Date.parse(r.receivedAt) - Date.parse('2024-02-21T00:00:00Z'));
      }
    }
    return undefined;
  } finally {
    await importer.finish();
    bar.done(`demo: ${importer.counts.accepted} history reports stored`);
    await store.close();
  }
}

async function post(server: RunningServer, r: SimReport): Promise<void> {
  const { receivedAt: _r, fingerprint, ...body } = r;
  await fetch(`${server.url}/api/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': demoAddress(fingerprint), 'user-agent': 'outage-desk-demo' },
    body: JSON.stringify(body),
  }).catch(() => undefined);
}

async function drive(server: RunningServer, clock: DemoClock, first: SimReport | undefined, rest: Iterator<SimReport>, o: DemoOptions): Promise<number> {
  let sent = 0;
  const inFlight = new Set<Promise<void>>();
  let lastNote = 0;
  for (let r = first; r; ) {
    if (keepReporter(r.fingerprint, o.sample)) {
      const wait = clock.realDelayUntil(Date.parse(r.receivedAt));
      if (wait > 2) await new Promise((res) => setTimeout(res, wait));
      while (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
      const p = post(server, r).finally(() => inFlight.delete(p));
      inFlight.add(p);
      sent++;
      if (Date.now() - lastNote > 10_000) {
        lastNote = Date.now();
        process.stdout.write(`demo: simulated time ${new Date(clock.now()).toISOString().slice(0, 16)}Z, ${sent} reports sent\n`);
      }
    }
    const next = rest.next();
    r = next.done ? undefined : next.value;
  }
  await Promise.all(inFlight);
  return sent;
}

export async function runDemo(o: DemoOptions): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outage-desk-demo-'));
  const reports = simulateReports({ scenario: SCENARIO })[Symbol.iterator]();
  const first = await loadHistory(dataDir, reports, o);
  const clock = new DemoClock(o.from.getTime(), o.speed);
  // A request log line per replayed report would bury the incident lines a newcomer watches for.
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', PORT: o.port ?? process.env.PORT ?? '8080', INTAKE_RATE_LIMIT: '0', TRUST_PROXY: 'true', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const server = await startServer(config, { background: [detectionWorker], extraRoutes: [webRoutes, deskAppRoutes], notFoundPage: webNotFoundPage, clock: () => new Date(clock.now()) });
  process.stdout.write(`demo: data in ${dataDir} (removed when the demo stops); replaying ${SCENARIO} from ${o.from.toISOString()} at ${o.speed}x, ${Math.round(o.sample * 100)} % of reporters\n`);
  process.stdout.write(`demo: watch ${server.url}/ (report form) and ${server.url}/desk (sign in with the admin password above)\n`);
  clock.start();
  void drive(server, clock, first, reports, o).then((sent) => process.stdout.write(`demo: replay finished, ${sent} reports sent through the live path\n`));
  // A demo leaves nothing behind: its store is a few hundred MB of simulated reports.
  return { ...server, stop: () => server.stop().then(() => fs.rmSync(dataDir, { recursive: true, force: true })) };
}
