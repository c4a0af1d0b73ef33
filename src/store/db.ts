// Opens the store: SQLite in DATA_DIR by default, PostgreSQL when DATABASE_URL is set.
// Migrations run on open, so the server and the CLI always see the same schema.
import fs from 'node:fs';
import path from 'node:path';
import { Kysely, Migrator, PostgresDialect, type CompiledQuery } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations/index.js';
import type { Database } from './schema.js';
import { openSqliteConnection, SQLITE_FILE } from './sqlite.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Where the data lives, for logs: a file path or the Postgres URL without its password. */
  location: string;
  /** The SQLite file (so a writer thread can open its own connection); undefined on Postgres. */
  file?: string;
  /** The PostgreSQL URL (so a reader thread can open its own pool); undefined on SQLite. */
  url?: string;
  /**
   * PostgreSQL only: a named prepared statement, for the few hot statements Kysely cannot prepare
   * (parsed and planned once per connection: a third of the cost of a fresh complex statement).
   */
  prepared?: <R>(name: string, text: string, values: unknown[]) => Promise<R[]>;
  /**
   * Runs a compiled select and returns its rows as arrays in select order: the bulk reads (the
   * exports) skip building an object per row, and SQLite's driver reads a row about twice as fast.
   */
  readArrays(query: CompiledQuery): Promise<unknown[][]>;
  close(): Promise<void>;
}

export interface StoreOptions {
  dataDir: string;
  databaseUrl?: string | undefined;
}

export async function openStore(opts: StoreOptions): Promise<Store> {
  const store = opts.databaseUrl ? connectPostgres(opts.databaseUrl) : openSqlite(opts.dataDir);
  await migrate(store);
  return store;
}

function openSqlite(dataDir: string): Store {
  fs.mkdirSync(dataDir, { recursive: true });
  return openSqliteConnection(path.join(dataDir, SQLITE_FILE));
}

/** A pool on a migrated PostgreSQL store (openStore migrates it first). */
export function connectPostgres(url: string, max = 10): Store {
  const pool = new pg.Pool({ connectionString: url, max });
  // A dropped idle connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const prepared = async <R>(name: string, text: string, values: unknown[]) => (await pool.query({ name, text, values })).rows as R[];
  const readArrays = async (q: CompiledQuery) => (await pool.query<unknown[]>({ text: q.sql, values: [...q.parameters], rowMode: 'array' })).rows;
  return { db, dialect: 'postgres', location: url.replace(/:[^:@/]*@/, ':***@'), url, prepared, readArrays, close: () => db.destroy() };
}

export async function migrate(store: Store): Promise<string[]> {
  // Unordered: a store that ran a later-numbered migration first (built from a branch, or a
  // release that shipped them in another order) still gets the missing ones; each migration
  // touches only its own tables, so their order does not matter once each has run once.
  const migrator = new Migrator({ db: store.db, provider: migrationProvider(store.dialect), allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw new Error(`migration failed: ${error instanceof Error ? error.message : String(error)}`);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
