import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../db.js';
import { timeType } from './0001_initial.js';

/**
 * Alerts: partner subscriptions (webhook or e-mail), the last alerted state of each incident
 * (so an event is derived once however many API processes watch), the delivery outbox (unique
 * per subscription, incident, event and incident version: enqueued once across processes), the
 * log of every attempt, and the public's e-mail subscriptions (addresses kept only for sending).
 */
export function alerts(dialect: Dialect) {
  const ts = sql.raw(timeType(dialect));
  const serial = dialect === 'postgres' ? 'bigserial' : 'integer';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('alert_subscriptions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('url', 'text')
        .addColumn('email', 'text')
        .addColumn('lang', 'text', (c) => c.notNull().defaultTo('en'))
        .addColumn('secret', 'text')
        .addColumn('networks', 'text', (c) => c.notNull())
        .addColumn('states', 'text', (c) => c.notNull())
        .addColumn('min_severity', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('paused_reason', 'text')
        .addColumn('consecutive_failures', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('updated_at', ts, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('alert_incidents')
        .addColumn('incident_id', 'text', (c) => c.primaryKey())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('alert_deliveries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('subscription_id', 'text', (c) => c.notNull())
        .addColumn('incident_id', 'text', (c) => c.notNull())
        .addColumn('event', 'text', (c) => c.notNull())
        .addColumn('incident_version', 'integer', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_at', ts, (c) => c.notNull())
        .addColumn('claimed_until', ts)
        .addColumn('last_status_code', 'integer')
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('delivered_at', ts)
        .execute();
      await db.schema.createIndex('alert_deliveries_once').on('alert_deliveries').columns(['subscription_id', 'incident_id', 'event', 'incident_version']).unique().execute();
      await db.schema.createIndex('alert_deliveries_due').on('alert_deliveries').columns(['status', 'next_at']).execute();
      await db.schema
        .createTable('alert_attempts')
        .addColumn('seq', serial, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
        .addColumn('delivery_id', 'text', (c) => c.notNull())
        .addColumn('at', ts, (c) => c.notNull())
        .addColumn('status_code', 'integer')
        .addColumn('error', 'text')
        .addColumn('duration_ms', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('alert_attempts_delivery').on('alert_attempts').columns(['delivery_id', 'seq']).execute();
      await db.schema
        .createTable('public_subscribers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('network', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('lang', 'text', (c) => c.notNull())
        .addColumn('confirm_hash', 'text', (c) => c.notNull())
        .addColumn('unsubscribe_hash', 'text', (c) => c.notNull())
        .addColumn('confirmed_at', ts)
        .addColumn('created_at', ts, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('public_subscribers_confirm').on('public_subscribers').column('confirm_hash').unique().execute();
      await db.schema.createIndex('public_subscribers_unsubscribe').on('public_subscribers').column('unsubscribe_hash').unique().execute();
      await db.schema.createIndex('public_subscribers_once').on('public_subscribers').columns(['email', 'network', 'state']).unique().execute();
    },
  };
}
