// Tamper-evident audit trail: each event's hash covers the previous event's hash, so editing or
// deleting a past event breaks the chain; the head (last seq and hash, kept beside the chain in
// the same transaction) shows events cut off the end. verifyAuditChain finds where.
import { createHash } from 'node:crypto';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { storedDate, type Database, type Store } from '../store/index.js';
import type { AuditEventsTable } from '../store/schema.js';

export interface AuditEvent {
  actor: string;
  action: string;
  target: string;
  detail?: Record<string, unknown>;
}

export interface StoredAuditEvent extends Required<AuditEvent> {
  seq: number;
  at: Date;
}

const GENESIS = '0'.repeat(64);
const HEAD = 'audit_head';

function chainHash(prevHash: string, at: Date, e: AuditEvent): string {
  return createHash('sha256')
    .update(JSON.stringify([prevHash, at.toISOString(), e.actor, e.action, e.target, e.detail ?? {}]))
    .digest('hex');
}

async function append(trx: Kysely<Database> | Transaction<Database>, e: AuditEvent, at: Date): Promise<void> {
  const last = await trx.selectFrom('audit_events').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const prev = last?.hash ?? GENESIS;
  const hash = chainHash(prev, at, e);
  const row = await trx
    .insertInto('audit_events')
    .values({ at, actor: e.actor, action: e.action, target: e.target, detail: JSON.stringify(e.detail ?? {}), prev_hash: prev, hash })
    .returning('seq')
    .executeTakeFirstOrThrow();
  const head = JSON.stringify({ seq: Number(row.seq), hash });
  await trx.insertInto('settings').values({ name: HEAD, value: head }).onConflict((oc) => oc.column('name').doUpdateSet({ value: head })).execute();
}

/**
 * Appends one event. Appends must be serial for the chain to be a chain: Postgres takes a lock
 * across processes; SQLite takes the write lock up front (BEGIN IMMEDIATE), because a deferred
 * transaction that reads and then writes fails at once with "database is locked" when another
 * process (the server, the CLI) committed in between, instead of waiting its turn.
 */
export async function recordAudit(store: Store, e: AuditEvent, at = new Date()): Promise<void> {
  if (store.dialect === 'postgres') {
    await store.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(7411001)`.execute(trx);
      await append(trx, e, at);
    });
    return;
  }
  await store.db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      await append(conn, e, at);
      await sql`commit`.execute(conn);
    } catch (err) {
      await sql`rollback`.execute(conn);
      throw err;
    }
  });
}

const toEvent = (r: Selectable<AuditEventsTable>): StoredAuditEvent => ({
  seq: Number(r.seq),
  at: storedDate(r.at),
  actor: r.actor,
  action: r.action,
  target: r.target,
  detail: JSON.parse(r.detail) as Record<string, unknown>,
});

export interface AuditFilter {
  actor?: string | undefined;
  action?: string | undefined;
  target?: string | undefined;
  since?: Date | undefined;
  until?: Date | undefined;
  /** Events before this seq (the previous page's last). */
  beforeSeq?: number | undefined;
  limit: number;
}

/** Newest first. */
export async function listAuditEvents(db: Kysely<Database>, f: AuditFilter): Promise<StoredAuditEvent[]> {
  let q = db.selectFrom('audit_events').selectAll();
  if (f.actor) q = q.where('actor', '=', f.actor);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.target) q = q.where('target', '=', f.target);
  if (f.since) q = q.where('at', '>=', f.since);
  if (f.until) q = q.where('at', '<', f.until);
  if (f.beforeSeq !== undefined) q = q.where('seq', '<', f.beforeSeq);
  const rows = await q.orderBy('seq', 'desc').limit(f.limit).execute();
  return rows.map(toEvent);
}

export type ChainBreak = { seq: number; reason: string };

const PAGE = 1000;

/**
 * Walks the chain page by page (constant memory, however long the log) and names the first
 * event that does not follow from its predecessor, or null when the chain is whole.
 * `onProgress` hears how many events were checked so far.
 */
export async function verifyAuditChain(store: Store, onProgress?: (checked: number) => void): Promise<ChainBreak | null> {
  // The head is read first: events appended while the walk runs are past it and need no anchor.
  const headRow = await store.db.selectFrom('settings').select('value').where('name', '=', HEAD).executeTakeFirst();
  const head = headRow ? (JSON.parse(headRow.value) as { seq: number; hash: string }) : undefined;
  let prev = GENESIS;
  let lastSeq = 0;
  let checked = 0;
  for (;;) {
    const rows = await store.db.selectFrom('audit_events').selectAll().where('seq', '>', lastSeq).orderBy('seq').limit(PAGE).execute();
    for (const r of rows) {
      const e = toEvent(r);
      if (r.prev_hash !== prev) return { seq: e.seq, reason: lastSeq === 0 ? 'the first event does not start the chain (events before it were deleted?)' : `does not follow event ${lastSeq} (an event between them was deleted or changed)` };
      if (chainHash(prev, e.at, e) !== r.hash) return { seq: e.seq, reason: 'its content does not match its hash (edited)' };
      if (head && e.seq === head.seq && r.hash !== head.hash) return { seq: e.seq, reason: 'it is not the event last written with this number (replaced)' };
      prev = r.hash;
      lastSeq = e.seq;
    }
    checked += rows.length;
    onProgress?.(checked);
    if (rows.length < PAGE) break;
  }
  if (head && lastSeq < head.seq) return { seq: lastSeq + 1, reason: `the log ends at event ${lastSeq} but event ${head.seq} was written (events cut off the end)` };
  return null;
}
