// Partner subscriptions in the store. The webhook secret is kept in clear (it signs every
// delivery) and leaves only once, in the answer to the create command.
import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { storedDate, uuidv7, type Database } from '../store/index.js';
import type { AlertSubscriptionsTable } from '../store/schema.js';
import type { AlertFilter, Severity } from './events.js';

export type Channel = 'webhook' | 'email';
export type SubscriptionStatus = 'active' | 'paused';

export interface Subscription extends AlertFilter {
  id: string;
  name: string;
  channel: Channel;
  url: string | null;
  email: string | null;
  lang: string;
  status: SubscriptionStatus;
  pausedReason: string | null;
  consecutiveFailures: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewSubscription extends AlertFilter {
  name: string;
  channel: Channel;
  url?: string | undefined;
  email?: string | undefined;
  lang?: string | undefined;
}

const list = (s: string): string[] => (s ? s.split(',') : []);

export function toSubscription(r: Selectable<AlertSubscriptionsTable>): Subscription {
  return {
    id: r.id,
    name: r.name,
    channel: r.channel as Channel,
    url: r.url,
    email: r.email,
    lang: r.lang,
    networks: list(r.networks),
    states: list(r.states),
    minSeverity: r.min_severity as Severity,
    status: r.status as SubscriptionStatus,
    pausedReason: r.paused_reason,
    consecutiveFailures: r.consecutive_failures,
    createdAt: storedDate(r.created_at),
    updatedAt: storedDate(r.updated_at),
  };
}

/** Standard Webhooks secrets: `whsec_` and base64 of 24 random bytes. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(24).toString('base64')}`;

export async function insertSubscription(db: Kysely<Database>, s: NewSubscription, now = new Date()): Promise<{ subscription: Subscription; secret: string | null }> {
  const secret = s.channel === 'webhook' ? newWebhookSecret() : null;
  const row = {
    id: uuidv7(now.getTime()),
    name: s.name,
    channel: s.channel,
    url: s.channel === 'webhook' ? (s.url ?? null) : null,
    email: s.channel === 'email' ? (s.email ?? null) : null,
    lang: s.lang ?? 'en',
    secret,
    networks: s.networks.join(','),
    states: s.states.join(','),
    min_severity: s.minSeverity,
    status: 'active',
    paused_reason: null,
    consecutive_failures: 0,
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('alert_subscriptions').values(row).execute();
  return { subscription: toSubscription({ ...row, created_at: now.getTime(), updated_at: now.getTime() }), secret };
}

export async function findSubscription(db: Kysely<Database>, id: string): Promise<Subscription | undefined> {
  const r = await db.selectFrom('alert_subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toSubscription(r) : undefined;
}

export async function subscriptionSecret(db: Kysely<Database>, id: string): Promise<string | null> {
  const r = await db.selectFrom('alert_subscriptions').select('secret').where('id', '=', id).executeTakeFirst();
  return r?.secret ?? null;
}

export async function listSubscriptions(db: Kysely<Database>, o: { status?: SubscriptionStatus } = {}): Promise<Subscription[]> {
  let q = db.selectFrom('alert_subscriptions').selectAll().orderBy('id');
  if (o.status) q = q.where('status', '=', o.status);
  return (await q.execute()).map(toSubscription);
}

export async function setSubscriptionStatus(db: Kysely<Database>, id: string, status: SubscriptionStatus, reason: string | null, now = new Date()): Promise<boolean> {
  const r = await db
    .updateTable('alert_subscriptions')
    .set({ status, paused_reason: status === 'paused' ? reason : null, ...(status === 'active' ? { consecutive_failures: 0 } : {}), updated_at: now })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** A subscription's deliveries and their attempts go with it. */
export async function deleteSubscription(db: Kysely<Database>, id: string): Promise<boolean> {
  const ids = db.selectFrom('alert_deliveries').select('id').where('subscription_id', '=', id);
  await db.deleteFrom('alert_attempts').where('delivery_id', 'in', ids).execute();
  await db.deleteFrom('alert_deliveries').where('subscription_id', '=', id).execute();
  const r = await db.deleteFrom('alert_subscriptions').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
