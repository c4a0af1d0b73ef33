// The public's e-mails through an outbox, as partners' deliveries are (outbox.ts, deliveries.ts):
// a confirmation is queued with the sign-up, an alert for every matching confirmed subscriber in
// the transaction that derives the change; due rows are claimed with a lease, a failure is
// retried with backoff and jitter (retry.ts), a sent e-mail is marked delivered and not sent
// again. Rows carry no address and no token: the address is read when sending (an
// unsubscribed subscriber's rows are deleted with it), the links' tokens are derived then.
import type { Kysely, Selectable } from 'kysely';
import { storedDate, uuidv7, type Database, type Store } from '../store/index.js';
import type { PublicMailTable } from '../store/schema.js';
import type { PublicIncident } from '../status/index.js';
import type { AttemptResult } from './deliveries.js';
import { succeeded } from './deliveries.js';
import { statesOf, type AlertEvent } from './events.js';
import type { AlertPayload } from './outbox.js';
import { retryDelayMs, type RetryPolicy } from './retry.js';
import { withWriteLock } from './write-lock.js';

export interface PublicMail {
  id: string;
  subscriberId: string;
  /** 'confirm', or the alert's event. */
  event: 'confirm' | AlertEvent;
  payload: AlertPayload | undefined;
  attempts: number;
  nextAt: Date;
}

const CONFIRM = 'confirm';

const toMail = (r: Selectable<PublicMailTable>): PublicMail => ({
  id: r.id,
  subscriberId: r.subscriber_id,
  event: r.event as PublicMail['event'],
  payload: r.event === CONFIRM ? undefined : (JSON.parse(r.payload) as AlertPayload),
  attempts: r.attempts,
  nextAt: storedDate(r.next_at),
});

function row(subscriberId: string, incidentId: string, event: string, version: number, payload: string, now: Date) {
  return {
    id: uuidv7(now.getTime()), subscriber_id: subscriberId, incident_id: incidentId, event, incident_version: version, payload,
    status: 'pending', attempts: 0, next_at: now, claimed_until: null, last_error: null, created_at: now, delivered_at: null,
  };
}

/** The confirmation e-mail of a new sign-up: once per subscriber. */
export async function enqueueConfirmation(db: Kysely<Database>, subscriberId: string, now = new Date()): Promise<void> {
  await db.insertInto('public_mail').values(row(subscriberId, '', CONFIRM, 0, '{}', now)).onConflict((oc) => oc.doNothing()).execute();
}

/** Alerts for the confirmed subscribers of the incident's network and states; inside the enqueueing transaction. */
export async function enqueuePublicAlerts(db: Kysely<Database>, incident: PublicIncident, events: AlertEvent[], version: number, now: Date): Promise<number> {
  const states = statesOf(incident);
  let q = db.selectFrom('public_subscribers').select('id').where('confirmed_at', 'is not', null).where('network', '=', incident.network);
  if (states) q = q.where('state', 'in', [...states]);
  let n = 0;
  for (const s of await q.execute()) {
    for (const event of events) {
      const payload: AlertPayload = { type: event, timestamp: now.toISOString(), data: incident };
      const r = await db
        .insertInto('public_mail')
        .values(row(s.id, incident.id, event, version, JSON.stringify(payload), now))
        .onConflict((oc) => oc.columns(['subscriber_id', 'incident_id', 'event', 'incident_version']).doNothing())
        .executeTakeFirst();
      n += Number(r.numInsertedOrUpdatedRows ?? 0);
    }
  }
  return n;
}

/** Takes up to `limit` due e-mails for `leaseMs` (see claimDue in outbox.ts). */
export async function claimDuePublicMail(store: Store, limit: number, leaseMs: number, now = new Date()): Promise<PublicMail[]> {
  // Most polls find nothing due: look without the write lock first (on SQLite it waits for the intake's commits).
  const any = await store.db.selectFrom('public_mail').select('id').where('status', '=', 'pending').where('next_at', '<=', now).limit(1).executeTakeFirst();
  if (!any) return [];
  return withWriteLock(store, async (db) => {
    let q = db
      .selectFrom('public_mail')
      .selectAll()
      .where('status', '=', 'pending')
      .where('next_at', '<=', now)
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
      .orderBy('next_at')
      .limit(limit);
    if (store.dialect === 'postgres') q = q.forUpdate().skipLocked();
    const rows = await q.execute();
    if (rows.length === 0) return [];
    await db.updateTable('public_mail').set({ claimed_until: new Date(now.getTime() + leaseMs) }).where('id', 'in', rows.map((r) => r.id)).execute();
    return rows.map(toMail);
  });
}

/** Delivered once the SMTP server accepted it; else retried later, or failed after the last attempt. */
export async function recordPublicAttempt(db: Kysely<Database>, mail: PublicMail, result: AttemptResult, policy: RetryPolicy, now = new Date(), random = Math.random()): Promise<void> {
  const attempts = mail.attempts + 1;
  if (succeeded(result)) {
    await db.updateTable('public_mail').set({ status: 'delivered', attempts, delivered_at: now, claimed_until: null, last_error: null }).where('id', '=', mail.id).execute();
    return;
  }
  await db
    .updateTable('public_mail')
    .set({ status: attempts >= policy.maxAttempts ? 'failed' : 'pending', attempts, claimed_until: null, last_error: (result.error ?? String(result.statusCode)).slice(0, 300), next_at: new Date(now.getTime() + retryDelayMs(policy, attempts, random)) })
    .where('id', '=', mail.id)
    .execute();
}

/** A subscriber who left is sent nothing more: their waiting e-mails go with them. */
export async function forgetPublicMail(db: Kysely<Database>, subscriberId: string): Promise<void> {
  await db.deleteFrom('public_mail').where('subscriber_id', '=', subscriberId).execute();
}

export async function publicMailStatus(db: Kysely<Database>, subscriberId: string): Promise<Array<{ event: string; status: string; attempts: number }>> {
  return db.selectFrom('public_mail').select(['event', 'status', 'attempts']).where('subscriber_id', '=', subscriberId).orderBy('created_at').execute();
}
