// The delivery outbox. An incident change is turned into events once: the last alerted state
// moves by compare-and-set on its version, in the same transaction that enqueues, and each
// delivery is unique per (subscription, incident, event, incident version) — so API processes
// sharing one PostgreSQL, all watching the same changes, never enqueue one twice.
import type { Kysely, Selectable } from 'kysely';
import { storedDate, storedDateOrNull, uuidv7, type Database, type Store } from '../store/index.js';
import type { AlertDeliveriesTable } from '../store/schema.js';
import { publicIncidents, toPublicIncident, type IncidentFacts, type PublicIncident } from '../status/index.js';
import { alertedState, eventsBetween, matches, type AlertEvent, type AlertedState } from './events.js';
import { toSubscription } from './subscriptions.js';
import { enqueuePublicAlerts } from './public-mail.js';
import { withWriteLock } from './write-lock.js';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface AlertPayload {
  type: AlertEvent;
  timestamp: string;
  data: PublicIncident;
}

export interface Delivery {
  id: string;
  subscriptionId: string;
  incidentId: string;
  event: AlertEvent;
  incidentVersion: number;
  payload: AlertPayload;
  status: DeliveryStatus;
  attempts: number;
  nextAt: Date;
  lastStatusCode: number | null;
  createdAt: Date;
  deliveredAt: Date | null;
}

export const toDelivery = (r: Selectable<AlertDeliveriesTable>): Delivery => ({
  id: r.id,
  subscriptionId: r.subscription_id,
  incidentId: r.incident_id,
  event: r.event as AlertEvent,
  incidentVersion: r.incident_version,
  payload: JSON.parse(r.payload) as AlertPayload,
  status: r.status as DeliveryStatus,
  attempts: r.attempts,
  nextAt: storedDate(r.next_at),
  lastStatusCode: r.last_status_code,
  createdAt: storedDate(r.created_at),
  deliveredAt: storedDateOrNull(r.delivered_at),
});

/** Standard Webhooks ids: unique per message, the same on every retry of it. */
const messageId = (now: number): string => `msg_${uuidv7(now).replace(/-/g, '')}`;

export interface EnqueuedChange {
  /** The events this call derived: empty when nothing changed or another process got there first. */
  events: AlertEvent[];
  incident: PublicIncident | undefined;
  /** Partner deliveries and public e-mails queued. */
  enqueued: number;
}

const NOTHING: EnqueuedChange = { events: [], incident: undefined, enqueued: 0 };

export async function enqueueIncidentChange(store: Store, incident: IncidentFacts, minCount: number, now = new Date()): Promise<EnqueuedChange> {
  const state = alertedState(incident, minCount);
  if (!state) return NOTHING;
  return withWriteLock(store, async (db) => {
    const row = await db.selectFrom('alert_incidents').selectAll().where('incident_id', '=', incident.id).executeTakeFirst();
    const before = row ? (JSON.parse(row.state) as AlertedState) : undefined;
    const events = eventsBetween(before, state);
    if (events.length === 0) return NOTHING;
    const version = (row?.version ?? 0) + 1;
    if (!(await moveState(db, incident.id, row?.version, version, state))) return NOTHING;
    const shown = publicIncidents([incident], minCount)[0] ?? toPublicIncident(incident, minCount);
    const enqueued = (await enqueue(db, shown, events, version, now)) + (await enqueuePublicAlerts(db, shown, events, version, now));
    return { events, incident: shown, enqueued };
  });
}

async function moveState(db: Kysely<Database>, id: string, from: number | undefined, to: number, state: AlertedState): Promise<boolean> {
  const json = JSON.stringify(state);
  if (from === undefined) {
    const r = await db.insertInto('alert_incidents').values({ incident_id: id, version: to, state: json }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  }
  const r = await db.updateTable('alert_incidents').set({ version: to, state: json }).where('incident_id', '=', id).where('version', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

async function enqueue(db: Kysely<Database>, incident: PublicIncident, events: AlertEvent[], version: number, now: Date): Promise<number> {
  const subs = (await db.selectFrom('alert_subscriptions').selectAll().execute()).map(toSubscription).filter((s) => matches(s, incident));
  let n = 0;
  for (const s of subs) {
    for (const event of events) {
      const payload: AlertPayload = { type: event, timestamp: now.toISOString(), data: incident };
      const r = await db
        .insertInto('alert_deliveries')
        .values({
          id: messageId(now.getTime()), subscription_id: s.id, incident_id: incident.id, event, incident_version: version,
          payload: JSON.stringify(payload), status: 'pending', attempts: 0, next_at: now, claimed_until: null, last_status_code: null, created_at: now, delivered_at: null,
        })
        .onConflict((oc) => oc.columns(['subscription_id', 'incident_id', 'event', 'incident_version']).doNothing())
        .executeTakeFirst();
      n += Number(r.numInsertedOrUpdatedRows ?? 0);
    }
  }
  return n;
}

/**
 * Takes up to `limit` due deliveries of active subscriptions for `leaseMs`: another process
 * (or this one, later) may take them only once the lease has run out, so a crash mid-send is
 * retried, never lost.
 */
export async function claimDue(store: Store, limit: number, leaseMs: number, now = new Date()): Promise<Delivery[]> {
  return withWriteLock(store, async (db) => {
    let q = db
      .selectFrom('alert_deliveries as d')
      .innerJoin('alert_subscriptions as s', 's.id', 'd.subscription_id')
      .selectAll('d')
      .where('d.status', '=', 'pending')
      .where('s.status', '=', 'active')
      .where('d.next_at', '<=', now)
      .where((eb) => eb.or([eb('d.claimed_until', 'is', null), eb('d.claimed_until', '<', now)]))
      .orderBy('d.next_at')
      .limit(limit);
    if (store.dialect === 'postgres') q = q.forUpdate('d').skipLocked();
    const rows = await q.execute();
    if (rows.length === 0) return [];
    await db.updateTable('alert_deliveries').set({ claimed_until: new Date(now.getTime() + leaseMs) }).where('id', 'in', rows.map((r) => r.id)).execute();
    return rows.map(toDelivery);
  });
}
