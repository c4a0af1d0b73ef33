// Starts the whole server: store, intake, first admin, HTTP, and stops it gracefully —
// in-flight requests finish and every acknowledged report is committed before exit.
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { DailySalts } from '../intake/fingerprint.js';
import { expireIdempotencyKeys } from '../intake/idempotency.js';
import { Intake } from '../intake/intake.js';
import { RateLimiter } from '../intake/rate-limit.js';
import { Metrics } from '../ops/metrics.js';
import { lookupZip } from '../reference/index.js';
import { ensureFirstAdmin, prepareDecoy } from '../staff/index.js';
import { openStore, type Store } from '../store/index.js';
import { buildApp, type AppParts } from './app.js';
import type { AppContext } from './context.js';
import { purgeEndedHits } from './rate-limit-store.js';
import { randomBytes } from 'node:crypto';
import { settingOrCreate } from '../store/settings.js';

/** INTAKE_RATE_LIMIT is per client (address and browser); one address may send this many times it. */
const ADDRESS_LIMIT_FACTOR = 20;
const HOUSEKEEPING_MS = 10 * 60_000;

/**
 * What expires, gone on time even on a server nobody reports to: yesterday's fingerprint salt
 * once the dedupe window has passed, idempotency keys after 24 h, ended rate-limit counters.
 * Every process runs it; each step is idempotent.
 */
export async function housekeeping(ctx: AppContext): Promise<void> {
  const now = ctx.clock();
  await ctx.salts.purge(now);
  await expireIdempotencyKeys(ctx.store.db, now);
  await purgeEndedHits(ctx.store.db);
}

export async function createContext(config: Config, store?: Store, clock: () => Date = () => new Date()): Promise<AppContext> {
  const s = store ?? (await openStore(config));
  const metrics = new Metrics();
  const accepted = metrics.counter('reports_accepted_total', 'Reports committed, by source');
  const rejected = metrics.counter('reports_rejected_total', 'Reports refused, by reason');
  const intake = new Intake(s);
  metrics.gauge('intake_pending_reports', 'Reports waiting for a commit', () => intake.stats.pending);
  metrics.gauge('intake_commits_total', 'Group commits so far', () => intake.stats.batches);
  metrics.gauge('process_resident_memory_bytes', 'Resident memory', () => process.memoryUsage().rss);
  await prepareDecoy(); // before the first sign-in: an unknown email then costs what a known one does
  // The ZIP table loads on first use, blocking the loop for 0.3-2 s: do it before the first report.
  lookupZip('10001');
  const salts = new DailySalts(s.db);
  await salts.forDay(clock()); // fails fast if the store cannot hold salts
  const linkSecret = await settingOrCreate(s.db, 'link_secret', () => randomBytes(32).toString('base64url'));
  return {
    config,
    store: s,
    intake,
    rateLimiter: new RateLimiter(config.intakeRateLimit),
    // Many honest people share one address (carrier NAT, an office): only a far larger count is abuse.
    addressRateLimiter: new RateLimiter(config.intakeRateLimit * ADDRESS_LIMIT_FACTOR),
    metrics,
    salts,
    linkSecret,
    clock,
    count: { accepted: (source) => accepted({ source }), rejected: (reason) => rejected({ reason }) },
  };
}

export interface RunningServer {
  app: FastifyInstance;
  ctx: AppContext;
  url: string;
  stop(): Promise<void>;
}

export interface StartOptions extends AppParts {
  /** Work that runs beside HTTP (detection); stopped before the store closes. */
  background?: Array<(ctx: AppContext) => Promise<{ stop(): Promise<void> }>>;
  announce?: (line: string) => void;
  /** The time stamped on reports (default: real time; the demo runs an accelerated clock). */
  clock?: () => Date;
}

export async function startServer(config: Config, opts: StartOptions = {}): Promise<RunningServer> {
  const ctx = await createContext(config, undefined, opts.clock);
  const announce = opts.announce ?? ((line: string) => process.stdout.write(line + '\n'));
  const app = await buildApp(ctx, opts);
  const address = await app.listen({ port: config.port, host: config.host });
  const url = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
  const admin = await ensureFirstAdmin(ctx.store.db, config.adminEmail);
  if (admin) {
    announce(`First start: created admin ${admin.email} with password ${admin.password}`);
    announce(`Sign in at ${url}/login: you choose your own password at first sign-in.`);
  }
  const workers = await Promise.all((opts.background ?? []).map((start) => start(ctx)));
  const purgeSalts = setInterval(() => housekeeping(ctx).catch((err: unknown) => app.log.warn({ err }, 'housekeeping failed')), HOUSEKEEPING_MS);
  purgeSalts.unref();
  announce(`Outage Desk listening on ${url} (store: ${ctx.store.dialect} ${ctx.store.location})`);
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      clearInterval(purgeSalts);
      await app.close(); // stops accepting and waits for in-flight requests
      await ctx.intake.close();
      for (const w of workers) await w.stop();
      await ctx.store.close();
    })());
  return { app, ctx, url, stop };
}
