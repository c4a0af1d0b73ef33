// First load of the desk's incident page in Debian Chromium: navigation start until the uPlot
// canvas and the county map are drawn. The first load after a server start counts the incident's
// reports per county (the worst case); later loads are served the kept answer.
//   npm run bench:desk                      builds the 22 Feb 2024 store in a temporary directory
//   tsx bench/desk-load.ts BASE_URL EMAIL PASSWORD [INCIDENT_ID]   against a running server
// Ends with one summary line: desk_first_load_ms=<worst>,<median of the warm loads>.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

const BIN = path.resolve('bin/outage-desk.js');
const args = process.argv.slice(2);
const incidentId = args[3] ?? 'att-20240222T0845Z';
const WARM_LOADS = 5;

function cli(argv: string[], env: Record<string, string>): string {
  const r = spawnSync(process.execPath, [BIN, ...argv], { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`outage-desk ${argv.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** A server on a fresh store with the replayed 22 Feb 2024 day, and an investigator for it. */
async function replayedServer(): Promise<{ base: string; email: string; password: string; server: ChildProcess; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'od-bench-desk-'));
  const env = { DATA_DIR: path.join(dir, 'data'), DATABASE_URL: '' };
  process.stderr.write('simulating and importing the 22 Feb 2024 scenario (a few minutes)…\n');
  cli(['simulate', '--scenario', 'att-2024-02-22', '--out', path.join(dir, 'att.jsonl'), '--truth', path.join(dir, 'truth.json')], env);
  cli(['import', path.join(dir, 'att.jsonl')], env);
  const email = 'bench@example.org';
  const printed = /Initial password: (\S+)/.exec(cli(['user', 'add', '--email', email, '--role', 'investigator'], env))![1]!;
  const server = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { env: { ...process.env, ...env, HOST: '127.0.0.1', DETECT: 'false', LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const base = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    server.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  // Choose a password over the API, as the desk's forced change would.
  const signIn = await fetch(`${base}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: printed }) });
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
  const password = 'bench passphrase for the desk';
  await fetch(`${base}/api/v1/me/password`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ currentPassword: printed, newPassword: password }) });
  return { base, email, password, server, dir };
}

async function timeIncidentPage(ctx: BrowserContext): Promise<Record<string, number>> {
  const page = await ctx.newPage();
  const bytes: number[] = [];
  page.on('requestfinished', async (r) => bytes.push((await r.sizes()).responseBodySize));
  await page.goto(`/desk/incidents/${encodeURIComponent(incidentId)}`);
  await page.waitForFunction(() => document.querySelector('.od-chart canvas') && document.querySelectorAll('.od-map__counties path').length > 3000, undefined, { timeout: 60_000, polling: 'raf' });
  const drawn = await page.evaluate(() => performance.now());
  const t = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    // No named helper here: tsx would wrap it in a __name() call the page does not have.
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const counties = resources.find((e) => e.name.includes('/counties'));
    const atlas = resources.find((e) => e.name.includes('counties-albers'));
    return { domContentLoaded: nav.domContentLoadedEventEnd, countiesResponse: counties?.responseEnd ?? -1, atlasResponse: atlas?.responseEnd ?? -1 };
  });
  await page.close();
  return { ...t, chartAndMapDrawn: drawn, transferredKiB: Math.round(bytes.reduce((a, b) => a + b, 0) / 1024) };
}

const setup = args.length >= 3 ? { base: args[0]!, email: args[1]!, password: args[2]! } : await replayedServer();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
try {
  const round = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Math.round(v)]));
  const signedIn = async (): Promise<BrowserContext> => {
    const ctx = await browser.newContext({ baseURL: setup.base, viewport: { width: 1440, height: 900 } });
    const r = await ctx.request.post('/api/v1/session', { data: { email: setup.email, password: setup.password } });
    if (!r.ok()) throw new Error(`sign-in: ${r.status()}`);
    return ctx;
  };
  const first = await timeIncidentPage(await signedIn());
  console.log('first load after the server started, cold browser cache (ms):', round(first));
  const warm: number[] = [];
  for (let i = 0; i < WARM_LOADS; i++) {
    // A new browser context each time: a newcomer's first visit, with the server's counts kept.
    const t = await timeIncidentPage(await signedIn());
    warm.push(t.chartAndMapDrawn!);
    console.log(`later load ${i + 1}, cold browser cache (ms):`, round(t));
  }
  warm.sort((a, b) => a - b);
  const median = warm[Math.floor(warm.length / 2)]!;
  console.log(`incident page drawn: first ${Math.round(first.chartAndMapDrawn!)} ms (worst), later median ${Math.round(median)} ms, worst later ${Math.round(warm.at(-1)!)} ms`);
  console.log(`desk_first_load_ms=${Math.round(first.chartAndMapDrawn!)},${Math.round(median)}`);
} finally {
  await browser.close();
  if ('server' in setup) {
    setup.server.kill('SIGTERM');
    fs.rmSync(setup.dir, { recursive: true, force: true });
  }
}
