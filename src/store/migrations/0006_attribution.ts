import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../db.js';
import { timeType } from './0001_initial.js';

/**
 * Statements (what authorities said) and claims of responsibility, each attached to one or more
 * incidents. Links carry no foreign key to incidents: a replay rebuilds the incident rows under
 * the same ids, and what staff recorded must survive it.
 */
export function attribution(dialect: Dialect) {
  const ts = sql.raw(timeType(dialect));
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('statements')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('speaker', 'text', (c) => c.notNull())
        .addColumn('said_at', ts, (c) => c.notNull())
        .addColumn('seen_at', ts, (c) => c.notNull())
        .addColumn('url', 'text')
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('asserts', 'text', (c) => c.notNull()) // JSON: cause, maliciousActivity, restoration, creditOffered
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', ts, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('claims')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('url', 'text')
        .addColumn('claimed_at', ts, (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('claimed_method', 'text', (c) => c.notNull())
        .addColumn('claimed_scope', 'text') // JSON { level, regions } or null
        .addColumn('claimed_attack_at', ts)
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', ts, (c) => c.notNull())
        .execute();
      for (const [table, item] of [['incident_statements', 'statement_id'], ['incident_claims', 'claim_id']] as const) {
        await db.schema
          .createTable(table)
          .addColumn('incident_id', 'text', (c) => c.notNull())
          .addColumn(item, 'text', (c) => c.notNull())
          .addColumn('attached_at', ts, (c) => c.notNull())
          .addPrimaryKeyConstraint(`${table}_pk`, ['incident_id', item])
          .execute();
        await db.schema.createIndex(`${table}_item`).on(table).column(item).execute();
      }
    },
  };
}
