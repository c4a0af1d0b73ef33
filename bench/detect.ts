// bench:detect — detection quality and speed on simulated ground truth (bench/engine.ts: the
// engine alone, storage excluded), then a full `import` of the 90-day simulation (>= 1 M
// reports) into a fresh embedded store followed by detection over the store (storage
// included). Prints figures; ends with one name=value summary line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { replayStore } from '../src/incidents/index.js';
import { importFile } from '../src/intake/import-file.js';
import { simulateToFiles } from '../src/sim/index.js';
import { openStore } from '../src/store/index.js';

const summary: string[] = [];

// 1. The engine on ground truth (its own process, so its memory figure is its own).
const engine = spawnSync(process.execPath, ['--import', 'tsx', 'bench/engine.ts'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
const engineLines = engine.stdout.trim().split('\n');
console.log(engineLines.slice(0, -1).join('\n'));
summary.push(engineLines.at(-1) ?? 'engine=failed');

// 2. Storage included: simulate 90 days, import them, detect over the store.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'od-bench-detect-'));
const file = path.join(dir, 'reports.jsonl');
const sim = await simulateToFiles({ days: 90, seed: 1, out: file, truth: path.join(dir, 'truth.json') });
console.log(`\nfull import: ${sim.reports.toLocaleString('en-US')} simulated reports (90 days, seed 1)`);

async function importAndDetect(label: string, store: Awaited<ReturnType<typeof openStore>>): Promise<void> {
  const t0 = performance.now();
  const imported = await importFile(store, file);
  const t1 = performance.now();
  const detected = await replayStore(store);
  const t2 = performance.now();
  const importRate = imported.accepted / ((t1 - t0) / 1000);
  const detectRate = detected.reports / ((t2 - t1) / 1000);
  // What `replay` spends: the engine's share, and the store reads (pages of 20 k rows) and incident writes besides.
  const engineRate = detected.reports / Math.max(detected.engineSeconds, 1e-9);
  const storeSeconds = detected.totalSeconds - detected.engineSeconds;
  console.log(`${label.padEnd(8)} import ${imported.accepted.toLocaleString('en-US')} rows (rejected ${imported.rejected}) in ${((t1 - t0) / 1000).toFixed(1)} s = ${Math.round(importRate).toLocaleString('en-US')} reports/s; detection over the store ${((t2 - t1) / 1000).toFixed(1)} s = ${Math.round(detectRate).toLocaleString('en-US')} reports/s (${detected.incidents.length} incidents): engine ${detected.engineSeconds.toFixed(1)} s = ${Math.round(engineRate).toLocaleString('en-US')} reports/s, reading the store and writing incidents ${storeSeconds.toFixed(1)} s`);
  summary.push(`${label}_import_rps=${Math.round(importRate)}`, `${label}_store_detect_rps=${Math.round(detectRate)}`, `${label}_import_rows=${imported.accepted}`, `${label}_store_detect_engine_rps=${Math.round(engineRate)}`, `${label}_store_detect_read_s=${storeSeconds.toFixed(1)}`);
}

const sqlite = await openStore({ dataDir: path.join(dir, 'data') });
await importAndDetect('sqlite', sqlite);
await sqlite.close();
if (process.env.DATABASE_URL) {
  const pg = await import('pg');
  const name = `od_bench_${Date.now()}`;
  const admin = new pg.default.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  const store = await openStore({ dataDir: dir, databaseUrl: url.toString() });
  await importAndDetect('postgres', store);
  await store.close();
  await admin.query(`drop database ${name} with (force)`);
  await admin.end();
}
const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(`peak memory of the import process: ${peakMb} MB`);
summary.push(`import_peak_rss_mb=${peakMb}`);
fs.rmSync(dir, { recursive: true, force: true });
console.log(summary.join(' '));
