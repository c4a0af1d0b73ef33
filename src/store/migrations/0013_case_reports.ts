import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../db.js';
import { timeType } from './0001_initial.js';

/**
 * Single reports staff attached to an incident or detached from it, beside the case file and
 * apart from detection's rows (a replay rewrites incidents, never these). One row per incident
 * and report; a report is attached to one incident at most (the partial unique index holds that
 * even when two staff attach it at the same moment).
 */
export function caseReports(dialect: Dialect) {
  const ts = sql.raw(timeType(dialect));
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('case_reports')
        .addColumn('incident_id', 'text', (c) => c.notNull())
        .addColumn('report_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('at', ts, (c) => c.notNull())
        .addPrimaryKeyConstraint('case_reports_pk', ['incident_id', 'report_id'])
        .execute();
      await db.schema.createIndex('case_reports_report').on('case_reports').columns(['report_id', 'kind']).execute();
      await db.schema.createIndex('case_reports_attached_once').on('case_reports').column('report_id').unique().where(sql.ref('kind'), '=', sql.lit('attached')).execute();
    },
  };
}
