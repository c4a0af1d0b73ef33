// One SQLite connection with the settings every connection to the store must have.
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, type CompiledQuery } from 'kysely';
import type { Store } from './db.js';
import type { Database } from './schema.js';
import { SqliteTimePlugin } from './time.js';

export const SQLITE_FILE = 'outage-desk.sqlite';

/** A raw connection with the store's settings (the writer thread runs prepared statements on it). */
export function openSqliteFile(file: string): SqliteDatabase.Database {
  const sqlite = new SqliteDatabase(file);
  // WAL lets the CLI read and write while the server runs; FULL fsyncs every commit, so an
  // acknowledged report survives a power cut. busy_timeout covers another connection's commit.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 10000');
  sqlite.pragma('foreign_keys = ON');
  // 64 MiB of page cache keeps the report indexes in memory during bulk imports.
  sqlite.pragma('cache_size = -65536');
  return sqlite;
}

export function openSqliteConnection(file: string): Store {
  const sqlite = openSqliteFile(file);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new SqliteTimePlugin()] });
  // Synchronous on the one connection, like Kysely's own queries on it; parameters as compiled (Dates already epoch ms).
  const readArrays = async (q: CompiledQuery) => sqlite.prepare(q.sql).raw(true).all(...(q.parameters as unknown[])) as unknown[][];
  return { db, dialect: 'sqlite', location: file, file, readArrays, close: () => db.destroy() };
}
