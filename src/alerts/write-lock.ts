// A read-then-write on either store: a Postgres transaction, or SQLite's write lock taken up
// front (BEGIN IMMEDIATE: a deferred transaction that reads then writes fails with "database is
// locked" when another connection wrote in between, instead of waiting its turn).
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, Store } from '../store/index.js';

export async function withWriteLock<T>(store: Store, work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  if (store.dialect === 'postgres') return store.db.transaction().execute((trx: Transaction<Database>) => work(trx));
  return store.db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const out = await work(conn);
      await sql`commit`.execute(conn);
      return out;
    } catch (err) {
      await sql`rollback`.execute(conn);
      throw err;
    }
  });
}
