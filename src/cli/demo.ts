// `outage-desk serve --demo`: a fresh server (a temporary SQLite store, or --data-dir kept for
// inspection), a week before the 22 Feb 2024 outage loaded as history so the baselines have
// something to stand on, then the outage replayed through the live path (HTTP intake -> store
// -> live detection) on an accelerated clock, so a newcomer can watch the form, the incident
// opening and the counts as they happen. When the replay ends the clock stops there, live
// detection catches up and the demo prints `demo finished`; the server stays up for browsing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config.js';
import type { RunningServer } from '../http/server.js';
import { progressBar } from '../ops/progress.js';
import { simulateReports } from '../sim/index.js';
import { deskAppRoutes } from '../web/desk-app.js';
import { webNotFoundPage, webRoutes } from '../web/index.js';
import { loadHistory, startLiveReplay } from './demo-replay.js';
import { UsageError } from './options.js';

export interface DemoOptions {
  port?: string | undefined;
  speed: number;
  sample: number;
  from: Date;
  /** Simulated time the replay ends at. */
  until: Date;
  /** Days of history before `from` (the baselines want 4 weeks; a week gives the same hour of each day). */
  historyDays: number;
  /** Keep the store here (default: a temporary directory, removed when the demo stops). */
  dataDir?: string | undefined;
}

const SCENARIO = 'att-2024-02-22';
const DAY = 86_400_000;

/** Where the store lives: a kept directory must be new or empty (history is loaded into it). */
function demoDataDir(o: DemoOptions): { dir: string; kept: boolean } {
  if (!o.dataDir) return { dir: fs.mkdtempSync(path.join(os.tmpdir(), 'outage-desk-demo-')), kept: false };
  if (fs.existsSync(o.dataDir) && fs.readdirSync(o.dataDir).length > 0) throw new UsageError(`--data-dir ${o.dataDir} is not empty: the demo loads its history into a new store`);
  fs.mkdirSync(o.dataDir, { recursive: true });
  return { dir: o.dataDir, kept: true };
}

export async function runDemo(o: DemoOptions): Promise<RunningServer> {
  const { dir: dataDir, kept } = demoDataDir(o);
  const start = o.from.getTime() - o.historyDays * DAY;
  // A request log line per replayed report would bury the incident lines a newcomer watches for.
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', PORT: o.port ?? process.env.PORT ?? '8080', INTAKE_RATE_LIMIT: '0', TRUST_PROXY: 'true', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const reports = simulateReports({ scenario: SCENARIO, start: new Date(start), days: (o.until.getTime() - start) / DAY })[Symbol.iterator]();
  const bar = progressBar(`demo: loading ${o.historyDays} days before ${o.from.toISOString().slice(0, 16)}Z as history (sim time)`, o.from.getTime() - start);
  const { first, accepted } = await loadHistory(config, reports, o.from, o.sample, (at) => bar.set(at - start));
  bar.done(`demo: ${accepted} history reports stored`);
  if (o.historyDays < 28) process.stdout.write(`demo: ${o.historyDays} days of history: each hour is compared with the same hour of the previous days (4 weeks would compare it with the same hour of the week)\n`);
  const run = await startLiveReplay(config, {
    from: o.from, until: o.until, speed: o.speed, sample: o.sample, historyDays: o.historyDays, first, rest: reports,
    server: { extraRoutes: [webRoutes, deskAppRoutes], notFoundPage: webNotFoundPage },
    onNote: (line) => process.stdout.write(line + '\n'),
  });
  const { server } = run;
  process.stdout.write(`demo: data in ${dataDir} (${kept ? 'kept' : 'removed when the demo stops'}); replaying ${SCENARIO} from ${o.from.toISOString()} to ${o.until.toISOString()} at ${o.speed}x, ${Math.round(o.sample * 100)} % of reporters\n`);
  process.stdout.write(`demo: watch ${server.url}/ (report form) and ${server.url}/desk (sign in with the admin password above)\n`);
  run.finished.then(
    ({ sent, refused }) => {
      const note = refused > 0 ? ` (${refused} refused)` : '';
      process.stdout.write(`demo finished: ${sent} reports sent through the live path${note}, detection caught up to ${o.until.toISOString()}; the server stays up (Ctrl-C stops it)\n`);
    },
    (err: unknown) => process.stderr.write(`demo: ${err instanceof Error ? err.message : String(err)}\n`),
  );
  // A temporary demo leaves nothing behind: its store is a few hundred MB of simulated reports.
  return kept ? server : { ...server, stop: () => server.stop().then(() => fs.rmSync(dataDir, { recursive: true, force: true })) };
}
