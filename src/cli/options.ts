// Options every command that touches the store accepts; they override the environment.
import type { Command } from 'commander';
import { loadConfig, type Config } from '../config.js';

export interface StoreFlags {
  dataDir?: string;
  databaseUrl?: string;
}

export function withStoreFlags(cmd: Command): Command {
  return cmd
    .option('--data-dir <dir>', 'SQLite data directory (default: env DATA_DIR or ./data)')
    .option('--database-url <url>', 'PostgreSQL URL instead of SQLite (default: env DATABASE_URL)');
}

export function configFrom(flags: StoreFlags & { port?: string }): Config {
  const env = { ...process.env };
  if (flags.dataDir) env.DATA_DIR = flags.dataDir;
  if (flags.databaseUrl) env.DATABASE_URL = flags.databaseUrl;
  if (flags.port) env.PORT = flags.port;
  return loadConfig(env);
}

/** A mistake in how the command was called: printed as one line, exit code 2, no stack. */
export class UsageError extends Error {}
