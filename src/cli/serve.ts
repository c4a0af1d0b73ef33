import cluster from 'node:cluster';
import type { Command } from 'commander';
import { startServer, type RunningServer } from '../http/server.js';
import { deskAppRoutes } from '../web/desk-app.js';
import { webNotFoundPage, webRoutes } from '../web/index.js';
import { runCluster } from './cluster.js';
import { runDemo } from './demo.js';
import { detectionWorker } from './detection-worker.js';
import { configFrom, UsageError, withStoreFlags, type StoreFlags } from './options.js';

interface ServeFlags extends StoreFlags {
  port?: string;
  workers: string;
  demo?: boolean;
  speed: string;
  sample: string;
  demoFrom: string;
  demoUntil: string;
  historyDays: string;
}

function demoOptions(flags: ServeFlags) {
  const speed = Number(flags.speed);
  const sample = Number(flags.sample);
  const from = new Date(flags.demoFrom);
  const until = new Date(flags.demoUntil);
  const historyDays = Number(flags.historyDays);
  if (!(speed > 0)) throw new UsageError('--speed must be a positive number');
  if (!(until.getTime() > from.getTime())) throw new UsageError('--demo-until must be an ISO date-time after --demo-from');
  if (!(Number.isInteger(historyDays) && historyDays >= 1 && historyDays <= 35)) throw new UsageError('--history-days must be a whole number from 1 to 35');
  if (!(sample > 0 && sample <= 1)) throw new UsageError('--sample must be in (0, 1]');
  if (Number.isNaN(from.getTime())) throw new UsageError('--demo-from must be an ISO date-time');
  return { port: flags.port, speed, sample, from, until, historyDays, dataDir: flags.dataDir };
}

export function registerServe(program: Command): void {
  withStoreFlags(program.command('serve', { isDefault: true }).description('Run the HTTP server (public form, API, staff desk) with live detection'))
    .option('-p, --port <port>', 'port to listen on (default: env PORT or 8080)')
    .option('--workers <n>', 'run N server processes on the port (needs DATABASE_URL: they share one PostgreSQL)', '1')
    .option('--demo', 'server replaying the 22 Feb 2024 AT&T outage through the live path (a temporary store unless --data-dir)')
    .option('--speed <x>', 'demo: simulated seconds per real second (144 = the 12 hours in 5 minutes)', '144')
    .option('--sample <share>', 'demo: share of simulated reporters sent (the full day is ~2 M reports)', '0.05')
    .option('--demo-from <iso>', 'demo: simulated time the live replay starts at', '2024-02-22T08:00:00Z')
    .option('--demo-until <iso>', 'demo: simulated time the replay ends at (then `demo finished`)', '2024-02-22T22:00:00Z')
    .option('--history-days <n>', 'demo: days before --demo-from loaded as history for the baselines', '7')
    .action(async (flags: ServeFlags) => {
      const workers = Number(flags.workers);
      if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new UsageError('--workers must be a whole number from 1 to 64');
      if (workers > 1 && cluster.isPrimary) {
        if (flags.demo) throw new UsageError('--workers and --demo do not go together');
        if (!configFrom(flags).databaseUrl) throw new UsageError('--workers needs DATABASE_URL (or --database-url): the embedded store is one process');
        runCluster(workers);
        return;
      }
      const server: RunningServer = flags.demo
        ? await runDemo(demoOptions(flags))
        : await startServer(configFrom(flags), { background: [detectionWorker], extraRoutes: [webRoutes, deskAppRoutes], notFoundPage: webNotFoundPage });
      const shutdown = (signal: string) => {
        server.app.log.info({ signal }, 'shutting down: finishing in-flight requests and commits');
        server.stop().then(
          () => process.exit(0),
          (err: unknown) => {
            server.app.log.error({ err }, 'shutdown failed');
            process.exit(1);
          },
        );
      };
      process.once('SIGTERM', () => shutdown('SIGTERM'));
      process.once('SIGINT', () => shutdown('SIGINT'));
    });
}
