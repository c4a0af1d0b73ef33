// What became of a delivery attempt, in the log and on the delivery and its subscription:
// delivered; retried later; failed for good (replayable); the subscription paused after too
// many failures in a row.
import type { Kysely } from 'kysely';
import { storedDate, type Database, type Store } from '../store/index.js';
import { toDelivery, type Delivery } from './outbox.js';
import { retryDelayMs, type RetryPolicy } from './retry.js';
import { withWriteLock } from './write-lock.js';

export interface AttemptResult {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export interface Attempt extends AttemptResult {
  at: Date;
}

export const succeeded = (r: AttemptResult): boolean => r.statusCode !== null && r.statusCode >= 200 && r.statusCode < 300;

export async function recordAttempt(store: Store, d: Delivery, result: AttemptResult, policy: RetryPolicy, now = new Date(), random = Math.random()): Promise<void> {
  await withWriteLock(store, async (db) => {
    await db.insertInto('alert_attempts').values({ delivery_id: d.id, at: now, status_code: result.statusCode, error: result.error?.slice(0, 300) ?? null, duration_ms: Math.round(result.durationMs) }).execute();
    const attempts = d.attempts + 1;
    if (succeeded(result)) {
      await db.updateTable('alert_deliveries').set({ status: 'delivered', attempts, last_status_code: result.statusCode, delivered_at: now, claimed_until: null }).where('id', '=', d.id).execute();
      await db.updateTable('alert_subscriptions').set({ consecutive_failures: 0 }).where('id', '=', d.subscriptionId).execute();
      return;
    }
    const gaveUp = attempts >= policy.maxAttempts;
    await db
      .updateTable('alert_deliveries')
      .set({ status: gaveUp ? 'failed' : 'pending', attempts, last_status_code: result.statusCode, claimed_until: null, next_at: new Date(now.getTime() + retryDelayMs(policy, attempts, random)) })
      .where('id', '=', d.id)
      .execute();
    await countFailure(db, d.subscriptionId, policy.pauseAfter, now);
  });
}

async function countFailure(db: Kysely<Database>, subscriptionId: string, pauseAfter: number, now: Date): Promise<void> {
  await db.updateTable('alert_subscriptions').set((eb) => ({ consecutive_failures: eb('consecutive_failures', '+', 1) })).where('id', '=', subscriptionId).execute();
  await db
    .updateTable('alert_subscriptions')
    .set({ status: 'paused', paused_reason: `${pauseAfter} failed attempts in a row`, updated_at: now })
    .where('id', '=', subscriptionId)
    .where('status', '=', 'active')
    .where('consecutive_failures', '>=', pauseAfter)
    .execute();
}

export async function listDeliveries(db: Kysely<Database>, subscriptionId: string, limit = 100): Promise<Array<Delivery & { log: Attempt[] }>> {
  const rows = await db.selectFrom('alert_deliveries').selectAll().where('subscription_id', '=', subscriptionId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  if (rows.length === 0) return [];
  const attempts = await db.selectFrom('alert_attempts').selectAll().where('delivery_id', 'in', rows.map((r) => r.id)).orderBy('seq').execute();
  return rows.map((r) => ({
    ...toDelivery(r),
    log: attempts.filter((a) => a.delivery_id === r.id).map((a) => ({ at: storedDate(a.at), statusCode: a.status_code, error: a.error, durationMs: a.duration_ms })),
  }));
}

export async function findDelivery(db: Kysely<Database>, id: string): Promise<Delivery | undefined> {
  const r = await db.selectFrom('alert_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toDelivery(r) : undefined;
}

/** A failed delivery is sent again from its first try: same message id (receivers dedupe on it). */
export async function replayDelivery(db: Kysely<Database>, id: string, now = new Date()): Promise<boolean> {
  const r = await db.updateTable('alert_deliveries').set({ status: 'pending', attempts: 0, next_at: now, claimed_until: null }).where('id', '=', id).where('status', '=', 'failed').executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
