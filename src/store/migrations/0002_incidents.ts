import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../db.js';
import { timeType } from './0001_initial.js';

export function incidents(dialect: Dialect) {
  const ts = timeType(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('incidents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('network', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('onset_at', sql.raw(ts), (c) => c.notNull())
        .addColumn('detected_at', sql.raw(ts), (c) => c.notNull())
        .addColumn('resolved_at', sql.raw(ts))
        .addColumn('updated_at', sql.raw(ts), (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('incidents_onset').on('incidents').columns(['onset_at']).execute();
      await db.schema.createIndex('incidents_network_status').on('incidents').columns(['network', 'status']).execute();
    },
  };
}
