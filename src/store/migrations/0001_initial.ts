import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../db.js';

/** The column type for a point in time on each store (see store/time.ts). */
export const timeType = (dialect: Dialect) => (dialect === 'postgres' ? 'timestamptz' : 'bigint');

export function initial(dialect: Dialect) {
  const ts = timeType(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('reports')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('reference', 'text', (c) => c.notNull().unique())
        .addColumn('received_at', sql.raw(ts), (c) => c.notNull())
        .addColumn('carrier', 'text', (c) => c.notNull())
        .addColumn('network', 'text', (c) => c.notNull())
        .addColumn('services', 'text', (c) => c.notNull())
        .addColumn('sos_mode', 'integer', (c) => c.notNull())
        .addColumn('zip', 'text', (c) => c.notNull())
        .addColumn('county', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('started_at', sql.raw(ts), (c) => c.notNull())
        .addColumn('ended_at', sql.raw(ts))
        .addColumn('called_carrier', 'text')
        .addColumn('called_network', 'text')
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('contact_name', 'text')
        .addColumn('contact_email', 'text')
        .addColumn('contact_phone', 'text')
        .addColumn('consent_to_contact', 'integer', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('fingerprint', 'text', (c) => c.notNull())
        .addColumn('idempotency_key', 'text', (c) => c.unique())
        .addColumn('request_hash', 'text')
        .execute();
      await db.schema.createIndex('reports_received_at').on('reports').columns(['received_at', 'id']).execute();
      await db.schema.createIndex('reports_network_received_at').on('reports').columns(['network', 'received_at']).execute();
      await db.schema.createIndex('reports_state_received_at').on('reports').columns(['state', 'received_at']).execute();

      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text')
        .addColumn('created_at', sql.raw(ts), (c) => c.notNull())
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createTable('api_tokens')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('created_at', sql.raw(ts), (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('sessions')
        .addColumn('session_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', sql.raw(ts), (c) => c.notNull())
        .addColumn('expires_at', sql.raw(ts), (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('settings')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('audit_events')
        .addColumn('seq', dialect === 'postgres' ? 'bigserial' : 'integer', (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
        .addColumn('at', sql.raw(ts), (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('detail', 'text', (c) => c.notNull())
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
