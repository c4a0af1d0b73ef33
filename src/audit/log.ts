// Tamper-evident audit trail: each event's hash covers the previous event's hash, so editing or
// deleting a past event breaks the chain (verifyAuditChain finds where).
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Store } from '../store/index.js';

export interface AuditEvent {
  actor: string;
  action: string;
  target: string;
  detail?: Record<string, unknown>;
}

const GENESIS = '0'.repeat(64);

export function chainHash(prevHash: string, at: Date, e: AuditEvent): string {
  return createHash('sha256')
    .update(JSON.stringify([prevHash, at.toISOString(), e.actor, e.action, e.target, e.detail ?? {}]))
    .digest('hex');
}

export async function recordAudit(store: Store, e: AuditEvent, at = new Date()): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    // Appends must be serial for the chain to be a chain: Postgres needs a lock across
    // processes; SQLite transactions are already serial (one writer).
    if (store.dialect === 'postgres') await sql`select pg_advisory_xact_lock(7411001)`.execute(trx);
    const last = await trx.selectFrom('audit_events').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
    const prev = last?.hash ?? GENESIS;
    await trx
      .insertInto('audit_events')
      .values({ at, actor: e.actor, action: e.action, target: e.target, detail: JSON.stringify(e.detail ?? {}), prev_hash: prev, hash: chainHash(prev, at, e) })
      .execute();
  });
}

/** Returns the seq of the first event that does not follow from its predecessor, or null. */
export async function verifyAuditChain(store: Store): Promise<number | null> {
  const rows = await store.db.selectFrom('audit_events').selectAll().orderBy('seq').execute();
  let prev = GENESIS;
  for (const r of rows) {
    const e: AuditEvent = { actor: r.actor, action: r.action, target: r.target, detail: JSON.parse(r.detail) as Record<string, unknown> };
    if (r.prev_hash !== prev || chainHash(prev, r.at, e) !== r.hash) return Number(r.seq);
    prev = r.hash;
  }
  return null;
}
