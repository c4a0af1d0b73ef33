// Opens the store: SQLite in DATA_DIR by default, PostgreSQL when DATABASE_URL is set.
// Migrations run on open, so the server and the CLI always see the same schema.
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Kysely, Migrator, PostgresDialect, type CompiledQuery } from 'kysely';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
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
  /**
   * PostgreSQL only: runs `COPY (…) TO STDOUT` (the whole statement, no parameters) on a
   * connection of the exports' own pool and streams its bytes, with back-pressure (the server
   * waits while the stream is full). The connection goes back to the pool when the stream ends;
   * destroyed before its end (the client went away) the stream closes the connection, which
   * ends the COPY on the server, and the pool opens another when needed. With every export
   * connection held past the wait it rejects with ExportsBusyError.
   */
  copyOut?: (statement: string) => Promise<Readable>;
  close(): Promise<void>;
}

export interface StoreOptions {
  dataDir: string;
  databaseUrl?: string | undefined;
  /** PostgreSQL: how long an export waits for a free export connection (default EXPORT_WAIT_MS). */
  exportWaitMs?: number;
}

export async function openStore(opts: StoreOptions): Promise<Store> {
  const store = opts.databaseUrl ? connectPostgres(opts.databaseUrl, 10, EXPORT_CONNECTIONS, opts.exportWaitMs) : openSqlite(opts.dataDir);
  await migrate(store);
  return store;
}

function openSqlite(dataDir: string): Store {
  fs.mkdirSync(dataDir, { recursive: true });
  return openSqliteConnection(path.join(dataDir, SQLITE_FILE));
}

/**
 * Connections the exports' COPY streams may hold at once, apart from the store's pool: a long
 * download holds one for its whole length and must not take the API's. A further export waits
 * for one to be free, at most EXPORT_WAIT_MS.
 */
export const EXPORT_CONNECTIONS = 4;
/** How long an export waits for one of them before ExportsBusyError (the client is told to retry). */
export const EXPORT_WAIT_MS = 10_000;

/** Every export connection stayed held by a download for the whole wait. */
export class ExportsBusyError extends Error {
  constructor(readonly waitedMs: number) {
    super(`no export connection came free in ${waitedMs} ms`);
  }
}

/** A client of `pool` within `ms`; if one comes only later, it goes straight back. */
async function connectWithin(pool: pg.Pool, ms: number): Promise<pg.PoolClient> {
  const pending = pool.connect();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ExportsBusyError(ms)), ms);
  });
  try {
    return await Promise.race([pending, late]);
  } catch (err) {
    if (err instanceof ExportsBusyError) pending.then((client) => client.release(), () => {});
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

/** A pool on a migrated PostgreSQL store (openStore migrates it first). */
export function connectPostgres(url: string, max = 10, exportConnections = EXPORT_CONNECTIONS, exportWaitMs = EXPORT_WAIT_MS): Store {
  const pool = new pg.Pool({ connectionString: url, max });
  // A dropped idle connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const prepared = async <R>(name: string, text: string, values: unknown[]) => (await pool.query({ name, text, values })).rows as R[];
  const readArrays = async (q: CompiledQuery) => (await pool.query<unknown[]>({ text: q.sql, values: [...q.parameters], rowMode: 'array' })).rows;
  let exportPool: pg.Pool | undefined;
  const copyOut = async (statement: string): Promise<Readable> => {
    if (!exportPool) {
      // No JIT: an export's statement is planned for millions of rows, and compiling it cost more than it saved (~0.15 s of 1.7).
      exportPool = new pg.Pool({ connectionString: url, max: exportConnections, client_encoding: 'UTF8', options: '-c jit=off' });
      exportPool.on('error', () => {});
    }
    const stream = copyOutOn(await connectWithin(exportPool, exportWaitMs), statement);
    // Handed on once the server has begun writing (its first bytes buffered) or has finished: a
    // failing statement rejects here, before a response has started.
    await new Promise<void>((resolve, reject) => {
      const done = (err?: Error) => {
        stream.off('readable', ready).off('end', ready).off('error', done);
        if (err) reject(err);
        else resolve();
      };
      const ready = () => done();
      stream.once('readable', ready).once('end', ready).once('error', done);
    });
    return stream;
  };
  const close = async () => {
    await db.destroy();
    await exportPool?.end();
  };
  return { db, dialect: 'postgres', location: url.replace(/:[^:@/]*@/, ':***@'), url, prepared, readArrays, copyOut, close };
}

/** The COPY's stream on `client`, which it gives back to its pool once (kept when the COPY ended, closed otherwise). */
function copyOutOn(client: pg.PoolClient, statement: string): Readable {
  const stream = client.query(copyTo(statement));
  let released = false;
  const release = (err?: Error) => {
    if (released) return;
    released = true;
    // With an error the pool ends the client, and pg ends a client whose query is still running
    // (the COPY, mid-way) by closing its socket: the server's statement ends at once, where a
    // cancel request would wait until the server could send again.
    client.release(err);
  };
  stream.on('end', () => release());
  stream.on('error', (err) => release(err));
  stream.on('close', () => release(new Error('export stream closed before the COPY ended')));
  return stream;
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
