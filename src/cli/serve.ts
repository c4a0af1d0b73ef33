import type { Command } from 'commander';
import { startServer } from '../http/server.js';
import { webRoutes } from '../web/index.js';
import { detectionWorker } from './detection-worker.js';
import { configFrom, withStoreFlags, type StoreFlags } from './options.js';

export function registerServe(program: Command): void {
  withStoreFlags(program.command('serve', { isDefault: true }).description('Run the HTTP server (public form, API, staff desk)'))
    .option('-p, --port <port>', 'port to listen on (default: env PORT or 8080)')
    .action(async (flags: StoreFlags & { port?: string }) => {
      const config = configFrom(flags);
      const server = await startServer(config, { background: [detectionWorker], extraRoutes: [webRoutes] });
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
