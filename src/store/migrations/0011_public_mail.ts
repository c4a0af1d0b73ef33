import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../db.js';
import { timeType } from './0001_initial.js';

/**
 * The outbox of the public's e-mails (confirmations and alerts), so an SMTP failure is retried
 * with backoff like a partner's delivery: one row per (subscriber, incident, event, incident
 * version) — a confirmation is (subscriber, '', 'confirm', 0) — claimed with a lease. Rows hold
 * no address and no token: both are read or derived when the e-mail is sent, and a subscriber's
 * rows are deleted with the subscriber.
 */
export function publicMail(dialect: Dialect) {
  const ts = sql.raw(timeType(dialect));
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('public_mail')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('subscriber_id', 'text', (c) => c.notNull())
        .addColumn('incident_id', 'text', (c) => c.notNull())
        .addColumn('event', 'text', (c) => c.notNull())
        .addColumn('incident_version', 'integer', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_at', ts, (c) => c.notNull())
        .addColumn('claimed_until', ts)
        .addColumn('last_error', 'text')
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('delivered_at', ts)
        .execute();
      await db.schema.createIndex('public_mail_once').on('public_mail').columns(['subscriber_id', 'incident_id', 'event', 'incident_version']).unique().execute();
      await db.schema.createIndex('public_mail_due').on('public_mail').columns(['status', 'next_at']).execute();
    },
  };
}
